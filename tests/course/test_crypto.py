"""Sealed reflections open only with the right code, in the right place, untampered."""

import pytest

from course import codes, crypto


@pytest.fixture
def code():
    return codes.normalize(codes.generate())


def test_round_trip(code):
    key = crypto.derive_key(code)
    sealed = crypto.seal(key, "Jag är rädd att barnen tar skada.", "1:2:block")
    assert b"barnen" not in sealed
    assert crypto.open_sealed(key, sealed, "1:2:block") == "Jag är rädd att barnen tar skada."


def test_wrong_code_does_not_open(code):
    sealed = crypto.seal(crypto.derive_key(code), "hemligt", "1:2:block")
    other = crypto.derive_key(codes.normalize(codes.generate()))
    with pytest.raises(crypto.CannotOpen):
        crypto.open_sealed(other, sealed, "1:2:block")


def test_tampered_ciphertext_does_not_open(code):
    key = crypto.derive_key(code)
    sealed = bytearray(crypto.seal(key, "hemligt", "1:2:block"))
    sealed[-1] ^= 1
    with pytest.raises(crypto.CannotOpen):
        crypto.open_sealed(key, bytes(sealed), "1:2:block")
    with pytest.raises(crypto.CannotOpen):
        crypto.open_sealed(key, b"short", "1:2:block")


def test_moved_ciphertext_does_not_open(code):
    key = crypto.derive_key(code)
    sealed = crypto.seal(key, "hemligt", "1:2:block")
    with pytest.raises(crypto.CannotOpen):
        crypto.open_sealed(key, sealed, "1:3:block")
