"""Issue 15, break 3: history rewritten whole (a text changed in its row and in every
payload, every hash and the head recomputed) passes `verify`, but not a receipt kept
from before. Every write gives the receipts of its events; the head is one too."""

from __future__ import annotations

import subprocess
import sys

import pytest
from store_scenario import SMALL, amend
from tamper import new_text, rewrite_history, tamper

from drafting.engine.revise import Decisions, revise
from drafting.model import Delegation, DelegationKind, ParagraphStatus
from drafting.store import SECRETARIAT, AccessError, ConflictError, Receipt, open_store
from drafting.store.tables import GENESIS
from drafting.workflow import export_json


def naming(store, amendment_id: str) -> list[int]:
    """The events whose payloads list amendment ``amendment_id``."""
    return [e.seq for e in store.events() if any(
        item.get("id") == amendment_id for item in e.payload.get("amendments", []))]


def rewrite(store, raw, amendment_id: str, text: str) -> None:
    """The attack: the amendment's text changed in its row and in every payload naming
    it, every hash from there on and the head recomputed (with drafting's own chain_hash)."""
    tamper(raw, "UPDATE amendments SET new_text = :text WHERE id = :n", text=text,
           n=int(amendment_id[1:]))
    rewrite_history(raw, {seq: new_text(amendment_id, text)
                          for seq in naming(store, amendment_id)})


def logged(store, receipts) -> None:
    """Each receipt is the number and hash of an event in the log."""
    events = {e.seq: e.hash for e in store.events()}
    assert receipts and all(events.get(r.seq) == r.hash for r in receipts), receipts


def test_every_write_gives_the_receipts_of_the_events_it_recorded(empty_store, store_url):
    store = empty_store
    assert store.head() == Receipt(0, GENESIS) and store.receipts == ()
    store.add_delegations([Delegation("EU"), Delegation("G77", kind=DelegationKind.GROUP)])
    assert [r.seq for r in store.receipts] == [1, 2]
    logged(store, store.receipts)
    store.add_delegations([Delegation("BRA")], member_of="G77")  # the delegation, the members
    assert [r.seq for r in store.receipts] == [3, 4]
    imported = store.add_document(SMALL)
    assert store.receipts == (imported,) and imported.seq == 5
    first, second = store.submit_all(SMALL.symbol, [
        [amend("EU", "OP2", replace="submit", with_="present")],
        [amend("G77", "OP3", delete=" [within existing resources]")]])
    assert store.receipts == (first.receipt, second.receipt)
    again = store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit", with_="present")])
    assert again.duplicate and again.receipt == first.receipt  # the event that recorded it
    assert store.receipts == ()  # nothing new recorded
    store.withdraw(second.ids[0], "G77")
    withdrawn = store.receipts
    store.decide(first.ids[0], "accept")
    decided = store.receipts
    agreed = store.set_paragraph_status(SMALL.symbol, "p1", ParagraphStatus.AGREED)
    assert store.set_paragraph_status(SMALL.symbol, "p1", ParagraphStatus.AGREED) is None
    assert store.receipts == ()
    document = store.document(SMALL.symbol)
    revised = store.add_revision(SMALL.symbol, revise(
        document, store.amendments(SMALL.symbol), Decisions(accepted=frozenset(first.ids)),
        label="Rev.1"))
    with pytest.raises(ConflictError):
        store.decide(first.ids[0], "accept")  # a write refused records nothing
    assert store.receipts == ()
    receipts = [*withdrawn, *decided, agreed, revised]
    assert [r.seq for r in (first.receipt, second.receipt, *receipts)] == [6, 7, 8, 9, 10, 11]
    logged(store, [imported, first.receipt, second.receipt, *receipts])
    assert store.head() == revised
    assert all(len(r.hash) == 64 for r in receipts) and str(revised) == f"#11 {revised.hash}"
    # every receipt since the store was opened, the last write's among them
    assert [r.seq for r in store.recorded] == list(range(1, 12))
    logged(store, store.recorded)


def test_token_writes_and_refusals_give_receipts_too(empty_store, store_url):
    empty_store.add_delegation(Delegation("EU"))
    tokens = empty_store.make_secure()
    secured = empty_store.receipts
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        secretariat.rotate_token("EU")
        rotated = secretariat.receipts
        secretariat.revoke_token("EU")
        revoked = secretariat.receipts
        assert secretariat.revoke_token("EU") == [] and secretariat.receipts == ()
    with open_store(store_url, token=tokens["EU"]) as eu, pytest.raises(AccessError):
        eu.add_delegation(Delegation("USA"))
    refused = eu.receipts  # the refusal is recorded: its receipt is there
    kinds = {e.seq: e.kind for e in empty_store.events()}
    assert [kinds[r.seq] for r in (*secured, *rotated, *revoked, *refused)] == [
        "secure", "token", "token", "refused"]
    logged(empty_store, [*secured, *rotated, *revoked, *refused])
    assert empty_store.verify([*secured, *rotated, *revoked, *refused]).ok


