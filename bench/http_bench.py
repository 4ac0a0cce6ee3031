"""`make bench`: the site under load on this machine, against the static-file ceiling in the same run.

Starts PostgreSQL (durable), Redis and gunicorn (2 workers, production settings) on
loopback, loads the demo course, and drives five scenarios with wrk (16 connections):
a hashed CSS file served by WhiteNoise (the ceiling), an anonymous lesson page, the
same page for a participant with progress, "complete lesson" POSTs from many
distinct participants, and the course home. Prints requests/s, p50 and p99, and
each page's ratio to the ceiling. Nothing here is a test; it prints figures.

    .venv/bin/python bench/http_bench.py [--seconds 10] [--connections 16] [--no-redis]
"""

import argparse
import json
import os
import platform
import sys
import urllib.request
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stack import ROOT, Stack, need, wrk  # noqa: E402

PARTICIPANTS = 3000
POST_ENV = {"BENCH_POST_PATH": "/en/progress/complete/"}

SETUP = """
import json
from django.contrib.staticfiles.storage import staticfiles_storage
from course import codes, journey
from modules.models import LessonPage
from wagtail.models import Locale

en = Locale.objects.get(language_code="en")
lessons = list(LessonPage.objects.live().filter(locale=en).order_by("path"))
reader, code = journey.start("en")
for lesson in lessons[:3]:
    journey.complete_lesson(reader, lesson.pk)
with open({posts!r}, "w") as out:
    for i in range({participants}):
        _p, other = journey.start("en")
        out.write(f"{{codes.normalize(other)}} {{lessons[i % len(lessons)].pk}}\\n")
print(json.dumps({{
    "css": staticfiles_storage.url("css/site.css"),
    "lesson": lessons[3].url,
    "home": lessons[3].get_parent().get_parent().get_parent().url,
    "reader": codes.normalize(code),
}}))
"""


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (loopback)
    with urllib.request.urlopen(request) as response:  # noqa: S310
        return response.status, response.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--no-redis", action="store_true", help="each worker keeps its own local cache")
    options = parser.parse_args()
    need("wrk", "redis-server")

    with Stack(redis=not options.no_redis) as stack:
        print("setting up: PostgreSQL, Redis, demo course, participants ...", flush=True)
        stack.load_demo()
        posts = stack.workdir / "posts.txt"
        urls = json.loads(stack.python(SETUP.format(posts=str(posts), participants=PARTICIPANTS)))
        base = stack.start_server()
        reader = f"Cookie: samspel_code=own.{urls['reader']}"
        for path in (urls["css"], urls["lesson"], urls["home"]):  # warm both workers' imports and caches
            for _ in range(4):
                fetch(base + path)
                fetch(base + path, {"Cookie": reader[8:]})
        scenarios = [
            ("static CSS (ceiling)", {"url": base + urls["css"]}),
            ("anonymous lesson", {"url": base + urls["lesson"]}),
            ("participant lesson", {"url": base + urls["lesson"], "headers": [reader]}),
            (
                "complete-lesson POST",
                {"url": base, "script": "complete.lua", "env": POST_ENV | {"BENCH_POSTS": str(posts)}},
            ),
            ("course home", {"url": base + urls["home"]}),
        ]
        results = []
        for name, scenario in scenarios:
            results.append((name, wrk(seconds=options.seconds, connections=options.connections, **scenario)))
        written = stack.python(
            "from course.models import LessonProgress; print(LessonProgress.objects.count())"
        ).strip()

    targets = {"anonymous lesson": 0.40, "participant lesson": 0.20, "complete-lesson POST": 0.10, "course home": 0.40}
    ceiling = results[0][1]["rps"]
    cache = "local memory per worker" if options.no_redis else "Redis"
    print(f"\nSamspel under load, {date.today()}, {platform.node()} ({os.cpu_count()} cores),")
    print(f"gunicorn 2 sync workers, PostgreSQL (durable), cache: {cache}, wrk -t2 -c{options.connections}")
    print(f"-d{options.seconds}s per scenario, {PARTICIPANTS} distinct participants posting.\n")
    head = f"| {'scenario':<22} | {'req/s':>8} | {'p50 ms':>7} | {'p99 ms':>7} | {'errors':>6} | ratio"
    print(f"{head} | {'target':<10} |")
    print(f"|{'-' * 24}|{'-' * 9}:|{'-' * 8}:|{'-' * 8}:|{'-' * 7}:|------:|{'-' * 12}|")
    for name, r in results:
        ratio = r["rps"] / ceiling
        target = targets.get(name)
        verdict = "" if target is None else f"{'met' if ratio >= target and r['p99'] < 100 else 'MISSED'} {target:.0%}"
        print(
            f"| {name:<22} | {r['rps']:8.0f} | {r['p50']:7.1f} | {r['p99']:7.1f} | {r['errors']:6d} "
            f"| {ratio:5.0%} | {verdict:<10} |"
        )
    print(f"\nlesson-progress rows after the POST run: {written}")
    print("targets: ratio to the ceiling as shown, and p99 under 100 ms for every page scenario")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
