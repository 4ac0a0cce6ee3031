"""Memory: a gunicorn worker's resident size after 10,000 and after 20,000 mixed requests.

The production stack (PostgreSQL, Redis, gunicorn with 2 workers) with the demo
course; wrk (16 connections) walks a mix of anonymous and participant lesson
pages in all three languages, course homes, "my progress", the stylesheet and
"complete lesson" POSTs. Prints each worker's RSS after each 10,000 requests.
Target: under 150 MB, and no growth from the first 10,000 to the second.

    .venv/bin/python bench/memory_bench.py [--rounds 2] [--per-round 10000]
"""

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stack import ROOT, Stack, need, rss_mib, wrk  # noqa: E402

SETUP = """
import json
from django.contrib.staticfiles.storage import staticfiles_storage
from course import codes, journey
from modules.models import CourseHomePage, LessonPage

people = [codes.normalize(journey.start("sv")[1]) for _ in range(200)]
lines = [f"GET {staticfiles_storage.url('css/site.css')}"]
lines += [f"GET {home.url}" for home in CourseHomePage.objects.live()]
for i, lesson in enumerate(LessonPage.objects.live()):
    code = people[i % len(people)]
    lines += [f"GET {lesson.url}", f"GET {lesson.url} {code}", f"POST /sv/progress/complete/ {code} page={lesson.pk}"]
    lines += [f"GET {lesson.get_parent().url}", f"GET /sv/my-progress/ {code}"]
print(json.dumps(lines))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--per-round", type=int, default=10000)
    options = parser.parse_args()
    need("wrk", "redis-server")

    with Stack(redis=True) as stack:
        print("setting up: PostgreSQL, Redis, demo course, participants ...", flush=True)
        stack.load_demo()
        mix = stack.workdir / "mix.txt"
        lines = json.loads(stack.python(SETUP))
        mix.write_text("\n".join(lines) + "\n")
        base = stack.start_server()
        workers = stack.servers["app"].worker_pids()
        print(f"{len(lines)} different requests in the mix; workers {workers}")
        print(f"RSS at start: {', '.join(f'{rss_mib(pid):.1f} MiB' for pid in workers)}")
        sizes, sent, errors = [], 0, Counter()
        for round_ in range(1, options.rounds + 1):
            # wrk runs for its whole duration even when every thread has stopped, so it runs in
            # short slices, each thread stopping once the round's remaining requests are answered.
            while (remaining := round_ * options.per_round - sent) > 0:
                env = {"BENCH_MIX": str(mix), "BENCH_PER_THREAD": str(-(-remaining // 2))}
                result = wrk(base, 3, 16, script="mixed.lua", env=env)
                sent += result["requests"]
                errors.update(result["error_kinds"])
            assert stack.servers["app"].worker_pids() == workers, "a worker was replaced"
            sizes.append([rss_mib(pid) for pid in workers])
            failed = ", ".join(f"{n} {kind}" for kind, n in sorted(errors.items())) or "none"
            rss = ", ".join(f"{s:.1f} MiB" for s in sizes[-1])
            print(f"after {sent:,} requests (errors so far: {failed}): {rss}")
    growth = max(b - a for a, b in zip(sizes[-2], sizes[-1], strict=True)) if len(sizes) > 1 else 0
    peak = max(max(s) for s in sizes)
    print(f"\npeak worker RSS {peak:.1f} MiB (target < 150); largest growth in the last round {growth:+.1f} MiB")


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
