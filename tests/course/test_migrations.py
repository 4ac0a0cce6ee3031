"""Data migrations: rows made with sequential ids get random ones, and nothing else changes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("course", "0003_activity_weeks_and_export_log")]
AFTER = [("course", "0005_rekey_participant_rows")]


@pytest.fixture(autouse=True)
def back_to_the_latest():
    """Whatever a test migrated to, the database is at the latest migrations again for the next test."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_rows_made_before_random_ids_are_rekeyed_and_keep_their_participant():
    old = migrate(BEFORE)
    Participant, LessonProgress = old.get_model("course", "Participant"), old.get_model("course", "LessonProgress")
    Page = old.get_model("wagtailcore", "Page")
    page = Page.objects.first()
    people = [
        Participant.objects.create(
            code_hash=f"{i:064x}", language="sv", started_on="2026-11-02", last_active_on="2026-11-02"
        )
        for i in range(5)
    ]
    for person in people:
        LessonProgress.objects.create(participant=person, page=page, started_on="2026-11-02")
    old_ids = sorted(LessonProgress.objects.values_list("pk", flat=True))
    assert old_ids == list(range(old_ids[0], old_ids[0] + 5))  # sequential, as they were

    new = migrate(AFTER)
    LessonProgress = new.get_model("course", "LessonProgress")
    rows = list(LessonProgress.objects.values_list("pk", "participant_id"))
    assert len(rows) == 5
    assert not set(old_ids) & {pk for pk, _participant in rows}
    assert sorted(participant for _pk, participant in rows) == sorted(p.pk for p in people)  # reflections stay bound
