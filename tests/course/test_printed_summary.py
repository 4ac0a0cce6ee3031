"""The summary a parent prints says what it is, when it was printed, and what each dilemma was."""

from datetime import date

from django.utils import formats, translation

from tests.course.conftest import dilemma_block


def test_the_printed_summary_has_a_title_the_date_and_each_situation(participant_client, course):
    lesson = next(lesson for lesson in course["sv"]["lessons"] if any(b.block_type == "dilemma" for b in lesson.body))
    dilemma = dilemma_block(lesson).value
    option = dilemma.options.first()
    participant_client.post("/sv/progress/choose/", {"page": lesson.pk, "dilemma": dilemma.pk, "option": option.pk})
    html = participant_client.get("/sv/my-progress/").content.decode()
    printable = html.split('class="printable"', 1)[1].split("</section>", 1)[0]
    with translation.override("sv"):
        today = formats.date_format(date.today(), "DATE_FORMAT")
    assert "Från Samspel" in printable and today in printable
    situation = " ".join(dilemma.situation.split())[:40]
    assert situation in " ".join(printable.split())
    assert printable.index(situation[:20]) < printable.index(option.label)  # the situation, then the choice
