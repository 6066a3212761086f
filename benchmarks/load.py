"""Load: every delegation submits at the same moment to one store; nothing is lost.

    python benchmarks/load.py [--processes 193] [--per-delegation 20] [--paragraphs 600]
                              [--db URL ...] [--revise-halfway] [--json]
                              [--reports FILE]

Writes the synthetic negotiation of ``samples/synthetic.py`` (one JSON submission per
delegation), prepares an empty store with its draft and delegations, then starts one
process per delegation. They wait on one barrier and, released together, each runs
``drafting submit SYMBOL FILE --yes --db URL`` (the command line's own code, in that
process) and reports its exit code, its message and how long it took. With
``--revise-halfway`` only the first half submits at the start; then a
secretariat process issues Rev.1, and the second half submits (at once, made
against the zero draft): each of those is anchored onto Rev.1 and recorded, saying so.

Afterwards the store is checked, independently of what the processes said:
every submission reported as recorded is there exactly once with the ids it was
given, no refused one left anything, no amendment is there that nobody
reported, each recorded submission is one event, ``verify`` passes, and sending
every recorded submission again records nothing new. Any problem is printed and
the exit status is 1.

Without ``--db`` it runs on a new SQLite file and on a new schema of the
PostgreSQL server at ``$DRAFTING_TEST_POSTGRES_URL`` (default
postgresql+psycopg://postgres@127.0.0.1:5432/test), both removed afterwards;
PostgreSQL is left out, saying why, when it cannot be reached. A ``--db`` URL
must name an empty database (or schema), which is left as the run made it.

It prints a table and, per store, one JSON line: processes, amendments recorded,
refused submissions, wall time, throughput (amendments/s), median, 95th-percentile
and slowest submission latency (s), the median CPU time a submitting process
spent itself (s), the store's pace (mean time between the starts of two
recorded submissions, s), and retries (waits for a free PostgreSQL connection or a busy
SQLite file, counted from the store's log). The processes are forked from one
that has imported drafting already: Python's start-up is not measured, but
all the delegations' own work (reading and checking their files) shares this
machine's CPUs with the database, where in real life each has a computer.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import logging
import multiprocessing
import os
import queue
import re
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get("DRAFTING_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
WAIT_S = 900  # for every process to report, at the most
PRELOAD = ["drafting_cli.app", "drafting.workflow", "drafting.store", "drafting.readers",
           "drafting.readers.docx_submission", "sqlite3", "sqlalchemy.dialects.sqlite",
           "sqlalchemy.dialects.postgresql", "psycopg", "pydantic", "pydantic.plugin",
           "typer._adapters", "typer._click"]
"""What the processes are forked with, imported: start-up is not what is measured
(modules missing from an installation are skipped)."""
_RECORDED = re.compile(r": recorded \d+ amendments?: (?P<ids>.+)$", re.MULTILINE)


def synthetic() -> Any:
    """samples/synthetic.py as a module (samples/ is not a package)."""
    spec = importlib.util.spec_from_file_location("synthetic", ROOT / "samples" / "synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


# The processes


class _RetryCounter(logging.Handler):
    """Counts the store's log records about waiting and trying again."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "drafting_retry", False):
            self.count += 1


