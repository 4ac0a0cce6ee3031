"""An evaluator turned attacker: every file, every filter, two days, and linear programming.

For simulated usage (a dense and a sparse data set), the attacker downloads the JSON
export of every period the admin offers, in every language filter and every part of
the course, on two days a few weeks apart (participants press Forget me in between).
The other formats hold the same cells (see test_figures). Knowing the rules, they set
up every equation the figures satisfy (all languages = their sum, a quarter = its
months, a half-year = its quarters, a year = its halves, a dilemma's total = its
options) and, for every hidden cell whose true count is 1 to k-1, find its feasible
interval with their own linear programme (HiGHS). No interval may exclude 0 or k.
"""

import json
from datetime import date
from io import StringIO

import highspy
import numpy as np
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.users.models import UserProfile

from course import journey
from course.models import Participant
from course.simulation import simulate
from course.statistics.figures import Figures, Filters
from course.statistics.period import Period, year_periods
from course.statistics.releases import published_periods
from course.statistics.views import scope_choices
from modules.models import Dilemma, LessonPage, ModulePage

pytestmark = pytest.mark.django_db
K = 5
LANGUAGES = {"sv": "sv", "da": "da", "en": "en", "": "all"}
CHILD_COLUMNS = {"Svenska": "sv", "Dansk": "da", "All languages": "all"}


def course_names():
    """What the public course tells anyone: which titles, in any language, are the same lesson,
    module, dilemma or option (so that figures filtered by language can be lined up)."""
    names = {}
    for lesson in LessonPage.objects.all():
        names[f"{lesson.get_parent().title}: {lesson.title}"] = lesson.translation_key
    for module in ModulePage.objects.all():
        names[module.title] = module.translation_key
    for dilemma in Dilemma.objects.all():
        names[f"Dilemma: {dilemma.title}"] = dilemma.translation_key
        for option in dilemma.options.all():
            names[(dilemma.translation_key, option.label)] = option.sort_order
    return names


def cells_of(document, names):
    """{variable: value} for every count in one JSON export (percentages are left out: they are
    worked out from the counts). A variable is (table, row, language, period)."""
    period, language = document["filters"]["period"], LANGUAGES[document["locale_code"]]
    found = {}
    for key, table in document["figures"].items():
        header = table["header"][1:]
        for row in table["rows"]:
            label = row["label"]
            for column, value in zip(header, row["values"], strict=True):
                if key == "participants":
                    variable = ("participants", label, language, column)
                elif key == "months":
                    variable = ("participants", column, language, period if label == "Total" else label)
                elif key in ("lessons", "modules") and column in ("Started", "Completed"):
                    variable = (key, f"{names[label]} / {column}", language, period)
                elif key.startswith("dilemma-") and column == "Chosen":
                    dilemma = names[table["title"]]
                    option = "Total" if label == "Total" else str(names[(dilemma, label)])
                    variable = (f"Dilemma: {dilemma}", option, language, period)
                elif key == "child":
                    variable = ("child", label, CHILD_COLUMNS[column], period)
                elif key == "erasures":
                    variable = ("erasures", label, "all", column)
                else:
                    continue
                found[variable] = value
    return found


def collect(client, monkeypatch, day, scopes=None):
    """Everything the export URLs give on one day, for every period the admin offers that day:
    {variable: value}, checked to be consistent."""
    monkeypatch.setattr("course.statistics.period.today", lambda: day)
    periods = [str(p) for p in published_periods()]
    published, truth, names = {}, {}, course_names()
    scopes = [value for value, _label in scope_choices()] if scopes is None else scopes
    for period in periods:
        for code in LANGUAGES:
            for scope in scopes:
                query = f"period={period}&locale={code}&scope={scope}"
                response = client.get(f"/admin/usage-statistics/export/json/?{query}")
                assert response.status_code == 200, (query, response.content[:200])
                document = {**json.loads(response.content), "locale_code": code}
                for variable, value in cells_of(document, names).items():
                    assert published.setdefault(variable, value) == value, ("two answers for one cell", variable)
                filters = Filters(Period.parse(period), code, int(scope) if scope else None)
                with translation.override("en"):  # a request leaves the thread in the site's language
                    tables = Figures(filters, source="basis").tables()
                for table in tables:
                    rows = [
                        {"label": str(label), "values": values}
                        for label, values in zip(table.row_labels, table.values, strict=True)
                    ]
                    header = [str(table.row_heading), *map(str, table.columns)]
                    fake = {
                        "filters": {"period": period},
                        "locale_code": code,
                        "figures": {table.key: {"title": str(table.title), "header": header, "rows": rows}},
                    }
                    truth.update(cells_of(fake, names))
    return published, truth


