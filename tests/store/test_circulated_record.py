"""A store changed behind drafting's back circulates nothing and lets no one in.

`verify` found a row edited by hand (a delegation's proposed words changed, an amendment
deleted), but compile, merge, export and the list of amendments used the row as it
stood, in the delegation's name; and a write trusted the tokens' rows as they stood
(a delegation's salt and hash copied onto another's row let one write as the other).
Now each checks what it uses against the record first, and refuses, saying what differs,
with nothing written or recorded."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from store_scenario import SYMBOL
from tamper import tamper

from drafting.engine import Proposal
from drafting.outputs import compile_to, merge_to
from drafting.store import open_store
from drafting.store.errors import RecordMismatch
from drafting.store.tokens import token_id
from drafting.workflow import export_json, list_amendments, prepare_amendment


def _events(raw) -> int:
    with raw.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM events")).scalar()


def _pending(store) -> str:
    """The number of an amendment to the sample document still pending (A12)."""
    _, amendments = list_amendments(store, SYMBOL, statuses=["submitted"])
    return amendments[0].id


def test_a_proposal_edited_by_hand_is_not_circulated_or_decided(filled, raw, store_url,
                                                                tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    number = _pending(filled)
    key = int(number.removeprefix("A"))
    tamper(raw, "UPDATE amendments SET new_text = 'words no delegation proposed' "
           "WHERE id = :i", i=key)
    before = _events(raw)
    said = f"amendment {number}: new text is 'words no delegation proposed' in the store"
    with open_store(store_url) as store:
        for name, attempt in {
                "compile": lambda: compile_to(store, SYMBOL, tmp_path / "c.md"),
                "merge": lambda: merge_to(store, SYMBOL, tmp_path / "m.docx"),
                "export": lambda: export_json(store, SYMBOL, tmp_path / "e.json"),
                "list": lambda: list_amendments(store, SYMBOL)}.items():
            with pytest.raises(RecordMismatch) as caught:
                attempt()
            message = str(caught.value)
            assert said in message and "drafting verify" in message, name
            assert message.startswith("nothing was ")
    assert list(tmp_path.iterdir()) == []
    assert _events(raw) == before
    compile_to(filled, "TEST/1", tmp_path / "other.md")  # another document: not touched


def test_an_amendment_deleted_by_hand_is_missed_not_left_out(filled, raw, store_url,
                                                             tmp_path):
    number = _pending(filled)
    key = int(number.removeprefix("A"))
    tamper(raw, "DELETE FROM amendment_statuses WHERE amendment_id = :i",
           "DELETE FROM amendment_proponents WHERE amendment_id = :i",
           "DELETE FROM amendment_supporters WHERE amendment_id = :i",
           "DELETE FROM amendments WHERE id = :i", i=key,
           tables=["amendments", "amendment_statuses", "amendment_proponents",
                   "amendment_supporters"])
    with open_store(store_url) as store, pytest.raises(
            RecordMismatch, match=f"amendment {number}: is in the record .* but not in the "
            "store"):
        compile_to(store, SYMBOL, tmp_path / "c.html")
    assert not (tmp_path / "c.html").exists()


def test_a_token_copied_onto_another_delegations_row_lets_no_one_in(filled, raw, store_url):
    tokens = filled.make_secure(actor="secretariat")
    usa = token_id(tokens["USA"])
    tamper(raw, "UPDATE credentials SET salt = (SELECT salt FROM credentials WHERE id = :e), "
           "hash = (SELECT hash FROM credentials WHERE id = :e) WHERE id = :u",
           e=token_id(tokens["EU"]), u=usa)
    eu_secret = tokens["EU"].split("_", 2)[2]
    before = _events(raw)
    with open_store(store_url, token=f"drf_{usa}_{eu_secret}") as store:
        forged = prepare_amendment(store, SYMBOL, Proposal("OP3", delete_paragraph=True),
                                   "USA")
        with pytest.raises(RecordMismatch, match=f"nothing was recorded: who may write is "
                           f"not what the store's record says \\(token {usa}: fingerprint"):
            store.submit(SYMBOL, [forged])
    assert _events(raw) == before  # not even a refusal
    with open_store(store_url, token=tokens["EU"]) as eu:  # the EU's own row: untouched
        own = prepare_amendment(eu, SYMBOL, Proposal("OP3", delete_paragraph=True), "EU")
        assert len(eu.submit(SYMBOL, [own]).ids) == 1