def test_a_history_rewritten_whole_passes_verify_but_not_a_receipt_kept_before_it(
        filled, raw):
    store = filled
    target = next(a for a in store.amendments(SMALL.symbol) if a.proponents == ("USA",))
    assert target.new_text == "Decides also to act;"
    events = store.events()
    mentions = naming(store, target.id)
    submitted = min(mentions)
    assert len(mentions) == 2  # its submission, and Rev.1, which accepted it
    kept = Receipt(submitted, next(e.hash for e in events if e.seq == submitted))
    before_it = Receipt(events[0].seq, events[0].hash)
    head = store.head()
    assert store.verify([before_it, kept, head, Receipt(0, GENESIS)]).ok

    rewrite(store, raw, target.id, "Decides also to withdraw;")
    changed = next(a for a in store.amendments(SMALL.symbol) if a.id == target.id)
    assert changed.new_text == "Decides also to withdraw;"
    assert store.verify().ok  # the chain alone cannot tell
    assert store.head() != head

    report = store.verify([before_it, kept, head])
    assert not report.ok and report.anchors == 3
    assert [m.where for m in report.mismatches] == [f"receipt #{submitted}",
                                                    f"receipt #{head.seq}"]
    assert report.first.event == submitted
    assert (f"event {submitted} has the hash {store.events()[submitted - 1].hash[:16]}... "
            f"now, not the receipt's {kept.hash[:16]}...: the log was rewritten at or before "
            f"event {submitted}") in report.first.what
    assert report.summary().startswith(f"the record does not match: receipt #{submitted}: ")
    assert store.verify([before_it]).ok  # what came before the rewrite still holds


def test_an_export_kept_before_the_rewrite_is_a_receipt(filled, raw, tmp_path):
    from drafting.store.receipts import read_anchors

    export = tmp_path / "export.json"
    data = export_json(filled, SMALL.symbol, export)
    assert data["head"] == filled.head().to_json()
    anchors = read_anchors(export)
    assert Receipt(**data["head"]) in anchors
    assert {(e["seq"], e["hash"]) for e in data["events"]} <= {(a.seq, a.hash) for a in anchors}
    assert filled.verify(anchors).ok
    target = next(a for a in filled.amendments(SMALL.symbol) if a.proponents == ("G77",))
    submitted = min(naming(filled, target.id))
    rewrite(filled, raw, target.id, "more")
    assert filled.verify().ok
    report = filled.verify(read_anchors(export))
    assert report.first.where == f"receipt #{submitted}"


def test_a_receipt_for_an_event_no_longer_there(filled, raw):
    last = filled.head()
    tamper(raw, "DELETE FROM events WHERE seq = :s", "UPDATE chain_head SET seq = :p, hash = "
           "(SELECT hash FROM events WHERE seq = :p) WHERE id = 1", s=last.seq, p=last.seq - 1)
    report = filled.verify([last])
    assert str(report.first) == (f"receipt #{last.seq}: the log has no event {last.seq} (it "
                                 f"ends at event {last.seq - 1}): the receipt is of another "
                                 "store, or events were removed since it was issued")
    not_ours = filled.verify([Receipt(0, "1" * 64)]).first
    assert not_ours.where == "receipt #0" and "starts from 64 zeros" in not_ours.what


def drafting(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args], capture_output=True,
                          text=True, timeout=120)


def test_the_command_line_names_the_receipt_after_the_rewrite(filled, raw, store_url,
                                                               tmp_path):
    target = next(a for a in filled.amendments(SMALL.symbol) if a.proponents == ("USA",))
    submitted = min(naming(filled, target.id))
    kept = next(Receipt(e.seq, e.hash) for e in filled.events() if e.seq == submitted)
    export = tmp_path / "l7.json"
    assert drafting("export", SMALL.symbol, "--format", "json", "-o", str(export), "--db",
                    store_url).returncode == 0
    rewrite(filled, raw, target.id, "Decides also to withdraw;")
    alone = drafting("verify", "--db", store_url)
    assert alone.returncode == 0 and alone.stdout.startswith("the record is intact")
    anchored = drafting("verify", "--db", store_url, "--anchor", f"{kept.seq}:{kept.hash}")
    assert anchored.returncode == 1 and anchored.stdout == ""
    assert anchored.stderr.startswith(f"drafting: the record does not match: receipt "
                                      f"#{kept.seq}: event {kept.seq} has the hash ")
    from_export = drafting("verify", "--db", store_url, "--anchors", str(export))
    assert from_export.returncode == 1
    assert from_export.stderr.startswith(f"drafting: the record does not match: receipt "
                                         f"#{kept.seq}: event {kept.seq} has the hash ")
    assert "\n  receipt #" in from_export.stderr  # and the export's head, on a line of its own
