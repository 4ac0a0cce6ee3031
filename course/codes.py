"""Resume codes: 80 random bits in Crockford base32, written for humans.

A code is 16 symbols in groups of four plus Crockford's mod-37 check symbol,
e.g. ``K7QX-4M2P-9DHT-W3RB-U``. Typing is forgiving: any case, with or
without dashes or spaces, and O/0, I/L/1 mix-ups are read as meant. The
server keeps only an HMAC of the code, never the code itself.
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CHECK_ALPHABET = ALPHABET + "*~$=U"
SYMBOLS = 16  # 16 x 5 bits = 80 bits
BITS = SYMBOLS * 5
CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
IGNORED = str.maketrans("", "", "-– \t\n")


class MalformedCode(ValueError):
    """Not a code at all: wrong length or characters."""


class TypoInCode(ValueError):
    """Looks like a code, but the check symbol shows a typing mistake."""


def check_symbol(body):
    number = 0
    for char in body:
        number = number * 32 + ALPHABET.index(char)
    return CHECK_ALPHABET[number % 37]


def generate():
    """A new code, formatted for display."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS))
    return format_code(body + check_symbol(body))


def format_code(normalized):
    body, check = normalized[:SYMBOLS], normalized[SYMBOLS:]
    groups = [body[i : i + 4] for i in range(0, SYMBOLS, 4)]
    return "-".join([*groups, check])


def normalize(typed):
    """The canonical form (17 symbols, no dashes) of what someone typed, or raise."""
    text = typed.upper().translate(IGNORED)
    if len(text) != SYMBOLS + 1:
        raise MalformedCode(typed)
    body = text[:SYMBOLS].translate(CONFUSABLE)
    check = text[SYMBOLS:]
    if check in "OIL":
        check = check.translate(CONFUSABLE)
    if any(char not in ALPHABET for char in body) or check not in CHECK_ALPHABET:
        raise MalformedCode(typed)
    if check_symbol(body) != check:
        raise TypoInCode(typed)
    return body + check


def code_hash(normalized):
    """What the database stores: HMAC-SHA256 of the code under RESUME_CODE_SECRET."""
    key = settings.RESUME_CODE_SECRET.encode()
    return hmac.new(key, normalized.encode(), hashlib.sha256).hexdigest()
