"""Prints one closing line per database, then the total, from pytest's JUnit XML files."""

import sys
import xml.etree.ElementTree as ET  # noqa: S405 (our own pytest output)
from pathlib import Path

totals = {"passed": 0, "failed": 0, "skipped": 0}
for path in sys.argv[1:]:
    suite = ET.parse(path).getroot()  # noqa: S314
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    tests, failures, errors, skipped = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
    failed = failures + errors
    passed = tests - failed - skipped
    print(f"{Path(path).stem}: {passed} passed, {failed} failed, {skipped} skipped")
    for key, value in (("passed", passed), ("failed", failed), ("skipped", skipped)):
        totals[key] += value
print(f"total: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped")
