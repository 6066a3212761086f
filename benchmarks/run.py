"""The speed benchmark: each step of a large negotiation as a real ``drafting`` process.

    python benchmarks/run.py                           # 600 paragraphs, 193 x 20 amendments
    python benchmarks/run.py --sizes 20 100            # and growth from 193 x 20 to 193 x 100
    python benchmarks/run.py --sizes --huge            # 10,036 -> 100,360 amendments only
    python benchmarks/run.py --repeat 3                # best and worst of three runs
    python benchmarks/run.py --no-postgres             # SQLite only

A synthetic negotiation (``samples/synthetic.py``, deterministic by ``--seed``) is written
to a temporary folder; then, on a fresh SQLite file and on a fresh schema of PostgreSQL
(``--postgres URL``, default ``$DRAFTING_BENCH_POSTGRES_URL`` or the local server; skipped
with a note when it does not answer), every step of a scenario (``benchmarks/scenarios.py``:
import the draft, submit every delegation's JSON in one command and one Word file, compile,
merge, list, positions, export, verify, revise, diff) runs as its own process. Of each:
its wall time, CPU time and peak memory (maximum resident set size, from ``os.wait4``),
and its own work: ``drafting`` run with ``DRAFTING_TIMING=1`` tells the time from its
entry to its exit (what it does after the command line's imports, the library modules
the command loads on the way included).

Yardsticks: the *stack*, a process that only imports the packages every store command is
built on (SQLAlchemy, Typer, python-docx), which no command can beat; the *imports*, a
process that only imports ``drafting``'s command line and the modules a merge loads; and
the *floor* (``benchmarks/floor.py``), run just before each step: a plain process writing
the same paragraphs and as many tracked changes naively, which tells its own work too.
Each step also runs under Python's ``-X importtime``, and a process importing exactly the
modules it imported, and nothing else, is timed after it: the step's import time. Each
step is shown as a multiple of the stack (whole process) and of the floor's own work (its
work over the floor's); ``x floor`` is the whole process over the best floor process
beside it (the machine's ups and downs touch both alike). ``--huge`` adds 193 x 52 and
193 x 520 amendments (10,036 and 100,360; SQLite only), crowded onto a tenth of the
paragraphs and spread over all of them, and each step's growth from the one to the other:
of its CPU time beyond that of its imports (its work, as little disturbed by other
processes on the machine as can be had), of its wall time and of its peak memory. The last
line of output is all the figures as one JSON object.

Before timing, the bytecode of ``drafting`` and ``drafting_cli`` is compiled, as installing
the wheel does: an editable install with ``PYTHONDONTWRITEBYTECODE`` set would otherwise
compile every module at every start.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from scenarios import (  # noqa: E402
    INBOX,
    NEGOTIATION,
    SCENARIOS,
    Scenario,
    accept_some,
    command,
)
from synthetic import HOT_SHARE, Workload, write_workload  # noqa: E402

POSTGRES_URL = os.environ.get("DRAFTING_BENCH_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
STEPS = NEGOTIATION.timed
"""The timed steps of the default scenario, in order, with what the table calls them."""
HUGE = {"crowded": HOT_SHARE, "spread": 1}
"""The huge texts: amendments on one paragraph in this many."""
GROWTH_LIMIT = 1.2
"""The target: a step's work grows at most 1.2 times as fast as the amendments."""
_TIMING = re.compile(r"timing: work ([0-9.]+) s")
_TOP_IMPORT = re.compile(r"import time:\s+\d+ \|\s+\d+ \| (\S+)$")
"""A module imported by the program itself (not by another module), in ``-X importtime``."""

__all__ = ["SCENARIOS", "accept_some", "main"]


@dataclass(frozen=True)
class Measure:
    """One process: wall time and CPU time (user + system) in seconds, peak resident
    memory in MB, the work it told (``DRAFTING_TIMING``; None if it told none);
    ``floor`` is the floor process run just before it (for steps); ``modules`` what it
    imported (with ``importtime``) and ``imports`` a process importing only those."""

    seconds: float
    cpu: float
    peak_mb: float
    floor: Measure | None = None
    work: float | None = None
    modules: tuple[str, ...] = ()
    imports: Measure | None = None


class StepFailed(RuntimeError):
    """A step's process exited with an error."""


LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
print(os.waitstatus_to_exitcode(status), seconds, usage.ru_utime + usage.ru_stime,
      usage.ru_maxrss, file=sys.stderr)
