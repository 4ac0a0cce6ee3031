"""Reflections are sealed with a key only the participant's code can make.

HKDF-SHA256 turns the resume code into a 256-bit key; AES-GCM seals each
reflection with a fresh nonce, bound to its place (participant, page, block)
by the associated data, so a ciphertext moved or altered fails to open.
"""

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

INFO = b"samspel reflections v1"
SALT = b"samspel/course/reflections"
NONCE_BYTES = 12


class CannotOpen(Exception):
    """Wrong key, or the ciphertext was altered."""


def derive_key(normalized_code):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=SALT, info=INFO).derive(normalized_code.encode())


def seal(key, text, context):
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, text.encode("utf-8"), context.encode())


def open_sealed(key, sealed, context):
    sealed = bytes(sealed)
    try:
        plain = AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], context.encode())
    except (InvalidTag, ValueError) as error:
        raise CannotOpen from error
    return plain.decode("utf-8")
