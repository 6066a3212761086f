"""The speed benchmark: each step of a large negotiation as a real ``drafting`` process.

    python benchmarks/run.py                           # 600 paragraphs, 193 x 20 amendments
    python benchmarks/run.py --repeat 3                # best and worst of three runs
    python benchmarks/run.py --per-delegation 20 50    # and growth from 193 x 20 to 193 x 50
    python benchmarks/run.py --no-postgres             # SQLite only

A synthetic negotiation (``samples/synthetic.py``, deterministic by ``--seed``) is written
to a temporary folder; then, on a fresh SQLite file and on a fresh schema of PostgreSQL
(``--postgres URL``, default ``$DRAFTING_BENCH_POSTGRES_URL`` or the local server; skipped
with a note when it does not answer), every step runs as its own ``drafting`` process, and
its wall time and peak memory (maximum resident set size, from ``os.wait4``) are taken:
importing the draft (.md, .docx), submitting all the delegations' JSON files in one
command, submitting one delegation's Word file, compiling to .docx and .html, writing the
merged .docx, issuing a revision (after one amendment per amended paragraph is accepted,
untimed) and the diff of the two revisions. Just before each step runs the floor
(``benchmarks/floor.py``): a plain process writing the same paragraphs and as many
tracked changes naively. The table shows each step's best wall time as a multiple of the
best of the floor runs beside it (the machine's ups and downs touch both alike, and a
floor run slowed down by them cannot flatter a step); the last line of output is all the
figures as one JSON object, CPU times included.

Beside the floor runs a second yardstick, the stack: a process that only imports the
packages every store command is built on (SQLAlchemy, Typer, python-docx). No command can
be quicker than that. Before timing, the bytecode of ``drafting`` and ``drafting_cli`` is
compiled, as installing the wheel does: an editable install with
``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every module at every start.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
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

from synthetic import Workload, write_workload  # noqa: E402

POSTGRES_URL = os.environ.get("DRAFTING_BENCH_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
DOCX_SUFFIX = "-W"
"""The draft imported from Word is a second document, ``SYMBOL-W``."""
STACK = "import sqlalchemy, typer, docx"
"""What the stack process runs: the packages given to the project, loaded and unused."""
STEPS = {
    "stack": "the stack (imports only)",
    "import_md": "import the draft (.md)",
    "import_docx": "import the draft (.docx)",
    "submit_json": "submit every JSON file",
    "submit_docx": "submit one Word file",
    "compile_docx": "compile to .docx",
    "compile_html": "compile to .html",
    "merge_docx": "merge to .docx",
    "revise": "revise",
    "diff_docx": "diff two revisions",
}
"""The steps timed, in order, with what the table calls them."""


@dataclass(frozen=True)
class Measure:
    """One process: wall time and CPU time (user + system) in seconds, peak resident
    memory in MB; ``floor`` is the floor process run just before it (for steps)."""

    seconds: float
    cpu: float
    peak_mb: float
    floor: Measure | None = None


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


def measure(command: Sequence[str], *, cwd: Path, db: str | None = None) -> Measure:
    """Run ``command`` as a process (with ``DRAFTING_DB`` set to ``db``, if given); its
    wall time, CPU time and peak memory. StepFailed on an error, with its stderr."""
    env = dict(os.environ, DRAFTING_DB=db) if db else None
    with tempfile.TemporaryFile() as errors:
        subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], cwd=cwd, env=env,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                       check=True)
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    code, seconds, cpu, peak_kb = lines[-1].split()
    if code != "0":
        text = "\n".join(lines[:-1])
        raise StepFailed(f"{' '.join(command)} exited with {code}:\n{text}")
    return Measure(float(seconds), float(cpu), int(peak_kb) / 1024)  # ru_maxrss: KB on Linux


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


def accept_some(url: str, symbol: str) -> int:
    """Accept one open span amendment in every paragraph that has some (untimed set-up
    for `revise`); returns how many were accepted."""
    from drafting.model import SPAN_KINDS, AmendmentStatus
    from drafting.store import open_store

    with open_store(url) as store:
        chosen: dict[str, str] = {}
        for amendment in store.amendments(symbol, statuses={AmendmentStatus.SUBMITTED}):
            if amendment.kind in SPAN_KINDS:
                chosen.setdefault(amendment.paragraph_id, amendment.id)
        for amendment_id in chosen.values():
            store.decide(amendment_id, "accept", note="benchmark")
    return len(chosen)


def run_once(workload: Workload, url: str, folder: Path) -> dict[str, Measure]:
    """Every step once, on the empty store at ``url``; files are written to ``folder``."""
    drafting = drafting_command()
    symbol, docx_symbol = workload.symbol, workload.symbol + DOCX_SUFFIX
    out = folder / "out"
    out.mkdir(exist_ok=True)

    def beside_floor(command: Sequence[str | Path]) -> Measure:
        floor = floor_once(workload, folder)
        return replace(measure(list(map(str, command)), cwd=folder, db=url), floor=floor)

    def step(*args: str | Path) -> Measure:
        return beside_floor([*drafting, *args])

    results = {"stack": beside_floor([sys.executable, "-c", STACK])}
    measure([*drafting, "init"], cwd=folder, db=url)
    results["import_md"] = step("import", workload.draft_md, "--doc", symbol)
    results["import_docx"] = step("import", workload.draft_docx, "--doc", docx_symbol)
    measure([*drafting, "delegation", "add", *workload.codes], cwd=folder, db=url)
    results["submit_json"] = step("submit", symbol, *workload.submissions, "--yes")
    results["submit_docx"] = step("submit", docx_symbol, workload.tracked_docx,
                                  "--delegation", workload.codes[0], "--yes")
    results["compile_docx"] = step("compile", symbol, "-o", out / "compilation.docx")
    results["compile_html"] = step("compile", symbol, "-o", out / "compilation.html")
    results["merge_docx"] = step("merge", symbol, "-o", out / "merged.docx")
    accept_some(url, symbol)
    results["revise"] = step("revise", symbol, "--label", "Rev.1")
    results["diff_docx"] = step("diff", symbol, "Zero draft", "Rev.1", "-o", out / "diff.docx")
    return results


def floor_once(workload: Workload, folder: Path) -> Measure:
    """The floor process once."""
    return measure([sys.executable, str(ROOT / "benchmarks" / "floor.py"),
                    str(workload.draft_md), str(workload.submissions[0].parent),
                    str(folder / "floor.docx")], cwd=folder)


# Figures


def _summary(measures: list[Measure]) -> dict[str, Any]:
    """Best and worst wall time, best CPU time, highest peak memory; for a step, its best
    time over the best of the floor runs beside it, and that floor time."""
    figures: dict[str, Any] = {
        "seconds": round(min(m.seconds for m in measures), 3),
        "worst_seconds": round(max(m.seconds for m in measures), 3),
        "cpu_seconds": round(min(m.cpu for m in measures), 3),
        "peak_mb": round(max(m.peak_mb for m in measures), 1)}
    floors = [m.floor.seconds for m in measures if m.floor is not None]
    if floors:
        figures["x_floor"] = round(min(m.seconds for m in measures) / min(floors), 2)
        figures["floor_seconds"] = round(min(floors), 3)
    return figures


def bench_size(args: argparse.Namespace, per_delegation: int, backends: list[str],
               folder: Path) -> dict[str, Any]:
    """Every backend at one size, ``args.repeat`` times; the figures as JSON values."""
    work = folder / f"x{per_delegation}"
    workload = write_workload(work, seed=args.seed, paragraphs=args.paragraphs,
                              delegations=args.delegations, per_delegation=per_delegation)
    runs: dict[str, list[dict[str, Measure]]] = {b: [] for b in backends}

    def on(backend: str) -> None:
        folder = work / backend
        folder.mkdir(exist_ok=True)
        for _ in range(args.repeat):
            with fresh_store(backend, folder, args.postgres) as url:
                runs[backend].append(run_once(workload, url, folder))

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
        "floor": _summary(floors)}
    for backend in backends:
        figures[backend] = {name: _summary([run[name] for run in runs[backend]])
                            for name in STEPS}
    return figures


def growth(first: dict[str, Any], last: dict[str, Any], backends: list[str]) -> dict[str, Any]:
    """Each step's time and peak memory at the last size over the first."""
    return {backend: {name: {
        "seconds": round(last[backend][name]["seconds"] / first[backend][name]["seconds"], 2),
        "peak_mb": round(last[backend][name]["peak_mb"] / first[backend][name]["peak_mb"], 2)}
        for name in STEPS} for backend in backends}