"""
"""Runs a command and reports its exit code, wall time, CPU time and peak memory (KB) on
the last line of stderr. A child's peak memory starts at its parent's size when forked, so
the command is started from this small process (``python -S``), not from the benchmark."""


def measure(command: Sequence[str], *, cwd: Path, db: str | None = None,
            importtime: bool = False) -> Measure:
    """Run ``command`` as a process (with ``DRAFTING_DB`` set to ``db``, if given); its
    wall time, CPU time and peak memory; with ``importtime``, the modules it imported
    (Python's ``-X importtime``, which costs it little). StepFailed on an error, with its
    stderr."""
    env = dict(os.environ, DRAFTING_TIMING="1", **({"DRAFTING_DB": db} if db else {}))
    if importtime:
        env["PYTHONPROFILEIMPORTTIME"] = "1"
    with tempfile.TemporaryFile() as errors:
        subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], cwd=cwd, env=env,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                       check=True)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    code, seconds, cpu, peak_kb = lines[-1].split()
    if code != "0":
        text = "\n".join(line for line in lines[:-1] if not line.startswith("import time:"))
        raise StepFailed(f"{' '.join(command)} exited with {code}:\n{text}")
    told = [float(m.group(1)) for line in lines[:-1] if (m := _TIMING.search(line))]
    modules = tuple(dict.fromkeys(
        m.group(1) for line in lines if (m := _TOP_IMPORT.match(line))
        and m.group(1) != "__main__" and not m.group(1).endswith(".__main__")))
    return Measure(float(seconds), float(cpu), int(peak_kb) / 1024,  # ru_maxrss: KB
                   work=told[-1] if told else None, modules=modules)


IMPORT_ONLY = """
import importlib, sys
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception:
        pass
"""
"""Imports the modules named, in order, and does nothing else: a step's imports alone."""


def imports_of(step: Measure, cwd: Path, runs: int = 1) -> Measure:
    """A process importing what ``step`` imported (its ``modules``), and nothing done: the
    quickest of ``runs`` (by CPU time; a step's work is its CPU time beyond this)."""
    found = [measure([sys.executable, "-c", IMPORT_ONLY, *step.modules], cwd=cwd)
             for _ in range(max(runs, 1))]
    return min(found, key=lambda m: m.cpu)


def compile_bytecode() -> None:
    """Compile the bytecode of ``drafting`` and ``drafting_cli`` where they are imported
    from (as pip does when it installs the wheel); quietly, and only what is out of date."""
    for name in ("drafting", "drafting_cli"):
        spec = importlib.util.find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            compileall.compile_dir(folder, quiet=1)


def drafting_command() -> list[str]:
    """How to run ``drafting``: the console script beside this Python, else ``-m``."""
    script = Path(sys.executable).with_name("drafting")
    return [str(script)] if script.exists() else [sys.executable, "-m", "drafting_cli"]


# The stores


def postgres_problem(url: str) -> str | None:
    """Why PostgreSQL at ``url`` cannot be used, or None when it answers."""
    from drafting.store.scratch import unreachable

    return unreachable(url)


@contextmanager
def fresh_store(backend: str, folder: Path, postgres: str) -> Iterator[str]:
    """The URL of an empty store: a new SQLite file, or a new PostgreSQL schema (dropped
    afterwards)."""
    if backend == "sqlite":
        path = folder / f"bench-{secrets.token_hex(4)}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in folder.glob(path.name + "*"):
                leftover.unlink()
        return
    from drafting.store.scratch import scratch_schema

    with scratch_schema(postgres, "bench") as url:
        yield url


# One run


def run_once(scenario: Scenario, workload: Workload, url: str, folder: Path,
             import_runs: int = 1) -> dict[str, Measure]:
    """Every step of ``scenario`` once, on the empty store at ``url``; files are written
    to ``folder``; each step's imports timed ``import_runs`` times (the quickest kept)."""
    drafting = drafting_command()
    out = folder / "out"
    out.mkdir(exist_ok=True)
    results = {}
    for step in scenario.steps:
        if step.before is not None:
            step.before(url, workload)
        line = command(step, drafting, workload, out)
        if not step.timed:
            measure(line, cwd=folder, db=url)
            continue
        floor = floor_once(workload, folder)
        found = measure(line, cwd=folder, db=url, importtime=not step.yardstick)
        imports = None if step.yardstick else imports_of(found, folder, import_runs)
        results[step.name] = replace(found, floor=floor, imports=imports)
    return results


def floor_once(workload: Workload, folder: Path) -> Measure:
    """The floor process once."""
    return measure([sys.executable, str(ROOT / "benchmarks" / "floor.py"),
                    str(workload.draft_md), str(workload.submissions[0].parent),
                    str(folder / "floor.docx")], cwd=folder)


# Figures


def _best(values: list[float | None]) -> float | None:
    found = [v for v in values if v is not None]
    return round(min(found), 3) if found else None


def _summary(measures: list[Measure]) -> dict[str, Any]:
    """Best and worst wall time, best CPU time and work, highest peak memory; for a step,
    its best time over the best of the floor runs beside it, and that floor's figures."""
    figures: dict[str, Any] = {
        "seconds": round(min(m.seconds for m in measures), 3),
        "worst_seconds": round(max(m.seconds for m in measures), 3),
        "cpu_seconds": round(min(m.cpu for m in measures), 3),
        "peak_mb": round(max(m.peak_mb for m in measures), 1),
        "work_seconds": _best([m.work for m in measures])}
    imports = [m.imports for m in measures if m.imports is not None]
    if imports:
        figures["imports_seconds"] = round(min(i.seconds for i in imports), 3)
        figures["imports_cpu"] = round(min(i.cpu for i in imports), 3)
    floors = [m.floor for m in measures if m.floor is not None]
    if floors:
        figures["floor_seconds"] = round(min(f.seconds for f in floors), 3)
        figures["floor_work"] = _best([f.work for f in floors])
        figures["x_floor"] = round(figures["seconds"] / figures["floor_seconds"], 2)
    return figures


def _ratios(steps: dict[str, dict[str, Any]]) -> None:
    """Each step over the stack (whole process) and over the floor's own work; its CPU
    time beyond that of a process importing what it imported (``work_cpu``), and its wall
    time beyond that process's (``net_seconds``)."""
    stack = steps["stack"]["seconds"]
    for figures in steps.values():
        figures["x_stack"] = round(figures["seconds"] / stack, 2)
        work, floor = figures["work_seconds"], figures.get("floor_work")
        figures["x_floor_work"] = round(work / floor, 1) if work and floor else None
        if "imports_cpu" in figures:
            figures["work_cpu"] = round(max(figures["cpu_seconds"] - figures["imports_cpu"],
                                            0.001), 3)
            figures["net_seconds"] = round(max(figures["seconds"]
                                               - figures["imports_seconds"], 0.001), 3)


def bench_size(args: argparse.Namespace, per_delegation: int, backends: list[str],
               folder: Path, hot_share: int = HOT_SHARE) -> dict[str, Any]:
    """Every backend at one size, ``args.repeat`` times; the figures as JSON values."""
    work = folder / f"x{per_delegation}-h{hot_share}"
    workload = write_workload(work, seed=args.seed, paragraphs=args.paragraphs,
                              delegations=args.delegations, per_delegation=per_delegation,
                              hot_share=hot_share)
    scenario = SCENARIOS[args.scenario]
    if scenario.prepare is not None:
        scenario.prepare(workload)
    runs: dict[str, list[dict[str, Measure]]] = {b: [] for b in backends}

    def on(backend: str) -> None:
        folder = work / backend
        folder.mkdir(exist_ok=True)
        for _ in range(args.repeat):
            with fresh_store(backend, folder, args.postgres) as url:
                runs[backend].append(run_once(scenario, workload, url, folder,
                                              args.import_runs))

    if args.together:  # a smoke test: the figures of steps run side by side mean little
        with ThreadPoolExecutor(len(backends)) as pool:
            list(pool.map(on, backends))
    else:
        for backend in backends:
            on(backend)
    floors = [m.floor for b in backends for run in runs[b] for m in run.values() if m.floor]
    figures: dict[str, Any] = {
        "paragraphs": args.paragraphs, "delegations": args.delegations,
        "per_delegation": per_delegation, "amendments": args.delegations * per_delegation,
        "hot_share": hot_share, "floor": _summary(floors)}
    for backend in backends:
        figures[backend] = {name: _summary([run[name] for run in runs[backend]])
                            for name in scenario.timed}
        _ratios(figures[backend])
    if scenario is INBOX and args.libreoffice:
        figures["libreoffice"] = libreoffice_compare(workload, args.libreoffice, figures)
    return figures


def libreoffice_line(found: dict[str, Any]) -> str:
    """The LibreOffice comparison in one line (or its note)."""
    if "note" in found:
        return found["note"]
    return (f"LibreOffice's Compare: {found['seconds_per_copy']:.2f} s a copy (of "
            f"{found['copies_compared']}), {found['for_all_copies']:.0f} s for the inbox; "
            f"drafting read every edited copy and merged in "
            f"{found['drafting_inbox_and_merge']:.2f} s ({found['drafting_per_copy']:.3f} s "
            f"a copy): {found['x_faster']}x faster, {found['inbox_x_stack']}x the stack")


LO_PYTHON = "/usr/bin/python3"
"""The interpreter that can ``import uno`` (Debian's python3-uno) for `lo_compare.py`."""


def libreoffice_compare(workload: Workload, count: int, figures: dict[str, Any],
                        ) -> dict[str, Any]:
    """LibreOffice's Compare of ``count`` edited copies against the draft (its per-copy
    time, `benchmarks/lo_compare.py`) beside reading the whole inbox and merging it; a
    note instead when LibreOffice or python3-uno is missing."""
    from inbox import inbox_paths

    if shutil.which("soffice") is None or subprocess.run(
            [LO_PYTHON, "-c", "import uno"], capture_output=True).returncode != 0:
        return {"note": "LibreOffice with python3-uno not installed: its Compare not timed"}
    copies = inbox_paths(workload, "edited")
    done = subprocess.run([LO_PYTHON, str(ROOT / "benchmarks" / "lo_compare.py"),
                           str(workload.draft_docx), *map(str, copies[:count]), "--json"],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return {"note": f"LibreOffice's Compare failed: {done.stderr.strip()[-300:]}"}
    found = json.loads(done.stdout.strip().splitlines()[-1])
    per_copy = found["seconds"] / found["copies"]
    ours = figures["sqlite"]
    inbox = ours["submit_edited"]["seconds"] + ours["merge_edited"]["seconds"]
    return {"copies_compared": found["copies"], "seconds_per_copy": round(per_copy, 3),
            "for_all_copies": round(per_copy * len(copies), 1),
            "drafting_inbox_and_merge": round(inbox, 3),
            "drafting_per_copy": round(ours["submit_edited"]["seconds"] / len(copies), 4),
            "x_faster": round(per_copy * len(copies) / inbox, 1),
            "inbox_x_stack": round(inbox / ours["stack"]["seconds"], 1)}


def growth(first: dict[str, Any], last: dict[str, Any], backends: list[str]) -> dict[str, Any]:
    """Each step's figures at the last size over the first: wall time, work CPU (see
    `_ratios`), peak memory; and the work's growth over the amendments' (``per_amendment``:
    1.0 is linear, the target at most `GROWTH_LIMIT`)."""
    times = last["amendments"] / first["amendments"]

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(b / a, 2) if a and b else None

    grown: dict[str, Any] = {"amendments": round(times, 2)}
    for backend in backends:
        grown[backend] = {}
        for name, old in first[backend].items():
            new = last[backend][name]
            cpu = ratio(old.get("work_cpu"), new.get("work_cpu"))
            grown[backend][name] = {
                "seconds": ratio(old["seconds"], new["seconds"]),
                "work_cpu": cpu, "peak_mb": ratio(old["peak_mb"], new["peak_mb"]),
                "per_amendment": None if cpu is None else round(cpu / times, 2)}
    return grown


def _cell(value: float | None, width: int, spec: str = ".2f") -> str:
    return f"{'-' if value is None else format(value, spec):>{width}}"


def table(size: dict[str, Any], backend: str, titles: dict[str, str], repeat: int) -> str:
    """One size on one backend, for people."""
    crowd = ("spread over every paragraph" if size["hot_share"] == 1
             else f"crowded onto one paragraph in {size['hot_share']}")
    lines = [f"\n{backend}: {size['paragraphs']} paragraphs, {size['delegations']} delegations"
             f" x {size['per_delegation']} = {size['amendments']:,} amendments, {crowd}"
             + (f" (best of {repeat}; worst in brackets)" if repeat > 1 else "")]
    head = (f"{'step':<28}{'s':>15}{'cpu':>8}{'imports':>8}{'work':>8}{'MB':>6}"
            f"{'x stack':>9}{'x floor work':>14}{'x floor':>9}")
    lines += [head, "-" * len(head)]
    floor = size["floor"]
    lines.append(f"{'floor (naive, no store)':<28}{_seconds(floor, repeat):>15}"
                 f"{floor['cpu_seconds']:>8.2f}{'-':>8}{_cell(floor['work_seconds'], 8)}"
                 f"{floor['peak_mb']:>6.0f}")
    for name, title in titles.items():
        got = size[backend][name]
        lines.append(f"{title:<28}{_seconds(got, repeat):>15}{got['cpu_seconds']:>8.2f}"
                     f"{_cell(got.get('imports_seconds'), 8)}"
                     f"{_cell(got['work_seconds'], 8)}{got['peak_mb']:>6.0f}"
                     f"{got['x_stack']:>9.2f}{_cell(got['x_floor_work'], 14, '.1f')}"
                     f"{got['x_floor']:>9.2f}")
    return "\n".join(lines)


def growth_table(first: dict[str, Any], last: dict[str, Any], grown: dict[str, Any],
                 backend: str, titles: dict[str, str], what: str = "") -> str:
    """How each step grew from the first size to the last, for people."""
    lines = [f"\n{backend}: growth from {first['amendments']:,} to {last['amendments']:,} "
             f"amendments (x{grown['amendments']:.1f}){what}; work is CPU beyond its "
             "imports; target: per amendment at most "
             f"{GROWTH_LIMIT}", f"{'step':<28}{'wall':>8}{'work':>8}{'per amendment':>15}"
             f"{'memory':>8}"]
    for name, title in titles.items():
        if name in ("stack", "imports"):
            continue
        got = grown[backend][name]
        flag = ("" if got["per_amendment"] is None
                else "  ok" if got["per_amendment"] <= GROWTH_LIMIT else "  OVER")
        lines.append(f"{title:<28}{_cell(got['seconds'], 8)}{_cell(got['work_cpu'], 8)}"
                     f"{_cell(got['per_amendment'], 15)}{_cell(got['peak_mb'], 8)}{flag}")
    return "\n".join(lines)


def _seconds(figures: dict[str, Any], repeat: int) -> str:
    if repeat > 1:
        return f"{figures['seconds']:.2f} ({figures['worst_seconds']:.2f})"
    return f"{figures['seconds']:.2f}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--delegations", type=int, default=193)
    parser.add_argument("--sizes", "--per-delegation", type=int, nargs="*", default=[20],
                        help="amendments per delegation; several sizes show the growth "
                             "from the first to the last (e.g. 20 100); none: only --huge")
    parser.add_argument("--huge", action="store_true", help="also 193 x 52 and 193 x 520 "
                        "amendments, crowded and spread, on SQLite, and the growth")
    parser.add_argument("--huge-sizes", type=int, nargs=2, default=[52, 520],
                        metavar=("FROM", "TO"), help="the per-delegation sizes of --huge")
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default=NEGOTIATION.name)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (best shown)")
    parser.add_argument("--import-runs", type=int, default=3, help="how many times each "
                        "step's imports are timed (the quickest kept; its work is its CPU "
                        "time beyond them)")
    parser.add_argument("--postgres", default=POSTGRES_URL, help="PostgreSQL URL to use")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--together", action="store_true",
                        help="run the backends side by side (quicker; for checking that "
                             "the benchmark works, not for figures)")
    parser.add_argument("--libreoffice", type=int, default=5, metavar="N",
                        help="with --scenario inbox: time LibreOffice's Compare on N edited "
                             "copies, where it is installed (0: not at all)")
    parser.add_argument("--keep", type=Path, help="write the workload and outputs here "
                        "and keep them (default: a temporary folder)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    backends, notes = ["sqlite"], []
    if not args.no_postgres and args.sizes:
        problem = postgres_problem(args.postgres)
        if problem:
            notes.append(f"PostgreSQL skipped: {problem}")
        else:
            backends.append("postgresql")
    compile_bytecode()
    titles = SCENARIOS[args.scenario].timed
    folder = args.keep or Path(tempfile.mkdtemp(prefix="drafting-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"benchmark": "drafting", "scenario": args.scenario,
                              "seed": args.seed, "repeat": args.repeat, "backends": backends,
                              "load": os.getloadavg()[0]}
    try:
        sizes = [bench_size(args, n, backends, folder) for n in args.sizes]
        result["sizes"] = sizes
        for size in sizes:
            print("\n".join(table(size, b, titles, args.repeat) for b in backends))
            if "libreoffice" in size:
                print(libreoffice_line(size["libreoffice"]))
        if len(sizes) > 1:
            result["growth"] = growth(sizes[0], sizes[-1], backends)
            for backend in backends:
                print(growth_table(sizes[0], sizes[-1], result["growth"], backend, titles))
        if args.huge:
            result["huge"] = {}
            for name, share in HUGE.items():
                pair = [bench_size(args, n, ["sqlite"], folder, share)
                        for n in args.huge_sizes]
                grown = growth(pair[0], pair[1], ["sqlite"])
                result["huge"][name] = {"sizes": pair, "growth": grown}
                print("\n".join(table(size, "sqlite", titles, args.repeat) for size in pair))
                print(growth_table(pair[0], pair[1], grown, "sqlite", titles, f", {name}"))
    except StepFailed as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    for note in notes:
        print(note)
    if notes:
        result["notes"] = notes
    result["load_after"] = os.getloadavg()[0]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
