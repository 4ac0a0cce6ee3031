import re

import pytest

from course.participants import COOKIE

CODE_PATTERN = re.compile(r'<p class="resume-code" id="resume-code" translate="no">([0-9A-Z*~$=-]+)</p>')


def start(client, language="sv", device="own", **extra):
    """Starts the course like a parent would (the POST, then the page it redirects to); returns the code shown."""
    response = client.post(f"/{language}/start/", {"device": device, **extra})
    assert response.status_code == 302 and response["Location"] == f"/{language}/start/code/"
    return CODE_PATTERN.search(client.get(response["Location"]).content.decode()).group(1)


@pytest.fixture
def participant_client(client, course):
    client.code = start(client)
    return client


def reflection_block(lesson):
    return next(block for block in lesson.body if block.block_type == "reflection")


def dilemma_block(lesson):
    return next(block for block in lesson.body if block.block_type == "dilemma")


__all__ = ["COOKIE", "dilemma_block", "reflection_block", "start"]
