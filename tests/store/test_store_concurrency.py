"""Many delegations at once lose nothing: twenty processes submit to one document at the
same moment, on one SQLite file and on PostgreSQL."""

from __future__ import annotations

import multiprocessing
import queue

import pytest
from store_scenario import SMALL, revise_at_once, submit_at_once

from drafting.model import Delegation
from drafting.store import open_store

PROCESSES = 20
ROUNDS = 3


def run(url: str, targets: list[tuple]) -> list[tuple]:
    """Start one forked process per (function, args), all waiting on one barrier (forked:
    each child opens its own store, and starts without importing everything again)."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(len(targets))
    results = context.Queue()
    processes = [context.Process(target=target, args=(url, *args, barrier, results))
                 for target, args in targets]
    for process in processes:
        process.start()
    try:
        found = [results.get(timeout=180) for _ in processes]
    except queue.Empty:
        pytest.fail("a process did not report within 180 s")
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    errors = [f"{code}: {error}" for code, *_, error in found if error]
    assert not errors, "\n".join(errors)
    return found


def prepared(url: str, codes: list[str]) -> None:
    with open_store(url, check_version=False) as store:
        store.init()
        for code in [*codes, "EU"]:
            store.add_delegation(Delegation(code))
        store.add_document(SMALL)


def test_twenty_delegations_submitting_at_once_lose_nothing(store_url):
    codes = [f"D{n:02}" for n in range(1, PROCESSES + 1)]
    prepared(store_url, codes)
    found = run(store_url, [(submit_at_once, (code, ROUNDS, True)) for code in codes])
    with open_store(store_url) as store:
        stored = store.amendments(SMALL.symbol)
        report = store.verify()
    ids = [a.id for a in stored]
    assert len(ids) == len(set(ids)) == PROCESSES * ROUNDS * 2 + 1
    assert sorted(ids, key=lambda i: int(i[1:])) == [f"A{n}" for n in range(1, len(ids) + 1)]
    texts = sorted(a.new_text for a in stored if a.proponents != ("EU",))
    assert texts == sorted(f"Recalling ({code} {n} {k})" for code in codes
                           for n in range(ROUNDS) for k in range(2))
    given = sorted(i for _, mine, *_ in found for i in mine)
    assert given == sorted(a.id for a in stored if a.proponents != ("EU",))
    shared = {ids for *_, ids, _, _ in found}
    assert len(shared) == 1  # everyone sent it; it is recorded once, with one id
    assert report.ok, report.summary()


def test_a_revision_issued_meanwhile_refuses_the_late_submissions(store_url):
    codes = [f"D{n:02}" for n in range(1, 9)]
    prepared(store_url, codes)
    found = run(store_url, [(revise_at_once, ()),
                            *((submit_at_once, (code, ROUNDS, False)) for code in codes)])
    with open_store(store_url) as store:
        stored = store.amendments(SMALL.symbol)
        events = store.events(SMALL.symbol)
        assert store.verify().ok
    revised = next(e.seq for e in events if e.kind == "revise")
    submitted_after = [e for e in events if e.kind == "submit" and e.seq > revised]
    assert submitted_after == []  # never recorded on a text it was not made on
    assert all(a.revision == "Zero draft" for a in stored)
    recorded = sum(len(ids) for _, ids, *_ in found)
    refused = sum(count for *_, count, _ in found)
    assert recorded + 2 * refused == len(codes) * ROUNDS * 2
