#!/usr/bin/env python3
"""Summarise the test runs made by scripts/test.sh.

Usage: summarize-trx.py MANIFEST

MANIFEST is a tab-separated file, one line per `dotnet test` invocation:
    provider  project  exit_code  seconds  trx_path  log_path

Prints a per-provider/per-project table, the failed tests with their first
error line, problems with runs (crashes, missing trx files), and ends with
exactly one line "N passed, N failed" (", N skipped" appended if any).

Exit code 0 iff nothing failed, at least one test ran, and every run either
exited 0 or failed only because of failing tests.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

PASSED = {"Passed", "PassedButRunAborted", "Completed", "Warning"}
SKIPPED = {"NotExecuted", "Inconclusive", "NotRunnable", "Pending"}
# Everything else (Failed, Error, Timeout, Aborted, Disconnected, ...) is a failure.

ABORT_RE = re.compile(
    r"test run was aborted|process crashed|test host process exited|"
    r"testhost.*(crash|exited)|catastrophic failure|blame.*hang|hang.*timeout",
    re.IGNORECASE,
)

MAX_FAILED_LISTED = 100


def first_line(text, limit=240):
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""


def details(message, stack, lines=8, frames=4):
    """A failure as CI shows it: the message's first lines (Playwright puts the actual value and the call log there)
    and the stack frames in the project's own test code, so that a failure seen only in CI can be located."""
    shown = [first_line(l) for l in (message or "").splitlines() if l.strip()][:lines]
    own = [first_line(l) for l in (stack or "").splitlines() if "Arbetsvagen" in l and " in " in l][:frames]
    return shown + own


def tail(path, n=15):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError as e:
        return [f"(cannot read log: {e})"]
    return [l for l in lines if l.strip()][-n:]


class Run:
    def __init__(self, provider, project, exit_code, seconds, trx, log):
        self.provider = provider
        self.project = project
        self.exit_code = exit_code
        self.seconds = seconds
        self.trx = trx
        self.log = log
        self.passed = self.failed = self.skipped = 0
        self.failures = []  # (test name, first error line)
        self.run_errors = []  # RunInfo texts from the trx
        self.problem = None  # why the run itself counts as one extra failure
        self.parse_error = None

    def parse(self):
        if not self.trx or not os.path.isfile(self.trx):
            return False
        try:
            root = ET.parse(self.trx).getroot()
        except (ET.ParseError, OSError) as e:
            self.parse_error = str(e)
            return False
        results = root.find("{*}Results")
        for r in (list(results) if results is not None else []):
            if not r.tag.endswith("UnitTestResult"):
                continue
            outcome = r.get("outcome", "")
            if outcome in PASSED:
                self.passed += 1
            elif outcome in SKIPPED:
                self.skipped += 1
            else:
                self.failed += 1
                msg = r.find("{*}Output/{*}ErrorInfo/{*}Message")
                stack = r.find("{*}Output/{*}ErrorInfo/{*}StackTrace")
                line = "\n      ".join(details(msg.text if msg is not None else "", stack.text if stack is not None else ""))
                if outcome != "Failed":
                    line = f"[{outcome}] {line}".rstrip()
                self.failures.append((r.get("testName", "?"), line))
        for info in root.iterfind("{*}ResultSummary/{*}RunInfos/{*}RunInfo"):
            if info.get("outcome", "") in ("Error", "Failed", "Aborted"):
                text = info.find("{*}Text")
                if text is not None and text.text and text.text.strip():
                    self.run_errors.append(text.text.strip())
        return True

    def judge(self):
        have_trx = self.parse()
        rel_log = os.path.relpath(self.log) if self.log else "?"
        if not have_trx:
            why = "no trx file was written"
            if self.parse_error:
                why = f"trx file is unreadable ({self.parse_error})"
            self.problem = f"dotnet test exited {self.exit_code} and {why} (log: {rel_log})"
            return
        aborted = [t for t in self.run_errors if ABORT_RE.search(t)]
        if aborted:
            self.problem = f"test run aborted: {first_line(aborted[0])} (log: {rel_log})"
        elif self.exit_code != 0 and self.failed == 0:
            self.problem = (
                f"dotnet test exited {self.exit_code} but no test failed (log: {rel_log})"
            )


def read_manifest(path):
    runs = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 6:
                print(f"warning: {path}:{lineno}: malformed manifest line", file=sys.stderr)
                continue
            provider, project, code, secs, trx, log = parts
            try:
                code = int(code)
            except ValueError:
                code = 1
            try:
                secs = int(float(secs))
            except ValueError:
                secs = 0
            runs.append(Run(provider, project, code, secs, trx, log))
    return runs


def fmt_time(secs):
    return f"{secs // 60}m{secs % 60:02d}s" if secs >= 60 else f"{secs}s"


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    runs = read_manifest(argv[1])
    for run in runs:
        run.judge()

    # Table.
    headers = ("Provider", "Project", "Passed", "Failed", "Skipped", "Time", "Exit")
    rows = []
    for r in runs:
        failed = f"{r.failed}+1" if r.problem else str(r.failed)
        rows.append((r.provider, r.project, str(r.passed), failed, str(r.skipped),
                     fmt_time(r.seconds), str(r.exit_code)))
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(headers)]
    right = {2, 3, 4, 5, 6}

    def fmt_row(row):
        return "  ".join(c.rjust(widths[i]) if i in right else c.ljust(widths[i])
                         for i, c in enumerate(row)).rstrip()

    print()
    print(fmt_row(headers))
    print(fmt_row(tuple("-" * w for w in widths)))
    for row in rows:
        print(fmt_row(row))

    # Failed tests.
    failures = [(r, name, msg) for r in runs for name, msg in r.failures]
    if failures:
        print()
        print(f"Failed tests ({len(failures)}):")
        for r, name, msg in failures[:MAX_FAILED_LISTED]:
            print(f"  [{r.provider}] {name}")
            if msg:
                print(f"      {msg}")
        if len(failures) > MAX_FAILED_LISTED:
            print(f"  ... and {len(failures) - MAX_FAILED_LISTED} more (see the trx files)")

    # Broken runs.
    problems = [r for r in runs if r.problem]
    if problems:
        print()
        print("Broken test runs (each counted as 1 failed):")
        for r in problems:
            print(f"  [{r.provider}] {r.project}: {r.problem}")
            for t in [t for t in r.run_errors if first_line(t) not in r.problem][:3]:
                print(f"      {first_line(t)}")
            if not r.run_errors:
                for l in tail(r.log, 12):
                    print(f"      | {l}")

    passed = sum(r.passed for r in runs)
    failed = sum(r.failed for r in runs) + len(problems)
    skipped = sum(r.skipped for r in runs)

    ok = True
    if failed:
        ok = False
    if passed + sum(r.failed for r in runs) == 0:
        print()
        print("error: no test ran" + (" (no test runs at all)" if not runs else ""))
        ok = False

    print()
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
