"""Resume codes: enough randomness, forgiving to type, and typos caught by the check symbol."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from course import codes

FORMAT = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z*~$=U]$")
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


@given(bodies, st.integers(min_value=0, max_value=15), st.sampled_from(codes.ALPHABET))
def test_a_single_wrong_symbol_is_caught(body, position, replacement):
    normalized = body + codes.check_symbol(body)
    typo = body[:position] + replacement + body[position + 1 :] + normalized[-1]
    if typo == normalized:
        return
    with pytest.raises(codes.TypoInCode):
        codes.normalize(typo)


@given(bodies, st.integers(min_value=0, max_value=14))
def test_two_swapped_neighbours_are_caught(body, position):
    swapped = body[:position] + body[position + 1] + body[position] + body[position + 2 :]
    if swapped == body:
        return
    with pytest.raises(codes.TypoInCode):
        codes.normalize(swapped + codes.check_symbol(body))


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
