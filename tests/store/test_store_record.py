"""A record nobody can rewrite quietly: the hash chain, and verify after edits made
with raw SQL behind the library's back."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import JSON, bindparam, text
from store_scenario import SMALL

from drafting.model import AmendmentStatus


def sql(raw, statement: str, **values) -> None:
    with raw.begin() as connection:
        connection.execute(text(statement), values)


def small_amendment(store, delegation: str):
    return next(a for a in store.amendments(SMALL.symbol) if a.proponents == (delegation,))


def test_each_event_hashes_the_previous_hash_and_its_canonical_json(filled):
    events = filled.events()
    previous = "0" * 64
    for event in events:
        body = {"seq": event.seq, "at": event.at.isoformat(timespec="microseconds"),
                "actor": event.actor, "kind": event.kind, "document": event.document,
                "payload": event.payload}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert event.prev_hash == previous
        assert event.hash == hashlib.sha256((previous + canonical).encode()).hexdigest()
        previous = event.hash
    kinds = {e.kind for e in events}
    assert kinds == {"import", "delegation", "submit", "withdraw", "decide", "agree", "revise",
                     "support"}


def test_an_untouched_store_verifies(filled):
    report = filled.verify()
    assert report.ok and report.first is None
    assert report.events == len(filled.events())
    assert report.summary().startswith("the record is intact")


def test_an_amendment_text_edited_in_the_table_is_named(filled, raw):
    target = small_amendment(filled, "EU")
    sql(raw, "UPDATE amendments SET new_text = 'submit nothing' WHERE id = :n",
        n=int(target.id[1:]))
    report = filled.verify()
    assert not report.ok
    assert report.first.where == f"amendment {target.id}"
    assert "new text is 'submit nothing' in the store" in report.first.what
    assert "'present'" in report.first.what
    assert report.summary().startswith(f"the record does not match: amendment {target.id}")


def test_an_event_payload_edited_in_the_table_is_named(filled, raw):
    submit = next(e for e in filled.events() if e.kind == "submit" and e.document == SMALL.symbol)
    payload = json.loads(json.dumps(submit.payload))
    payload["amendments"][0]["new_text"] = "present quietly"
    with raw.begin() as connection:
        connection.execute(text("UPDATE events SET payload = :p WHERE seq = :s")
                           .bindparams(bindparam("p", type_=JSON)), {"p": payload,
                                                                     "s": submit.seq})
    report = filled.verify()
    assert report.first.where == f"event {submit.seq} (submit)"
    assert "does not match its hash" in report.first.what
    assert report.first.event == submit.seq


def test_a_deleted_event_is_named(filled, raw):
    withdraw = next(e for e in filled.events() if e.kind == "withdraw")
    sql(raw, "DELETE FROM events WHERE seq = :s", s=withdraw.seq)
    report = filled.verify()
    assert report.first.where == f"event {withdraw.seq}"
    assert report.first.what.startswith("is missing: the log goes from")
    # and replaying without it, the withdrawn amendment's status no longer matches
    assert any("status" in m.what for m in report.mismatches)


def test_events_cut_from_the_end_are_caught_by_the_chain_head(filled, raw):
    last = filled.events()[-1]
    sql(raw, "DELETE FROM events WHERE seq = :s", s=last.seq)
    report = filled.verify()
    assert report.first.where == "chain head"
    assert f"ends at event {last.seq}, but the last event is {last.seq - 1}" in report.first.what


def test_a_paragraph_text_edited_in_the_table_is_named(filled, raw):
    sql(raw, "UPDATE paragraph_versions SET text = 'Requests nothing;' WHERE paragraph_id IN "
             "(SELECT id FROM paragraphs WHERE key = 'p3') AND revision_id IN "
             "(SELECT r.id FROM revisions r JOIN documents d ON d.id = r.document_id "
             "WHERE d.symbol = :symbol AND r.label = 'Rev.1')", symbol=SMALL.symbol)
    report = filled.verify()
    assert report.first.where == f"document {SMALL.symbol}, revision 'Rev.1', paragraph p3 (OP3)"
    assert "text is 'Requests nothing;' in the store" in report.first.what


def test_a_status_edited_in_the_table_is_named(filled, raw):
    withdrawn = small_amendment(filled, "JPN")
    assert withdrawn.status is AmendmentStatus.WITHDRAWN  # withdrawn, and still there
    sql(raw, "UPDATE amendments SET status = 'submitted' WHERE id = :n",
        n=int(withdrawn.id[1:]))
    report = filled.verify()
    assert report.first.where == f"amendment {withdrawn.id}"
    assert "status is <AmendmentStatus.SUBMITTED" in report.first.what


def test_a_row_no_event_records_is_named(filled, raw):
    sql(raw, "INSERT INTO delegations (code, name, kind, created_at) "
             "VALUES ('ZZZ', 'Nowhere', 'state', '2026-01-01 00:00:00')")
    report = filled.verify()
    assert str(report.first) == "delegation ZZZ: is in the store, but no event records it"


def test_a_status_history_row_removed_is_named(filled, raw):
    withdrawn = small_amendment(filled, "JPN")
    sql(raw, "DELETE FROM amendment_statuses WHERE amendment_id = :n AND position = 1",
        n=int(withdrawn.id[1:]))
    report = filled.verify()
    assert report.first.where == f"amendment {withdrawn.id}"
    assert "status history" in report.first.what
