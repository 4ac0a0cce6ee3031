"""A full database dump holds no reflection text, no resume code and no client address."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client

from childmodule.models import ChapterView
from course.models import ExportLog
from course.participants import COOKIE
from tests.course.conftest import dilemma_block, reflection_block, start

pytestmark = pytest.mark.django_db

MARKER = "Zebrakompass-7Q9 är min hemlighet"
CLIENT_ADDRESS = "198.51.100.73"


def raw_dump():
    """Every row of every table, as text, straight from SQL."""
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value)
                        chunks.append(value.decode("latin-1"))
                        chunks.append(value.hex())
                    else:
                        chunks.append(str(value))
    return "\n".join(chunks)


def test_dump_reveals_nothing(course):
    client = Client(REMOTE_ADDR=CLIENT_ADDRESS, HTTP_USER_AGENT="UniqueAgent/9.9 (marker)")
    code = start(client)
    lesson = course["sv"]["lessons"][0]
    client.get(lesson.url)
    block = reflection_block(lesson)
    client.post("/sv/progress/reflect/", {"page": lesson.id, "block": block.id, "text": MARKER})
    dilemma = dilemma_block(lesson).value
    client.post(
        "/sv/progress/choose/", {"page": lesson.id, "dilemma": dilemma.pk, "option": dilemma.options.first().pk}
    )
    client.post("/sv/progress/complete/", {"page": lesson.id})
    # A failed resume attempt from the same address must not leave it anywhere either.
    client.post("/sv/resume/", {"code": "AAAA-BBBB-CCCC-DDDD-E", "device": "own"})
    assert MARKER in client.get("/sv/my-progress/").content.decode()  # it is there, for the participant

    normalized = code.replace("-", "")
    json_dump = io.StringIO()
    call_command("dumpdata", stdout=json_dump, exclude=["contenttypes", "auth.permission"])
    sql_dump = raw_dump()
    for dump in (json_dump.getvalue(), sql_dump):
        assert "Zebrakompass" not in dump
        assert normalized not in dump and code not in dump
        assert normalized.lower() not in dump.lower()
        assert CLIENT_ADDRESS not in dump
        assert "UniqueAgent" not in dump
    assert client.cookies[COOKIE].value.endswith(normalized)


def test_participant_tables_hold_dates_not_times():
    """Everything about participants' use (not the staff's export log) has dates or weeks, never times."""
    participant_models = [model for model in apps.get_app_config("course").get_models() if model is not ExportLog] + [
        ChapterView
    ]
    for model in participant_models:
        for field in model._meta.concrete_fields:
            assert field.get_internal_type() not in ("DateTimeField", "TimeField"), (model, field)


def test_no_log_line_carries_the_code_or_address(course, caplog):
    caplog.set_level("DEBUG")
    client = Client(REMOTE_ADDR=CLIENT_ADDRESS)
    code = start(client)
    client.post("/sv/resume/", {"code": code, "device": "own"})
    for _ in range(12):
        client.post("/sv/resume/", {"code": "AAAA-BBBB-CCCC-DDDD-E", "device": "own"})
    client.post("/sv/progress/complete/", {"page": "nonsense"})
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert code not in text and code.replace("-", "") not in text
    assert CLIENT_ADDRESS not in text