def table(sizes: list[dict[str, Any]], backends: list[str], grown: dict[str, Any] | None,
          repeat: int) -> str:
    """The figures for people: one block per size, a column group per backend."""
    lines = []
    for size in sizes:
        lines.append(f"\n{size['paragraphs']} paragraphs, {size['delegations']} delegations x "
                     f"{size['per_delegation']} = {size['amendments']} amendments"
                     + (f" (best of {repeat}; worst in brackets)" if repeat > 1 else ""))
        head = f"{'step':<26}" + "".join(f"{b + ' s':>18}{'MB':>7}{'x floor':>9}"
                                         for b in backends)
        lines += [head, "-" * len(head)]
        floor = size["floor"]
        cells = f"{_seconds(floor, repeat):>18}{floor['peak_mb']:>7.0f}{'1.00':>9}"
        lines.append(f"{'floor (naive, no store)':<26}" + cells * len(backends))
        for name, title in STEPS.items():
            row = f"{title:<26}"
            for backend in backends:
                got = size[backend][name]
                row += f"{_seconds(got, repeat):>18}{got['peak_mb']:>7.0f}{got['x_floor']:>9.2f}"
            lines.append(row)
    if grown:
        first, last = sizes[0]["per_delegation"], sizes[-1]["per_delegation"]
        lines.append(f"\ngrowth from x{first} to x{last} amendments per delegation "
                     "(time, peak memory)")
        for name, title in STEPS.items():
            lines.append(f"{title:<26}" + "".join(
                f"{grown[b][name]['seconds']:>16.2f}x{grown[b][name]['peak_mb']:>8.2f}x"
                for b in backends))
    return "\n".join(lines)


