"""Fault drills under load: a gunicorn worker killed, PostgreSQL restarted, Redis gone.

Starts the production stack (PostgreSQL, Redis, gunicorn with 2 workers) with the
demo course, and for each drill drives it with 16 client threads: half read a
lesson page (anonymously or as a participant), half post "complete lesson" for a
(participant, lesson) pair never posted before. Midway the fault is injected.
Afterwards it prints requests sent, answers by status, acknowledged writes (a
302 to a completion POST) and how many of those are found in the database.

    .venv/bin/python bench/fault_drill.py [--seconds 12]
"""

import argparse
import http.client
import itertools
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stack import ROOT, Stack, need  # noqa: E402

THREADS = 16
PARTICIPANTS = 3000
CSRF = "faultdrillfaultdrillfaultdrill00"
FRIENDLY_503 = "briefly unavailable"

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
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
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
            return status
        except OSError as error:
            return f"no answer ({type(error).__name__})"
        finally:
            conn.close()

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=12, help="load per drill; the fault comes a third in")
    options = parser.parse_args()
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

        results = [
            drill(stack, "SIGKILL one gunicorn worker", setup, options.seconds, kill_worker),
            drill(
                stack,
                "restart PostgreSQL",
                setup,
                options.seconds,
                lambda: stack.pg_ctl("stop"),
                lambda: stack.pg_ctl("start"),
            ),
            drill(stack, "Redis away, then back", setup, options.seconds, stack.redis.stop, stack.redis.start),
        ]
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
    print(f"\nserver log: {log.count('Traceback')} tracebacks, ", end="")
    print(f"{log.count('Redis is not answering')} 'Redis is not answering' warnings, ", end="")
    print(f"{log.count('database unavailable')} 'database unavailable' warnings")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