def _run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Run the drafting command line in this process: (exit status, stdout, stderr)."""
    from drafting_cli.app import main

    out, err = io.StringIO(), io.StringIO()
    saved, sys.argv = sys.argv, ["drafting", *argv]
    status = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as done:
        status = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    finally:
        sys.argv = saved
    return status, out.getvalue(), err.getvalue()


def delegation_process(url: str, code: str, symbol: str, path: str, barrier: Any,
                       wait: Any, done: Any, results: Any) -> None:
    """One delegation: wait for everyone (and for ``wait``, an Event, if given), submit
    its file, report what happened, then wait at ``done`` (a Barrier, if given)."""
    counter = _RetryCounter()
    logging.getLogger("drafting").addHandler(counter)
    logging.getLogger("drafting").setLevel(logging.INFO)
    report: dict[str, Any] = {"code": code, "status": -1, "ids": [], "message": "",
                              "started": 0.0, "finished": 0.0, "cpu_s": 0.0, "retries": 0}
    try:
        barrier.wait(timeout=WAIT_S)
        if wait is not None:
            wait.wait(timeout=WAIT_S)
        started, cpu = time.monotonic(), time.process_time()
        status, out, err = _run_cli(["submit", symbol, path, "--yes", "--db", url])
        report.update(finished=time.monotonic(), started=started,
                      cpu_s=time.process_time() - cpu, status=status, message=err.strip())
        found = _RECORDED.search(out)
        report["ids"] = found["ids"].split(", ") if status == 0 and found else []
    except BaseException as error:  # report anything at all: nothing may go unreported
        report["message"] = repr(error)
    finally:
        report["retries"] = counter.count
        results.put(report)
        if done is not None:
            done.wait(timeout=WAIT_S)


def secretariat_process(url: str, symbol: str, barrier: Any, first_half: Any, revised: Any,
                        results: Any) -> None:
    """The secretariat: once the first half has submitted, issue Rev.1 and let the
    second half go."""
    report: dict[str, Any] = {"code": "secretariat", "status": -1, "ids": [], "message": "",
                              "started": 0.0, "finished": 0.0, "cpu_s": 0.0, "retries": 0}
    try:
        barrier.wait(timeout=WAIT_S)
        first_half.wait(timeout=WAIT_S)
        status, out, err = _run_cli(["revise", symbol, "--label", "Rev.1", "--db", url])
        report.update(status=status, message=(err or out).strip())
    except BaseException as error:
        report["message"] = repr(error)
    finally:
        revised.set()
        results.put(report)


# One run


@dataclass
class Figures:
    """What one run measured (times in seconds)."""

    store: str
    processes: int
    per_delegation: int
    recorded: int = 0
    refused: int = 0
    wall_s: float = 0.0
    throughput: float = 0.0
    median_s: float = 0.0
    p95_s: float = 0.0
    slowest_s: float = 0.0
    cpu_median_s: float = 0.0
    write_every_s: float = 0.0
    retries: int = 0
    revised: bool = False
    problems: list[str] = field(default_factory=list)


def prepare(url: str, workload: Any) -> None:
    """Create the store at ``url`` with the draft and every delegation."""
    from drafting.model import Delegation
    from drafting.store import open_store
    from drafting.workflow import import_draft

    with open_store(url, check_version=False) as store:
        store.init()
        for code in workload.codes:
            store.add_delegation(Delegation(code), actor="load")
        import_draft(store, workload.draft_md, workload.symbol, actor="load")


def forkserver() -> Any:
    """The multiprocessing context whose processes are forked from a server that has
    imported `PRELOAD`; the server is started now (it can import while we prepare)."""
    from multiprocessing import forkserver as server

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    server.ensure_running()
    return context


def run(url: str, workload: Any, *, revise_halfway: bool) -> list[dict[str, Any]]:
    """Start every delegation's process (and the secretariat's), release them together,
    collect every report."""
    context = forkserver()
    jobs = list(zip(workload.codes, workload.submissions, strict=True))
    half = len(jobs) // 2 if revise_halfway else len(jobs)
    barrier = context.Barrier(len(jobs) + revise_halfway)
    first_half = context.Barrier(half + 1) if revise_halfway else None
    revised = context.Event() if revise_halfway else None
    results = context.Queue()
    processes = [context.Process(target=delegation_process, args=(
        url, code, workload.symbol, str(path), barrier, None if n < half else revised,
        first_half if n < half else None, results)) for n, (code, path) in enumerate(jobs)]
    if revise_halfway:
        processes.append(context.Process(target=secretariat_process, args=(
            url, workload.symbol, barrier, first_half, revised, results)))
    for process in processes:
        process.start()
    reports: list[dict[str, Any]] = []
    deadline = time.monotonic() + WAIT_S
    try:
        while len(reports) < len(processes) and time.monotonic() < deadline:
            try:
                reports.append(results.get(timeout=1.0))
            except queue.Empty:  # the check names every process that did not report
                if not any(process.is_alive() for process in processes):
                    break
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return reports


def check(url: str, workload: Any, reports: list[dict[str, Any]],
          per_delegation: int) -> list[str]:
    """Every way the store and the reports could disagree, as sentences (none: all well)."""
    from drafting.intake import prepare_file
    from drafting.store import open_store

    problems: list[str] = []
    by_code = {r["code"]: r for r in reports}
    silent = [code for code in workload.codes if code not in by_code]
    if silent:
        problems.append(f"{len(silent)} processes never reported: {', '.join(silent[:10])}")
    for report in reports:
        if report["status"] == 0 and report["code"] != "secretariat" and (
                len(report["ids"]) != per_delegation):
            problems.append(f"{report['code']} succeeded but reported ids {report['ids']}")
        if report["status"] != 0 and not report["message"]:
            problems.append(f"{report['code']} failed (exit {report['status']}) without a word")
    for report in reports:
        if report["code"] == "secretariat" and report["status"] != 0:
            problems.append(f"the secretariat could not issue Rev.1: {report['message']}")
    recorded = [r for r in reports if r["status"] == 0 and r["code"] != "secretariat"]
    with open_store(url) as store:
        verified = store.verify()
        if not verified.ok:
            problems.append(f"verify failed: {verified.summary()}")
        stored = store.amendments(workload.symbol)
        ids = [a.id for a in stored]
        if len(ids) != len(set(ids)):
            problems.append("some amendment id is in the store twice")
        reported = sorted(i for r in recorded for i in r["ids"])
        if sorted(ids) != reported:
            extra, lost = set(ids) - set(reported), set(reported) - set(ids)
            problems.append(f"store and reports differ: {len(extra)} ids nobody reported, "
                            f"{len(lost)} reported ids missing")
        mine: dict[str, list[str]] = {}
        for amendment in stored:
            for code in amendment.proponents:
                mine.setdefault(code, []).append(amendment.id)
        for report in reports:
            if report["code"] != "secretariat" and (
                    sorted(mine.get(report["code"], [])) != sorted(report["ids"])):
                problems.append(f"{report['code']}: the store holds "
                                f"{len(mine.get(report['code'], []))} of its amendments, "
                                f"it reported {len(report['ids'])}")
        submits = [e for e in store.events(workload.symbol) if e.kind == "submit"]
        if len(submits) != len(recorded):
            problems.append(f"{len(submits)} submit events for {len(recorded)} submissions")
        document = store.document(workload.symbol)
        paths = dict(zip(workload.codes, workload.submissions, strict=True))
        for report in recorded:
            amendments = prepare_file(store, document, paths[report["code"]]).amendments
            again = store.submit(workload.symbol, amendments, actor="load, again")
            if not again.duplicate or list(again.ids) != report["ids"]:
                problems.append(f"{report['code']}: sent again, it was recorded anew")
        if len(store.amendments(workload.symbol)) != len(stored):
            problems.append("sending the submissions again added amendments")
    return problems


def figures(store: str, reports: list[dict[str, Any]], per_delegation: int,
            problems: list[str]) -> Figures:
    """The figures of one run, from the processes' reports."""
    delegations = [r for r in reports if r["code"] != "secretariat" and r["started"]]
    result = Figures(store, len(delegations), per_delegation, problems=problems,
                     revised=any(r["code"] == "secretariat" for r in reports))
    if not delegations:
        return result
    latencies = sorted(r["finished"] - r["started"] for r in delegations)
    result.recorded = sum(len(r["ids"]) for r in delegations)
    result.refused = sum(r["status"] != 0 for r in delegations)
    result.wall_s = max(r["finished"] for r in delegations) - min(r["started"]
                                                                 for r in delegations)
    result.throughput = result.recorded / result.wall_s if result.wall_s else 0.0
    result.median_s = statistics.median(latencies)
    result.p95_s = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))]
    result.slowest_s = latencies[-1]
    result.cpu_median_s = statistics.median(r["cpu_s"] for r in delegations)
    result.retries = sum(r["retries"] for r in delegations)
    return result