def _seconds(figures: dict[str, Any], repeat: int) -> str:
    if repeat > 1:
        return f"{figures['seconds']:.2f} ({figures['worst_seconds']:.2f})"
    return f"{figures['seconds']:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--delegations", type=int, default=193)
    parser.add_argument("--per-delegation", type=int, nargs="+", default=[20],
                        help="amendments per delegation; several sizes show the growth "
                             "from the first to the last (e.g. 20 50)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (best shown)")
    parser.add_argument("--postgres", default=POSTGRES_URL, help="PostgreSQL URL to use")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--together", action="store_true",
                        help="run the backends side by side (quicker; for checking that "
                             "the benchmark works, not for figures)")
    parser.add_argument("--keep", type=Path, help="write the workload and outputs here "
                        "and keep them (default: a temporary folder)")
    args = parser.parse_args(argv)
    backends, notes = ["sqlite"], []
    if not args.no_postgres:
        problem = postgres_problem(args.postgres)
        if problem:
            notes.append(f"PostgreSQL skipped: {problem}")
        else:
            backends.append("postgresql")
    compile_bytecode()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="drafting-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        sizes = [bench_size(args, n, backends, folder) for n in args.per_delegation]
    except StepFailed as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    grown = growth(sizes[0], sizes[-1], backends) if len(sizes) > 1 else None
    print(table(sizes, backends, grown, args.repeat))
    for note in notes:
        print(note)
    result: dict[str, Any] = {"benchmark": "drafting", "seed": args.seed,
                              "repeat": args.repeat, "backends": backends, "sizes": sizes}
    if grown:
        result["growth"] = grown
    if notes:
        result["notes"] = notes
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