def equations(variables):
    """Every linear relation an attacker knows, over the variables seen and the ones implied."""
    everything = set(variables)
    for table, row, _language, period in list(variables):
        languages = (
            ["sv", "da", "all"] if table == "child" else ["all"] if table == "erasures" else ["sv", "da", "en", "all"]
        )
        for p in year_periods(Period.parse(period).year):
            for language in languages:
                everything.add((table, row, language, str(p)))
    rows = []
    for table, row, language, period in everything:
        parts = {"all": ["sv", "da"] if table == "child" else ["sv", "da", "en"]}.get(language)
        if parts and table != "erasures":
            rows.append({(table, row, "all", period): 1, **{(table, row, part, period): -1 for part in parts}})
        children = Period.parse(period).children
        if children:
            rows.append({(table, row, language, period): 1, **{(table, row, language, str(c)): -1 for c in children}})
        if table.startswith("Dilemma:") and row == "Total":
            options = {
                r for t, r, lang, p in everything if t == table and lang == language and p == period and r != "Total"
            }
            rows.append({(table, "Total", language, period): 1, **{(table, o, language, period): -1 for o in options}})
    return sorted(everything), rows


def intervals(published, targets):
    """The attacker's feasible interval of each target, by linear programming over everything published."""
    variables, rows = equations(published)
    index = {v: i for i, v in enumerate(variables)}
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    n = len(variables)
    lower = np.zeros(n)
    upper = np.full(n, highspy.kHighsInf)
    for variable, value in published.items():
        if value is not None:
            lower[index[variable]] = upper[index[variable]] = value
    highs.addVars(n, lower, upper)
    for row in rows:
        highs.addRow(
            0,
            0,
            len(row),
            np.array([index[v] for v in row], dtype=np.int32),
            np.array(list(row.values()), dtype=float),
        )
    found = {}
    for target in targets:
        bounds = []
        for sense in (highspy.ObjSense.kMinimize, highspy.ObjSense.kMaximize):
            cost = np.zeros(n)
            cost[index[target]] = 1
            highs.changeColsCost(n, np.arange(n, dtype=np.int32), cost)
            highs.changeObjectiveSense(sense)
            highs.run()
            status = highs.getModelStatus()
            assert status != highspy.HighsModelStatus.kInfeasible, "the published figures contradict each other"
            optimal = status == highspy.HighsModelStatus.kOptimal
            bounds.append(highs.getSolution().col_value[index[target]] if optimal else float("inf"))
        found[target] = tuple(bounds)
    return found


def attack(published, truth):
    """The published cells that give a small count away, and how many small hidden cells were tried."""
    shown_small = [v for v, value in published.items() if value is not None and 0 < value < K]
    small = [v for v, value in published.items() if value is None and 0 < truth.get(v, 0) < K]
    found = intervals(published, small)
    narrowed = {v: bounds for v, bounds in found.items() if bounds[0] > 0.5 or bounds[1] < K - 0.5}
    return shown_small, narrowed, len(small)


@pytest.mark.parametrize(("participants", "seed"), [(160, 1), (40, 7)], ids=["dense", "sparse"])
def test_no_small_count_can_be_worked_out_from_everything_published(client, monkeypatch, participants, seed):
    call_command("load_demo_course", stdout=StringIO())
    monkeypatch.setattr("course.statistics.period.today", lambda: date(2026, 8, 20))
    simulate(participants, weeks=30, seed=seed, today=date(2026, 8, 20))
    evaluator = get_user_model().objects.create_user("attacker", password="x" * 20)
    evaluator.groups.add(Group.objects.get(name="Evaluators"))
    profile = UserProfile.get_for_user(evaluator)
    profile.preferred_language = "en"  # the files' language, so that labels can be read
    profile.save()
    client.force_login(evaluator)

    published, truth = collect(client, monkeypatch, date(2026, 7, 10))
    assert "2026-H1" in {variable[3] for variable in published}
    for participant in Participant.objects.order_by("?")[:5]:  # between the two days, some forget themselves
        journey.forget(participant)
    later, later_truth = collect(client, monkeypatch, date(2026, 9, 10))
    assert "2026-08" in {variable[3] for variable in later}
    for variable, value in published.items():
        assert later[variable] == value, ("a published cell changed", variable)  # releases are stored
    truth.update(later_truth)

    shown_small, narrowed, tried = attack(later, truth)
    assert shown_small == []
    assert narrowed == {}
    assert tried > 10  # the data set has small counts to protect, and each was attacked


def test_the_attacker_finds_what_primary_suppression_alone_gives_away(client, monkeypatch):
    """The attacker above is not toothless: without the secondary cells, as the figures were before
    releases, "all languages" minus Swedish and Danish gives the English counts again."""
    call_command("load_demo_course", stdout=StringIO())
    simulate(40, weeks=30, seed=7, today=date(2026, 8, 20))
    monkeypatch.setattr("course.statistics.protection.choose_partner", lambda *args: None)
    admin = get_user_model().objects.create_superuser("admin", password="x" * 20)
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin)
    published, truth = collect(client, monkeypatch, date(2026, 7, 10), [""])
    shown_small, narrowed, _tried = attack(published, truth)
    assert shown_small == [] and narrowed
    pinned = [v for v, (low, high) in narrowed.items() if abs(low - truth[v]) < 0.5 and abs(high - truth[v]) < 0.5]
    assert pinned  # some small counts come out exactly, as "all languages" minus the others gave them
