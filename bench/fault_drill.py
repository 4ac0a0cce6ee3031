"""Fault drills under load: a gunicorn worker killed, PostgreSQL restarted, Redis gone.

Starts the production stack (PostgreSQL, Redis, gunicorn with 2 workers) with the
demo course, and for each drill drives it with 16 client threads: half read a
lesson page (anonymously or as a participant), half post "complete lesson" for a
(participant, lesson) pair never posted before. Midway the fault is injected.
Afterwards it prints requests sent, answers by status, acknowledged writes (a
302 to a completion POST) and how many of those are found in the database.

A last round, "forget under load", injects no fault: while the same load runs,
participants who already have progress, a dilemma choice and a reflection each
fire their own "Forget me" POST at the same moment as 3-6 of their own writes
(complete, choose, reflect) on other threads. It prints the forgets requested
and answered with the "forgotten" page, the racing writes' answers by status,
and how many forgotten participants are left with any row; the exit status is 1
if that round saw a 5xx answer or left anyone with a row.

    .venv/bin/python bench/fault_drill.py [--seconds 12] [--only forget] [--forgetters 200]
"""

import argparse
import http.client
import itertools
import json
import os
import random
import re
import signal
import sys
import threading
import time
from collections import Counter
from http.cookies import CookieError, SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stack import ROOT, Stack, need  # noqa: E402

THREADS = 16
PARTICIPANTS = 3000
CSRF = "faultdrillfaultdrillfaultdrill00"
FRIENDLY_503 = "briefly unavailable"
FORGETTERS = 200  # participants who ask to be forgotten in the "forget under load" round
RACES_AT_ONCE = 4  # of them racing at any moment, each on 4-7 threads of their own
RACING_WRITES = (3, 6)  # each one's writes fired at the same moment as their forget
ROUNDS = ("sigkill", "postgres", "redis", "forget")
DELETED_CODE_COOKIE = re.compile(r"^samspel_code=(\"\")?;", re.IGNORECASE)

SETUP = """
import json
from course import codes, journey
from modules.models import LessonPage
from wagtail.models import Locale

lessons = list(LessonPage.objects.live().filter(locale__language_code="en").order_by("path"))
people = [codes.normalize(journey.start("en")[1]) for _ in range({participants})]
print(json.dumps({{"lessons": [[l.pk, l.url] for l in lessons], "codes": people}}))
"""

COUNT = """
import json, sys
from course.models import LessonProgress, Participant
from course import codes
pairs = json.load(open({path!r}))
ids = dict(Participant.objects.values_list("code_hash", "pk"))
found = set(LessonProgress.objects.filter(completed_on__isnull=False).values_list("participant_id", "page_id"))
acked = [(ids[codes.code_hash(code)], page) for code, page in pairs]
print(json.dumps({{"acked_found": sum(pair in found for pair in acked), "rows": len(found)}}))
"""


def exchange(port, method, path, cookie="", body=None):
    """One request on a fresh connection: its status (5xx told apart by the friendly page) and Set-Cookie headers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": f"csrftoken={CSRF}{'; ' + cookie if cookie else ''}"}
    if body:
        headers |= {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": CSRF}
    try:
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        text = response.read().decode(errors="replace")
        status = response.status
        if status >= 500:
            status = f"{status} friendly" if FRIENDLY_503 in text else f"{status} OTHER"
        return status, response.msg.get_all("Set-Cookie") or []
    except OSError as error:
        return f"no answer ({type(error).__name__})", []
    finally:
        conn.close()


# Participants who will ask to be forgotten, each with a few writes already made: two completed lessons,
# a dilemma choice and a sealed reflection, as the views would make them.
SETUP_FORGET = """
import json, random
from course import codes, journey
from modules.models import LessonPage

rng = random.Random({seed})
lessons = list(LessonPage.objects.live().filter(locale__language_code="en").order_by("path"))
dilemmas, reflections = [], []
for lesson in lessons:
    for block in lesson.body:
        if block.block_type == "dilemma" and block.value:
            options = list(block.value.options.values_list("pk", flat=True))
            if options:
                dilemmas.append([lesson.pk, block.value.pk, options])
        elif block.block_type == "reflection":
            reflections.append([lesson.pk, block.id])
