#!/usr/bin/env python3
"""Prints the test order of nextest's `mutants` profile from a cargo mutants run.

    python3 .config/mutants-order.py mutants.out

A caught mutant's tests stop at the first failure, so what it costs is the
time of the tests started before the one that catches it. From the run's
logs: for each test, how many mutants it was the first to catch (w) and its
time in the unmutated run (d). Ordering by d/w, smallest first, gives the
least total time over those mutants (Smith's rule). The tests are grouped
in three priorities, since within one priority nextest runs the unit tests'
binary before the integration tests', each by name. The tests that
.config/nextest.toml puts last (priority -100) keep their place.
"""

import json
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

# Upper bounds of d/w (seconds a mutant) for priorities 30 and 20; the
# rest of the tests that caught something get 10.
CUTS = (0.002, 0.01)
# A test's result: PASS, or how it failed (FAIL, SIGABRT, TIMEOUT, ...).
# Progress lines (SLOW, TERMINATING) have "[>" and do not match.
LINE = re.compile(r"^\s+([A-Z][A-Z-]+) \[\s*([\d.]+)s\]\s*(?:\(\s*\d+/\d+\))?\s*\S+\s+(\S+)")


def results(log):
    for line in log.read_text(errors="replace").splitlines():
        m = LINE.match(line)
        if m:
            yield m.group(1), float(m.group(2)), m.group(3)


def kept_last():
    config = tomllib.loads((Path(__file__).parent / "nextest.toml").read_text())
    last = [o["filter"] for o in config["profile"]["mutants"]["overrides"] if o["priority"] < 0]
    return {name for f in last for name in re.findall(r"test\(=([^)]+)\)", f)}


def main(out):
    out = Path(out)
    time = {test: d for kind, d, test in results(out / "log/baseline.log")}
    last = kept_last()
    caught = Counter()
    for o in json.loads((out / "outcomes.json").read_text())["outcomes"]:
        if o["summary"] != "CaughtMutant":
            continue
        first = next((t for k, _, t in results(out / o["log_path"]) if k != "PASS"), None)
        if first in time and first not in last:
            caught[first] += 1
    tiers = [[], [], []]
    for test, w in caught.items():
        ratio = time[test] / w
        tiers[sum(ratio >= cut for cut in CUTS)].append(test)
    for priority, tests in zip((30, 20, 10), tiers):
        if not tests:
            continue
        names = "\n| ".join(f"test(={t})" for t in sorted(tests))
        print(f"[[profile.mutants.overrides]]\nfilter = '''\n{names}\n'''\npriority = {priority}\n")


if __name__ == "__main__":
    main(sys.argv[1])
