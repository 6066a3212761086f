"""A delegation sends version 2 of its Word copy after version 1 was recorded: version 2
still tracks version 1's changes (left tracked) beside a new one. The whole file was
refused as a repeat ("EU already proposes this as A2"), and the only way through,
--allow-duplicates, recorded the repeat a second time. A change its own delegation
proposes already, pending, is now set aside with a warning naming it; the new ones are
proposed. Another delegation's change repeated is the sender's proposal, as before."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from docx_builders import SYMBOL, ZERO, dele, house, ins, write_docx

from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft, prepare_files, record

OP1 = ["Requests the Secretary-General to submit ", dele("a"), ins("a comprehensive"),
       " report on small-scale fishers;"]
PP2 = ["Noting with concern the ", dele("state"), ins("situation"),
       " of small-scale fisheries,"]
OP2 = ["Decides to include the item in its provisional agenda", dele(", within existing "
       "resources"), ";"]


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, write_docx(tmp_path / "draft.docx", house(ZERO)), SYMBOL)
        add_delegations(opened, ["EU", "G77"])
        yield opened


def _send(store, path: Path, code: str):
    [prepared] = prepare_files(store, SYMBOL, [path], delegation=code)
    return prepared


def _changes(store) -> list[tuple[str, str, str, str]]:
    return [(a.id, a.proponents[0], a.old_text, a.new_text)
            for a in store.amendments(SYMBOL)]


def test_version_2_proposes_its_new_change_and_sets_aside_its_pending_one(store, tmp_path):
    first = write_docx(tmp_path / "EU-v1.docx", house(ZERO, {"PP2": PP2, "OP1": OP1}))
    record(store, SYMBOL, _send(store, first, "EU").amendments)
    accepted = ["Noting with concern the situation of small-scale fisheries,"]
    second = write_docx(tmp_path / "EU-v2.docx",
                        house(ZERO, {"PP2": accepted, "OP1": OP1, "OP2": OP2}))
    prepared = _send(store, second, "EU")
    assert [(a.old_text, a.new_text) for a in prepared.amendments] == [
        (", within existing resources", "")]
    said = [str(w) for w in prepared.warnings if "OP1" in str(w)]
    assert len(said) == 1 and "EU's change to OP1 (replace 'a' -> 'a comprehensive') is " \
        "its pending A2, not proposed again" in said[0]
    record(store, SYMBOL, prepared.amendments)
    assert _changes(store) == [("A1", "EU", "state", "situation"),
                               ("A2", "EU", "a", "a comprehensive"),
                               ("A3", "EU", ", within existing resources", "")]


def test_version_1_sent_again_is_left_whole_for_the_store_to_name(store, tmp_path):
    first = write_docx(tmp_path / "EU-v1.docx", house(ZERO, {"PP2": PP2, "OP1": OP1}))
    record(store, SYMBOL, _send(store, first, "EU").amendments)
    again = _send(store, first, "EU")
    assert len(again.amendments) == 2
    assert not [w for w in again.warnings if "not proposed again" in str(w)]


def test_another_delegations_pending_change_repeated_is_the_senders_proposal(store,
                                                                              tmp_path):
    first = write_docx(tmp_path / "EU-v1.docx", house(ZERO, {"OP1": OP1}))
    record(store, SYMBOL, _send(store, first, "EU").amendments)
    theirs = write_docx(tmp_path / "G77.docx", house(ZERO, {"OP1": OP1, "OP2": OP2}))
    record(store, SYMBOL, _send(store, theirs, "G77").amendments)
    assert _changes(store) == [("A1", "EU", "a", "a comprehensive"),
                               ("A2", "G77", "a", "a comprehensive"),
                               ("A3", "G77", ", within existing resources", "")]