def write_every(url: str, symbol: str) -> float:
    """The store's own pace: the mean time between the starts of consecutive recorded
    submissions (each event carries the time its write transaction began)."""
    from drafting.store import open_store

    with open_store(url) as store:
        times = [e.at for e in store.events(symbol) if e.kind == "submit"]
    if len(times) < 2:
        return 0.0
    return (max(times) - min(times)).total_seconds() / (len(times) - 1)


def load_run(url: str, workload: Any, *, per_delegation: int,
             revise_halfway: bool = False) -> tuple[Figures, list[dict[str, Any]]]:
    """Prepare the store, run every process, check; the figures and the reports."""
    prepare(url, workload)
    reports = run(url, workload, revise_halfway=revise_halfway)
    problems = check(url, workload, reports, per_delegation)
    result = figures(_shown(url), reports, per_delegation, problems)
    result.write_every_s = write_every(url, workload.symbol)
    return result, reports


# Stores to run on


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@contextlib.contextmanager
def fresh_postgres_schema(base: str) -> Any:
    """A URL on a new schema of the server at ``base``, dropped afterwards; None (with
    the reason printed) when no server answers."""
    from drafting.store.scratch import scratch_schema, unreachable

    problem = unreachable(base)
    if problem is not None:
        print(f"PostgreSQL left out: {problem}", file=sys.stderr)
        yield None
        return
    with scratch_schema(base, "load") as url:
        yield url