assert dilemmas and reflections, "the demo course has no English lesson with a dilemma or a reflection"
people = []
for n in range({number}):
    participant, code = journey.start("en")
    code = codes.normalize(code)
    for lesson in rng.sample(lessons, 2):
        journey.complete_lesson(participant, lesson.pk)
    _page, dilemma, options = rng.choice(dilemmas)
    journey.choose(participant, dilemma, rng.choice(options))
    page, block = rng.choice(reflections)
    journey.reflect(participant, code, page, block, f"before the race {{n}}")
    people.append([participant.pk, code])
lesson_ids = [lesson.pk for lesson in lessons]
print(json.dumps({{"people": people, "lessons": lesson_ids, "dilemmas": dilemmas, "reflections": reflections}}))
"""

# Which of them are still in the database in any way: by the ids remembered at set-up and by their code hash.
COUNT_FORGET = """
import json
from course import codes
from course.models import DilemmaChoice, LessonProgress, Participant, ParticipantWeek, Reflection
people = json.load(open({path!r}))
ids = [pk for pk, _code in people]
by_hash = {{codes.code_hash(code): pk for pk, code in people}}
left = {{
    "course_participant": set(Participant.objects.filter(pk__in=ids).values_list("pk", flat=True))
    | {{by_hash[h] for h in Participant.objects.filter(code_hash__in=by_hash).values_list("code_hash", flat=True)}},
}}
for model in (LessonProgress, DilemmaChoice, Reflection, ParticipantWeek):
    rows = model.objects.filter(participant_id__in=ids)
    left[model._meta.db_table] = set(rows.values_list("participant_id", flat=True))
