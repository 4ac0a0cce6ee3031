"""Finding the way: where a parent is in a module, where the next step leads, and where they left off."""

import re


def pager(html):
    return html.split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]


def test_a_lesson_says_where_it_is_and_leads_on(client, course):
    first, second, third = course["sv"]["lessons"][:3]
    html = client.get(first.url).content.decode()
    assert "Lektion 1 av 2" in html
    assert f'href="{second.url}" rel="next"' in pager(html) and 'rel="prev"' not in pager(html)
    html = client.get(second.url).content.decode()
    assert "Lektion 2 av 2" in html
    next_module = course["sv"]["modules"][1]
    assert f'href="{next_module.url}" rel="next">Nästa modul: {next_module.title}' in pager(html)
    assert f'href="{first.url}" rel="prev"' in pager(html)
    assert re.search(r'rel="next".*rel="prev"', pager(html), re.S)  # the step forward comes first


def test_the_last_lesson_leads_back_to_its_module(client, course):
    last = course["da"]["lessons"][-1]
    html = client.get(last.url).content.decode()
    assert "Lektion 2 af 2" in html and f'href="{last.get_parent().url}"' in pager(html)


def test_continue_where_you_left_off_comes_first_and_only_once_something_was_started(client, course):
    from tests.course.conftest import start

    start(client)
    home = course["sv"]["home"]
    html = client.get(home.url).content.decode()
    assert "Fortsätt där du slutade" not in html and "Börja med första lektionen" in html
    lesson = course["sv"]["lessons"][0]
    client.get(lesson.url)  # opening a lesson starts it
    html = client.get(home.url).content.decode()
    assert html.count("Fortsätt där du slutade") == 1
    assert html.index("Fortsätt där du slutade") < html.index('class="intro"')  # above the fold, before the intro
    assert f'href="{lesson.url}">Fortsätt där du slutade' in html  # the lesson begun and not finished
