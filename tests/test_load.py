"""The load script at a small size: twelve delegations' processes submit at once to one
SQLite file and to one PostgreSQL schema; halfway the secretariat issues Rev.1.

What is checked is what must hold at any size and speed (timings are printed by
``benchmarks/load.py``, never asserted): the script finds no problem; the first
half's submissions are each in the store exactly once, under the ids their
process was told; each of the second half, made on the zero draft, was anchored onto
Rev.1 and recorded so, its process saying so (a warning naming Rev.1); nothing else is
in the store; every submission is one event; ``verify`` passes.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from drafting.store import open_store
from drafting.store.scratch import scratch_schema, unreachable

ROOT = Path(__file__).parents[1]
POSTGRES_URL = os.environ.get("DRAFTING_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
PROCESSES, EACH = 12, 5
SYMBOL = "A/C.2/81/L.60"  # samples/synthetic.py


@cache
def _postgres_problem() -> str | None:
    return unreachable(POSTGRES_URL)


@pytest.fixture(scope="module")
def load_run(tmp_path_factory) -> Iterator[dict[str, Any]]:
    """Run the script once on both stores; the stores, its JSON lines and the reports."""
    folder = tmp_path_factory.mktemp("load")
    stores = {"sqlite": f"sqlite:///{folder / 'load.db'}"}
    with contextlib.ExitStack() as stack:
        if _postgres_problem() is None:
            stores["postgresql"] = stack.enter_context(scratch_schema(POSTGRES_URL, "load"))
        yield _run(folder, stores)


def _run(folder: Path, stores: dict[str, str]) -> dict[str, Any]:
    reports = folder / "reports.jsonl"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "load.py"), "--processes", str(PROCESSES),
         "--per-delegation", str(EACH), "--paragraphs", "30", "--revise-halfway", "--json",
         "--reports", str(reports), *(f"--db={url}" for url in stores.values())],
        capture_output=True, text=True, timeout=300)
    return {"stores": stores, "done": done,
            "figures": [json.loads(line) for line in done.stdout.splitlines()],
            "reports": [json.loads(line) for line in reports.read_text().splitlines()]}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_at_once_nothing_is_lost_nothing_is_twice_every_refusal_is_said(load_run, backend):
    if backend not in load_run["stores"]:
        pytest.skip(_postgres_problem())
    done = load_run["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    index = list(load_run["stores"]).index(backend)
    figures = load_run["figures"][index]
    assert figures["problems"] == [] and figures["revised"]
    assert (figures["processes"], figures["recorded"], figures["refused"]) == (
        PROCESSES, PROCESSES * EACH, 0)
    reports = [r for r in load_run["reports"] if r["store"] == figures["store"]]
    delegations = [r for r in reports if r["code"] != "secretariat"]
    recorded = {r["code"]: r["ids"] for r in delegations if r["status"] == 0}
    late = [r for r in delegations if "made on Zero draft, not on Rev.1" in r["message"]]
    assert len(recorded) == PROCESSES and len(late) == PROCESSES // 2
    for report in late:  # anchored onto Rev.1, saying so
        assert report["status"] == 0 and len(report["ids"]) == EACH
    with open_store(load_run["stores"][backend]) as store:
        assert store.verify().ok
        stored = store.amendments(SYMBOL)
        submits = [e for e in store.events(SYMBOL) if e.kind == "submit"]
        labels = [r.label for r in store.document(SYMBOL).revisions]
    assert labels == ["Zero draft", "Rev.1"]
    assert len(submits) == len(recorded)
    ids = [a.id for a in stored]
    assert len(ids) == len(set(ids)) == PROCESSES * EACH
    by_code: dict[str, list[str]] = {}
    for amendment in stored:
        (code,) = amendment.proponents
        by_code.setdefault(code, []).append(amendment.id)
    assert {code: sorted(ids) for code, ids in by_code.items()} == {
        code: sorted(ids) for code, ids in recorded.items()}
