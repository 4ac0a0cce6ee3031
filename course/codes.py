"""Resume codes: 80 random bits in Crockford base32, written for humans.

A code is 16 symbols in groups of four plus a check symbol from the same 32
symbols, e.g. ``K7QX-4M2P-9DHT-W3RB-G``. Typing is forgiving: any case, with or
without dashes or spaces, and O/0, I/L/1 mix-ups are read as meant. The
server keeps only an HMAC of the code, never the code itself.

The check symbol makes the weighted sum of all 17 symbols zero in GF(32), the
field of 32 elements (polynomials over GF(2) modulo x^5 + x^2 + 1): the symbol
at position i (from 0) is weighted by a^(16-i), a power of the primitive
element a = x, and the check symbol by a^0 = 1. One wrong symbol anywhere
adds e * a^k (e, a^k nonzero), so the sum is no longer zero; two different
neighbours swapped add (s - t) * a^k * (a + 1), nonzero since a != 1. Both
are always caught, the check symbol included, as every weight is different
(a has order 31 > 17). Crockford's mod-37 symbol, used before, needed five
extra symbols (*~$=U) and missed some swaps; the codes issued with it still work
(`legacy_normalize`, and `Participant.legacy_check`).
"""

import hashlib
import hmac
import secrets

from django.conf import settings

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LEGACY_CHECK_ALPHABET = ALPHABET + "*~$=U"  # Crockford's mod-37 check symbols (codes issued before)
MODULUS = 0b100101  # x^5 + x^2 + 1, primitive: x generates all 31 nonzero elements
SYMBOLS = 16  # 16 x 5 bits = 80 bits
BITS = SYMBOLS * 5
CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})
IGNORED = str.maketrans("", "", "-– \t\n")


class MalformedCode(ValueError):
    """Not a code at all: wrong length or characters."""


class TypoInCode(ValueError):
    """Looks like a code, but the check symbol shows a typing mistake."""


def gf32_times(a, b):
    """a * b in GF(32)."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= MODULUS
    return product


def check_symbol(body):
    """The symbol that makes the weighted sum of body and check zero (Horner: ((s0*a + s1)*a + ...)*a)."""
    total = 0
    for char in body:
        total = gf32_times(total ^ ALPHABET.index(char), 0b10)
    return ALPHABET[total]  # in GF(2^n), -total is total


def legacy_check_symbol(body):
    number = 0
    for char in body:
        number = number * 32 + ALPHABET.index(char)
    return LEGACY_CHECK_ALPHABET[number % 37]


def generate():
    """A new code, formatted for display."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(SYMBOLS))
    return format_code(body + check_symbol(body))


def format_code(normalized):
    body, check = normalized[:SYMBOLS], normalized[SYMBOLS:]
    groups = [body[i : i + 4] for i in range(0, SYMBOLS, 4)]
    return "-".join([*groups, check])


def _split(typed):
    """(body, check symbol) of what someone typed, mix-ups read as meant, or raise MalformedCode."""
    text = typed.upper().translate(IGNORED)
    if len(text) != SYMBOLS + 1:
        raise MalformedCode(typed)
    body = text[:SYMBOLS].translate(CONFUSABLE)
    check = text[SYMBOLS:]
    if check in "OIL":
        check = check.translate(CONFUSABLE)
    if any(char not in ALPHABET for char in body) or check not in LEGACY_CHECK_ALPHABET:
        raise MalformedCode(typed)
    return body, check


def normalize(typed):
    """The canonical form (17 symbols, no dashes) of what someone typed, or raise."""
    body, check = _split(typed)
    if check != check_symbol(body):
        raise TypoInCode(typed)
    return body + check


def legacy_normalize(typed):
    """Like `normalize`, for a code issued with Crockford's mod-37 check symbol (before GF(32))."""
    body, check = _split(typed)
    if check != legacy_check_symbol(body):
        raise TypoInCode(typed)
    return body + check


def code_hash(normalized):
    """What the database stores: HMAC-SHA256 of the code under RESUME_CODE_SECRET."""
    key = settings.RESUME_CODE_SECRET.encode()
    return hmac.new(key, normalized.encode(), hashlib.sha256).hexdigest()
