"""A proposal the EU makes together with G77 (A1, pending), and the EU's later Word copy
still tracking its change beside a new one: the change was recorded again as a new,
EU-only amendment (the store's key holds the proponents, and EU is not EU and G77), a
duplicate of A1 for the secretariat. It is now set aside with a warning naming A1 and
its proponents; a copy holding nothing but it is refused, naming A1; a delegation that
is not one of A1's proponents still proposes the same change as its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from docx_builders import SYMBOL, ZERO, dele, house, ins, write_docx

from drafting.engine.amend import Proposal, draft_amendment
from drafting.store import StoreError, init_store, open_store
from drafting.workflow import add_delegations, import_draft, prepare_files, record

OP1 = ["Requests the Secretary-General to submit ", dele("a"), ins("a comprehensive"),
       " report on small-scale fishers;"]
OP2 = ["Decides to include the item in its provisional agenda", dele(", within existing "
       "resources"), ";"]


@pytest.fixture
def store(tmp_path):
    """A store whose A1, pending, is EU and G77's "a" -> "a comprehensive" in OP1."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, write_docx(tmp_path / "draft.docx", house(ZERO)), SYMBOL)
        add_delegations(opened, ["EU", "G77", "USA"])
        shared = draft_amendment(opened.document(SYMBOL).current,
                                 Proposal("OP1", replace="a", with_="a comprehensive"),
                                 id="new-1", proponents=["EU", "G77"])
        record(opened, SYMBOL, [shared])
        yield opened


def _send(store, path: Path, code: str):
    [prepared] = prepare_files(store, SYMBOL, [path], delegation=code)
    return prepared


def _changes(store) -> list[tuple[str, tuple[str, ...], str, str]]:
    return [(a.id, tuple(a.proponents), a.old_text, a.new_text)
            for a in store.amendments(SYMBOL)]


def test_the_shared_change_is_set_aside_and_the_new_one_proposed(store, tmp_path):
    copy = write_docx(tmp_path / "EU-v2.docx", house(ZERO, {"OP1": OP1, "OP2": OP2}))
    prepared = _send(store, copy, "EU")
    assert [(a.old_text, a.new_text) for a in prepared.amendments] == [
        (", within existing resources", "")]
    said = [str(w) for w in prepared.warnings if "OP1" in str(w)]
    assert len(said) == 1 and "EU's change to OP1 (replace 'a' -> 'a comprehensive') is " \
        "A1, pending, proposed by EU and G77, not proposed again" in said[0]
    record(store, SYMBOL, prepared.amendments)
    assert _changes(store) == [("A1", ("EU", "G77"), "a", "a comprehensive"),
                               ("A2", ("EU",), ", within existing resources", "")]


def test_a_copy_of_nothing_but_the_shared_change_is_refused_naming_it(store, tmp_path):
    copy = write_docx(tmp_path / "EU-v1.docx", house(ZERO, {"OP1": OP1}))
    prepared = _send(store, copy, "EU")
    with pytest.raises(StoreError) as refused:
        record(store, SYMBOL, prepared.amendments)
    assert "nothing was recorded" in str(refused.value)
    assert "amendment 1 (OP1): EU already proposes this as A1, together with G77" in \
        refused.value.details
    assert _changes(store) == [("A1", ("EU", "G77"), "a", "a comprehensive")]


def test_a_json_file_of_one_of_its_proponents_proposing_it_alone_is_refused(store, tmp_path):
    path = tmp_path / "EU.json"
    path.write_text(json.dumps({"document": SYMBOL, "delegation": "EU", "amendments": [
        {"paragraph": "OP1", "replace": "a", "with": "a comprehensive"}]}))
    with pytest.raises(StoreError) as refused:
        record(store, SYMBOL, _send(store, path, "EU").amendments)
    assert "EU already proposes this as A1, together with G77" in refused.value.details
    assert len(_changes(store)) == 1


def test_a_delegation_not_proposing_it_proposes_the_same_change_as_its_own(store, tmp_path):
    copy = write_docx(tmp_path / "USA.docx", house(ZERO, {"OP1": OP1}))
    prepared = _send(store, copy, "USA")
    assert not [w for w in prepared.warnings if "not proposed again" in str(w)]
    record(store, SYMBOL, prepared.amendments)
    assert _changes(store) == [("A1", ("EU", "G77"), "a", "a comprehensive"),
                               ("A2", ("USA",), "a", "a comprehensive")]
