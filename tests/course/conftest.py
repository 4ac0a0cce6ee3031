import re

import pytest

from course.participants import COOKIE

CODE_PATTERN = re.compile(r'<p class="resume-code" id="resume-code" translate="no">([0-9A-Z*~$=-]+)</p>')


def start(client, language="sv", device="own"):
    """Starts the course like a parent would; returns the code shown once."""
    response = client.post(f"/{language}/start/", {"device": device})
    assert response.status_code == 200
    return CODE_PATTERN.search(response.content.decode()).group(1)


@pytest.fixture
def participant_client(client, course):
    client.code = start(client)
    return client


def reflection_block(lesson):
    return next(block for block in lesson.body if block.block_type == "reflection")


def dilemma_block(lesson):
    return next(block for block in lesson.body if block.block_type == "dilemma")


__all__ = ["COOKIE", "dilemma_block", "reflection_block", "start"]