def _table(results: list[Figures]) -> str:
    rows = [("store", "processes", "recorded", "refused", "wall s", "amend./s", "median s",
             "p95 s", "slowest s", "CPU s", "write every s", "retries")]
    for f in results:
        rows.append((f.store if len(f.store) < 40 else f.store[:37] + "...", str(f.processes),
                     str(f.recorded), str(f.refused), f"{f.wall_s:.2f}", f"{f.throughput:.0f}",
                     f"{f.median_s:.2f}", f"{f.p95_s:.2f}", f"{f.slowest_s:.2f}",
                     f"{f.cpu_median_s:.2f}", f"{f.write_every_s:.3f}", str(f.retries)))
    widths = [max(len(row[n]) for row in rows) for n in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) if n == 0 else cell.rjust(w)
                               for n, (cell, w) in enumerate(zip(row, widths, strict=True)))
                     for row in rows)


def _about_machine() -> str:
    import sqlite3

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{os.cpu_count()} CPUs, load average {load}; Python {sys.version.split()[0]}, "
            f"SQLite {sqlite3.sqlite_version}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=193,
                        help="delegations submitting at once (default 193)")
    parser.add_argument("--per-delegation", type=int, default=20,
                        help="amendments in each submission (default 20)")
    parser.add_argument("--paragraphs", type=int, default=600,
                        help="paragraphs of the synthetic draft (default 600)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", action="append", default=[],
                        help="an empty database to run on (repeatable); default: a new "
                             "SQLite file and a new PostgreSQL schema")
    parser.add_argument("--revise-halfway", action="store_true",
                        help="Rev.1 is issued after the first half has submitted: the second "
                             "half's files, made on the zero draft, are anchored onto it")
    parser.add_argument("--json", action="store_true", help="print only the JSON lines")
    parser.add_argument("--reports", type=Path, default=None, metavar="FILE",
                        help="write what every process reported here, one JSON line each")
    args = parser.parse_args(argv)
    results: list[Figures] = []
    forkserver()
    with tempfile.TemporaryDirectory(prefix="drafting-load-") as tmp:
        workload = synthetic().write_workload(
            Path(tmp) / "workload", seed=args.seed, paragraphs=args.paragraphs,
            delegations=args.processes, per_delegation=args.per_delegation)
        with contextlib.ExitStack() as stack:
            urls = args.db or [f"sqlite:///{Path(tmp) / 'load.db'}",
                               stack.enter_context(fresh_postgres_schema(POSTGRES_URL))]
            for url in filter(None, urls):
                result, reports = load_run(url, workload, per_delegation=args.per_delegation,
                                           revise_halfway=args.revise_halfway)
                results.append(result)
                if args.reports:
                    with args.reports.open("a", encoding="utf-8") as out:
                        for report in reports:
                            out.write(json.dumps({"store": result.store, **report}) + "\n")
    if not args.json:
        print(f"{args.processes} delegations x {args.per_delegation} amendments, "
              f"submitted at once; {_about_machine()}")
        print(_table(results))
    for result in results:
        print(json.dumps(asdict(result), ensure_ascii=False))
        for problem in result.problems:
            print(f"PROBLEM ({result.store}): {problem}", file=sys.stderr)
    return 1 if any(r.problems for r in results) or not results else 0


if __name__ == "__main__":
    sys.exit(main())
