#!/usr/bin/env python3
"""Prints the test order of nextest's `mutants` profile from a cargo mutants run.

    python3 .config/mutants-order.py mutants.out

A caught mutant's tests stop at the first failure, so what it costs is the
time of the tests started before the one that catches it. From the run's
logs: for each test, how many mutants it was the first to catch (w) and its
time in the unmutated run (d). Ordering by d/w, smallest first, gives the
least total time over those mutants (Smith's rule); the tests are grouped
in three priorities, since nextest orders by priority and then by name.
The slowest tests keep their own place at the end (SLOW, below).
"""

import json
import re
import sys
from collections import Counter
from pathlib import Path

# Kept last by their own override in .config/nextest.toml.
SLOW = {
    "cli::no_printed_line_is_wider_than_the_paper_but_a_whole_link",
    "bench_data::the_large_benchmark_dataset_loads",
    "keys::every_character_binding_does_what_the_table_says_where_it_applies",
}
# Upper bounds of d/w (seconds a mutant) for priorities 30 and 20; the
# rest of the tests that caught something get 10.
CUTS = (0.002, 0.01)
LINE = re.compile(
    r"^\s+(PASS|FAIL|SIGTERM|SIGKILL|TIMEOUT)\s.*?\[\s*([\d.]+)s\]"
    r"\s*(?:\(\s*\d+/\d+\))?\s*\S+\s+(\S+)"
)


def results(log):
    for line in log.read_text(errors="replace").splitlines():
        m = LINE.match(line)
        if m:
            yield m.group(1), float(m.group(2)), m.group(3)


def main(out):
    out = Path(out)
    time = {test: d for kind, d, test in results(out / "log/baseline.log")}
    caught = Counter()
    for o in json.loads((out / "outcomes.json").read_text())["outcomes"]:
        if o["summary"] != "CaughtMutant":
            continue
        first = next((t for k, _, t in results(out / o["log_path"]) if k != "PASS"), None)
        if first in time and first not in SLOW:
            caught[first] += 1
    tiers = [[], [], []]
    for test, w in caught.items():
        ratio = time[test] / w
        tiers[sum(ratio >= cut for cut in CUTS)].append(test)
    for priority, tests in zip((30, 20, 10), tiers):
        names = "\n| ".join(f"test(={t})" for t in sorted(tests))
        print(f"[[profile.mutants.overrides]]\nfilter = '''\n{names}\n'''\npriority = {priority}\n")


if __name__ == "__main__":
    main(sys.argv[1])
