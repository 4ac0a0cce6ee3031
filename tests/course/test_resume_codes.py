"""Resume codes: enough randomness, forgiving to type, and typos caught by the check symbol."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course import codes

FORMAT = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]$")  # check from the 32 too
bodies = st.text(alphabet=codes.ALPHABET, min_size=16, max_size=16)


def test_generated_codes_look_right_and_carry_80_bits():
    code = codes.generate()
    assert FORMAT.match(code), code
    assert codes.BITS >= 80
    assert len({codes.generate() for _ in range(2000)}) == 2000


@given(bodies)
def test_a_valid_code_survives_everything_people_do_to_it(body):
    normalized = body + codes.check_symbol(body)
    shown = codes.format_code(normalized)
    assert codes.normalize(shown) == normalized
    assert codes.normalize(shown.lower()) == normalized
    assert codes.normalize(shown.replace("-", "")) == normalized
    assert codes.normalize(shown.replace("-", " ")) == normalized
    confused = shown.replace("0", "O").replace("1", "I")
    assert codes.normalize(confused) == normalized
    assert codes.normalize(shown.replace("1", "l").lower()) == normalized


@given(bodies, st.integers(min_value=0, max_value=16), st.sampled_from(codes.ALPHABET))
def test_every_single_wrong_symbol_is_caught_the_check_symbol_included(body, position, replacement):
    normalized = body + codes.check_symbol(body)
    typo = normalized[:position] + replacement + normalized[position + 1 :]
    if typo == normalized:
        return
    with pytest.raises(codes.TypoInCode):
        codes.normalize(typo)


@given(bodies, st.integers(min_value=0, max_value=15))
def test_every_swap_of_two_neighbours_is_caught_across_the_last_dash_too(body, position):
    normalized = body + codes.check_symbol(body)
    swapped = normalized[:position] + normalized[position + 1] + normalized[position] + normalized[position + 2 :]
    if swapped == normalized:
        return
    with pytest.raises(codes.TypoInCode):
        codes.normalize(codes.format_code(swapped))


def test_every_single_error_and_swap_of_a_sample_is_caught_exhaustively():
    """All 17 x 31 wrong symbols and all 16 swaps of a few codes (Luhn mod N would miss some swaps)."""
    for _ in range(50):
        normalized = codes.normalize(codes.generate())
        wrong = [
            normalized[:i] + symbol + normalized[i + 1 :]
            for i in range(17)
            for symbol in codes.ALPHABET
            if symbol != normalized[i]
        ]
        swaps = [
            normalized[:i] + normalized[i + 1] + normalized[i] + normalized[i + 2 :]
            for i in range(16)
            if normalized[i] != normalized[i + 1]
        ]
        for typo in wrong + swaps:
            with pytest.raises(codes.TypoInCode):
                codes.normalize(typo)


def test_a_code_issued_with_the_old_check_symbol_is_still_read_where_asked():
    body = "K7QX4M2P9DHTW3RB"
    old = codes.format_code(body + codes.legacy_check_symbol(body))
    assert codes.legacy_normalize(old) == body + codes.legacy_check_symbol(body)
    assert codes.legacy_check_symbol(body) != codes.check_symbol(body)
    with pytest.raises(codes.TypoInCode):
        codes.normalize(old)


@given(st.text(max_size=40))
def test_anything_else_is_refused_cleanly(text):
    try:
        normalized = codes.normalize(text)
    except (codes.MalformedCode, codes.TypoInCode):
        return
    assert len(normalized) == 17
    assert codes.check_symbol(normalized[:16]) == normalized[16]


def test_the_server_keeps_only_a_keyed_hash(settings):
    normalized = codes.normalize(codes.generate())
    digest = codes.code_hash(normalized)
    assert len(digest) == 64 and normalized not in digest
    settings.RESUME_CODE_SECRET = "another secret"
    assert codes.code_hash(normalized) != digest