print(json.dumps({{table: sorted(found) for table, found in left.items()}}))
"""


class Load:
    """16 threads of mixed reads and never-repeated completion POSTs, until stopped."""

    def __init__(self, base, setup):
        self.port = int(base.rsplit(":", 1)[1])
        self.lessons = setup["lessons"]
        self.readers = setup["codes"][:50]
        self.pairs = setup["pairs"]
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.acked = []
        self.sent = 0
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(i,), daemon=True) for i in range(THREADS)]

    def request(self, method, path, cookie="", body=None):
        return exchange(self.port, method, path, cookie, body)[0]

    def run(self, number):
        for turn in itertools.count():
            if self.stopping.is_set():
                return
            if number % 2:  # reader
                _pk, url = self.lessons[turn % len(self.lessons)]
                code = self.readers[turn % len(self.readers)] if turn % 2 else None
                status = self.request("GET", url, f"samspel_code=own.{code}" if code else "")
                acked = None
            else:
                with self.lock:
                    code, page = next(self.pairs, (None, None))
                if code is None:
                    raise RuntimeError("ran out of fresh (participant, lesson) pairs: raise PARTICIPANTS")
                status = self.request("POST", "/en/progress/complete/", f"samspel_code=own.{code}", f"page={page}")
                acked = (code, page) if status == 302 else None
            with self.lock:
                self.sent += 1
                self.statuses[status] += 1
                if acked:
                    self.acked.append(acked)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


def drill(stack, name, setup, seconds, fault, recover=None):
    with Load(stack.servers["app"].url, setup) as load:
        time.sleep(seconds / 3)
        fault()
        time.sleep(seconds / 3)
        if recover:
            recover()
        time.sleep(seconds / 3)
    pairs = stack.workdir / f"{name}.json"
    pairs.write_text(json.dumps(load.acked))
    counted = json.loads(stack.python(COUNT.format(path=str(pairs))))
    return {
        "drill": name,
        "sent": load.sent,
        "statuses": dict(sorted(load.statuses.items(), key=str)),
        "acked": len(load.acked),
        "acked_found": counted["acked_found"],
        "rows": counted["rows"],
    }


def forgotten_page(status, set_cookies):
    """The "forgotten" page, told by what matters here: a 200 that deletes the code cookie."""
    if status != 200:
        return False
    for header in set_cookies:
        try:
            morsel = SimpleCookie(header).get("samspel_code")
        except CookieError:
            morsel = None
        if morsel is not None and morsel.value == "" and (morsel["max-age"] == "0" or "1970" in morsel["expires"]):
            return True
        if morsel is None and DELETED_CODE_COOKIE.match(header):
            return True
    return False


class ForgetRaces:
    """Each participant's forget fired, within a few milliseconds, with 3-6 of their own writes on other threads."""

    def __init__(self, port, prepared, seed):
        self.port = port
        self.prepared = prepared
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self.forgets = {}  # participant id -> the forget's answer ("forgotten page" or its status)
        self.writes = Counter()  # (kind, status) -> number
        self.people = iter(prepared["people"])

    def write(self, rng):
        kind = rng.choice(["complete", "choose", "reflect"])
        if kind == "complete":
            page = rng.choice(self.prepared["lessons"])
            return kind, "/en/progress/complete/", urlencode({"page": page})
        if kind == "choose":
            page, dilemma, options = rng.choice(self.prepared["dilemmas"])
            option = rng.choice(options)
            return kind, "/en/progress/choose/", urlencode({"page": page, "dilemma": dilemma, "option": option})
        page, block = rng.choice(self.prepared["reflections"])
        text = f"written during the race {rng.randrange(10**6)}"
        return kind, "/en/progress/reflect/", urlencode({"page": page, "block": block, "text": text})

    def race(self, pk, code):
        with self.lock:
            rng = random.Random(self.rng.random())
        cookie = f"samspel_code=own.{code}"
        writes = [self.write(rng) for _ in range(rng.randint(*RACING_WRITES))]
        barrier = threading.Barrier(len(writes) + 1)
        delays = [rng.uniform(0, 0.015) for _ in range(len(writes) + 1)]

        def forget():
            barrier.wait()
            time.sleep(delays[0])
            body = f"csrfmiddlewaretoken={CSRF}"
            status, set_cookies = exchange(self.port, "POST", "/en/my-progress/forget/", cookie, body)
            answer = "forgotten page" if forgotten_page(status, set_cookies) else status
            with self.lock:
                self.forgets[pk] = answer

        def post(number, kind, path, body):
            barrier.wait()
            time.sleep(delays[number])
            status, _cookies = exchange(self.port, "POST", path, cookie, body)
            with self.lock:
                self.writes[kind, status] += 1

        threads = [threading.Thread(target=forget)]
        threads += [threading.Thread(target=post, args=(n, *w)) for n, w in enumerate(writes, start=1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def runner(self):
        while True:
            with self.lock:
                pk, code = next(self.people, (None, None))
            if pk is None:
                return
            self.race(pk, code)

    def run(self):
        runners = [threading.Thread(target=self.runner) for _ in range(RACES_AT_ONCE)]
        for thread in runners:
            thread.start()
        for thread in runners:
            thread.join()


def forget_round(stack, setup, number, seed):
    name = "forget under load"
    prepared = json.loads(stack.python(SETUP_FORGET.format(number=number, seed=seed)))
    server = stack.servers["app"]
    log_start = len(server.log())
    races = ForgetRaces(server.port, prepared, seed)
    started = time.monotonic()
    with Load(server.url, setup) as load:
        time.sleep(1)  # the load is running before the first race
        races.run()
        time.sleep(1)
    took = time.monotonic() - started
    people_path = stack.workdir / "forgetters.json"
    people_path.write_text(json.dumps(prepared["people"]))
    left = json.loads(stack.python(COUNT_FORGET.format(path=str(people_path))))
    pairs = stack.workdir / f"{name}.json"
    pairs.write_text(json.dumps(load.acked))
    counted = json.loads(stack.python(COUNT.format(path=str(pairs))))
    log = server.log()[log_start:]
    errors = Counter(
        line.split(":", 1)[0]
        for line in log.splitlines()
        if re.match(r"^[\w.]+(Error|Exception|Violation|Denied)\b", line) and ":" in line
    )
    return {
        "drill": name,
        "seconds": took,
        "sent": load.sent,
        "statuses": dict(sorted(load.statuses.items(), key=str)),
        "acked": len(load.acked),
        "acked_found": counted["acked_found"],
        "forgets": races.forgets,
        "writes": races.writes,
        "left": {table: set(ids) for table, ids in left.items()},
        "tracebacks": log.count("Traceback"),
        "errors": errors,
    }


def report_forget(r):
    """Prints the round; returns whether it passed (no 5xx anywhere in it, nobody left with a row)."""
    forgets, writes = r["forgets"], r["writes"]
    left_any = set().union(*r["left"].values())
    forget_answers = Counter(forgets.values())
    write_answers = Counter()
    for (_kind, status), n in writes.items():
        write_answers[status] += n
    fives = [s for s in [*forget_answers, *write_answers, *r["statuses"]] if str(s)[:1] == "5"]

    def line(counts):
        return ", ".join(f"{status}: {n}" for status, n in sorted(counts.items(), key=str)) or "none"

    print(f"== {r['drill']} ({r['seconds']:.1f} s)")
    print(f"   background load: requests sent: {r['sent']}; answers: {line(r['statuses'])}")
    print(f"   background acknowledged writes: {r['acked']}; of them found in the database: {r['acked_found']}")
    answered = forget_answers["forgotten page"]
    print(f"   forgets requested: {len(forgets)}; answered with the 'forgotten' page: {answered}")
    print(f"   forget answers: {line(forget_answers)}")
    print(f"   racing writes: {sum(writes.values())}; answers: {line(write_answers)}")
    for kind in ("complete", "choose", "reflect"):
        print(f"      {kind:<9} {line({s: n for (k, s), n in writes.items() if k == kind})}")
    print(f"   participants left with any row: {len(left_any)} of {len(forgets)}")
    for table, ids in r["left"].items():
        if ids:
            print(f"      {table}: {len(ids)}")
    if left_any:
        their = Counter(forgets.get(pk, "not sent") for pk in left_any)
        print(f"      their forgets were answered: {line(their)}")
    print(f"   server log in this round: {r['tracebacks']} tracebacks", end="")
    print("".join(f"; {kind}: {n}" for kind, n in r["errors"].most_common(5)))
    passed = not fives and not left_any
    problems = [f"{', '.join(map(str, sorted(set(fives), key=str)))} seen"] if fives else []
    problems += [f"{len(left_any)} forgotten participants left with rows"] if left_any else []
    print("   OK: no 5xx, nobody left with a row" if passed else f"   FAILED: {'; '.join(problems)}")
    return passed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=12, help="load per drill; the fault comes a third in")
    parser.add_argument(
        "--only", action="append", choices=ROUNDS, help="run only this round (may be given more than once)"
    )
    parser.add_argument("--forgetters", type=int, default=FORGETTERS, help="participants in the forget round")
    parser.add_argument("--seed", type=int, default=1, help="for the forget round's choices and timings")
    options = parser.parse_args()
    rounds = options.only or ROUNDS
    need("redis-server")

    with Stack(redis=True) as stack:
        print("setting up: PostgreSQL, Redis, demo course, participants ...", flush=True)
        stack.load_demo()
        setup = json.loads(stack.python(SETUP.format(participants=PARTICIPANTS)))
        # (code, page id) pairs never posted before, across all drills
        setup["pairs"] = itertools.product(setup["codes"], [pk for pk, _url in setup["lessons"]])
        stack.start_server()
        server = stack.servers["app"]

        def kill_worker():
            os.kill(server.worker_pids()[0], signal.SIGKILL)

        results = []
        if "sigkill" in rounds:
            results.append(drill(stack, "SIGKILL one gunicorn worker", setup, options.seconds, kill_worker))
        if "postgres" in rounds:
            results.append(
                drill(
                    stack,
                    "restart PostgreSQL",
                    setup,
                    options.seconds,
                    lambda: stack.pg_ctl("stop"),
                    lambda: stack.pg_ctl("start"),
                )
            )
        if "redis" in rounds:
            results.append(
                drill(stack, "Redis away, then back", setup, options.seconds, stack.redis.stop, stack.redis.start)
            )
        forgetting = forget_round(stack, setup, options.forgetters, options.seed) if "forget" in rounds else None
        log = server.log()

    print()
    for r in results:
        print(f"== {r['drill']}")
        print(f"   requests sent: {r['sent']}")
        print("   answers: " + ", ".join(f"{status}: {n}" for status, n in r["statuses"].items()))
        print(f"   acknowledged writes: {r['acked']}; of them found in the database: {r['acked_found']}")
        print(f"   completed rows in the database (all drills so far): {r['rows']}")
        verdict = "OK" if r["acked"] == r["acked_found"] else "LOST WRITES"
        print(f"   {verdict}: acknowledged writes = rows found for them")
    passed = report_forget(forgetting) if forgetting else True
    print(f"\nserver log: {log.count('Traceback')} tracebacks, ", end="")
    print(f"{log.count('Redis is not answering')} 'Redis is not answering' warnings, ", end="")
    print(f"{log.count('database unavailable')} 'database unavailable' warnings")
    if not passed:
        sys.exit("forget under load: FAILED (a 5xx answer, or a forgotten participant left with rows)")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
