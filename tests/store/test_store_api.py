"""The store's API: the model's dataclasses in, the same out, and clear refusals."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from store_scenario import SMALL, SYMBOL, ZERO, amend, delegations, sample_document

from drafting.engine.revise import Decisions, revise
from drafting.errors import DraftingError
from drafting.model import (
    Amendment,
    AmendmentStatus,
    Delegation,
    Document,
    ParagraphStatus,
    Revision,
)
from drafting.store import (
    ConflictError,
    NotFoundError,
    SchemaError,
    StoreError,
    open_store,
)
from drafting.store.connect import DEFAULT_URL, resolve_url


@pytest.fixture
def store(empty_store):
    for delegation in delegations():
        empty_store.add_delegation(delegation)
    empty_store.add_document(SMALL, actor="secretariat")
    return empty_store


def test_a_document_comes_back_as_it_went_in(empty_store):
    document = sample_document()
    empty_store.add_document(document)
    back = empty_store.document(SYMBOL)
    assert type(back) is Document and type(back.current) is Revision
    stamped = back.current.created_at
    assert stamped is not None and stamped.tzinfo is not None
    assert back == dataclasses.replace(document, revisions=(
        dataclasses.replace(document.current, created_at=stamped),))
    assert empty_store.documents() == [(SYMBOL, document.title)]


def test_a_document_with_history_keeps_every_revision_and_label_table(empty_store):
    when = datetime(2026, 10, 1, 9, 30, 15, 250, tzinfo=UTC)
    rev1 = Revision("Rev.1", (ZERO.paragraphs[0], ZERO.paragraphs[2]), created_at=when,
                    label_table=(("OP1", ""), ("OP2", "OP1")))
    document = Document("TEST/2", "History", (dataclasses.replace(ZERO, created_at=when), rev1))
    empty_store.add_document(document)
    assert empty_store.document("TEST/2") == document


def test_formatting_marks_come_back_and_a_changed_one_fails_verify(empty_store, raw):
    from sqlalchemy import text

    from drafting.model import Mark, Style

    first = ZERO.paragraphs[0]
    italic = dataclasses.replace(first, marks=(Mark(0, 4, Style.ITALIC),
                                               Mark(5, 7, Style.BOLD)))
    document = Document("TEST/3", "Marks", (dataclasses.replace(
        ZERO, paragraphs=(italic, *ZERO.paragraphs[1:])),))
    empty_store.add_document(document)
    assert empty_store.document("TEST/3").current.paragraphs[0].marks == italic.marks
    assert empty_store.verify().ok
    with raw.begin() as connection:
        connection.execute(text("UPDATE paragraph_versions SET marks = '[[0, 9, \"bold\"]]' "
                                "WHERE marks <> ''"))
    assert not empty_store.verify().ok


def test_a_symbol_is_imported_once(store):
    with pytest.raises(ConflictError, match="already has a document 'TEST/1'"):
        store.add_document(SMALL)


def test_a_document_needs_a_revision(store):
    with pytest.raises(StoreError, match="no revision"):
        store.add_document(Document("EMPTY/1", "Nothing"))


def test_an_unknown_document_names_the_known_ones(store):
    with pytest.raises(NotFoundError, match=r"no document 'TEST/9'.*known: TEST/1"):
        store.document("TEST/9")
    with pytest.raises(NotFoundError):
        store.amendments("TEST/9")


def test_delegations_keep_their_kind_and_members(store):
    assert store.delegations() == sorted(delegations(), key=lambda d: d.code)
    with pytest.raises(ConflictError, match="EU is already"):
        store.add_delegation(Delegation("EU"))
    with pytest.raises(StoreError, match="not a delegation code"):
        store.add_delegation(Delegation(" "))


def test_submit_gives_store_ids_in_order_and_stamps_the_time(store):
    before = datetime.now(UTC)
    result = store.submit(SMALL.symbol, [
        amend("EU", "OP2", replace="submit", with_="present"),
        amend("G77", "OP3", delete=" [within existing resources]", supporters=("AOSIS",)),
    ], actor="Ms. Rossi")
    assert result.ids == ("A1", "A2") and not result.duplicate
    assert result.message == "recorded 2 amendments: A1, A2"
    stored = store.amendments(SMALL.symbol)
    assert stored == list(result.amendments)
    assert all(type(a) is Amendment for a in stored)
    assert stored[1].supporters == ("AOSIS",) and stored[1].revision == "Zero draft"
    assert all(before <= a.submitted_at <= datetime.now(UTC) for a in stored)
    again = store.submit(SMALL.symbol, [amend("USA", "OP1", bracket="a meeting")])
    assert again.ids == ("A3",)


def test_amendments_filter_by_status_delegation_and_paragraph(store):
    ids = store.submit(SMALL.symbol, [
        amend("EU", "OP2", replace="submit", with_="present"),
        amend("G77", "OP2", replace="a report", with_="an annual report"),
        amend("USA", "OP3", retain=True),
    ]).ids
    store.withdraw(ids[1], "G77")
    by = {a.id for a in store.amendments(SMALL.symbol, statuses=[AmendmentStatus.SUBMITTED])}
    assert by == {ids[0], ids[2]}
    assert [a.id for a in store.amendments(SMALL.symbol, delegations=["G77", "USA"])] == list(
        ids[1:])
    assert [a.id for a in store.amendments(SMALL.symbol, paragraph_id="p3")] == list(ids[:2])
    assert store.amendments(SMALL.symbol, paragraph_id="p3", delegations=["USA"]) == []


def test_a_submission_is_refused_whole_with_every_problem_listed(store):
    good = amend("EU", "OP2", replace="submit", with_="present")
    ghost = dataclasses.replace(amend("EU", "OP1", delete="a meeting"), proponents=("XYZ",),
                                supporters=("ABC",))
    lost = dataclasses.replace(good, paragraph_id="p99")
    with pytest.raises(StoreError) as caught:
        store.submit(SMALL.symbol, [good, ghost, lost])
    assert "3 problems; nothing was recorded" in caught.value.message
    details = caught.value.details
    assert "amendment 2: proponent 'XYZ' is not a known delegation" in details
    assert "amendment 2: supporter 'ABC'" in details
    assert "amendment 3: Zero draft has no paragraph with id 'p99'" in details
    assert store.amendments(SMALL.symbol) == []
    with pytest.raises(StoreError, match="no amendment"):
        store.submit(SMALL.symbol, [])


def test_quoted_words_must_be_where_the_span_says(store):
    moved = dataclasses.replace(amend("EU", "OP2", replace="submit", with_="present"),
                                old_text="present")
    with pytest.raises(StoreError) as caught:
        store.submit(SMALL.symbol, [moved])
    assert "are 'submit', not 'present'" in caught.value.details


def test_a_new_first_paragraph_is_stored_and_comes_back_before_the_first(store):
    first = next(iter(SMALL.current)).label
    leading = amend("EU", first, new_paragraph="Reaffirming the Charter,", place_before=True)
    store.submit(SMALL.symbol, [leading])
    assert store.amendments(SMALL.symbol)[0].precedes
    assert store.verify().ok
    second, third = SMALL.current.paragraphs[1:3]  # OP1 opens the operative series
    elsewhere = dataclasses.replace(leading, paragraph_id=third.id)
    spanned = dataclasses.replace(amend("EU", second.label, delete_paragraph=True),
                                  span=leading.span)
    with pytest.raises(StoreError) as caught:
        store.submit(SMALL.symbol, [elsewhere, spanned])
    assert f"{third.label}: a new paragraph goes after the paragraph it follows; only the " \
        "first paragraph of Zero draft, or the first of a series" in caught.value.details
    assert f"propose it after {second.label}" in caught.value.details
    assert "a delete paragraph acts on the whole paragraph and has no span" in \
        caught.value.details
    assert len(store.amendments(SMALL.symbol)) == 1


def test_a_new_first_operative_paragraph_is_stored_before_op1(store):
    op1 = SMALL.current.paragraphs[1]
    assert op1.label == "OP1"
    new = amend("EU", "OP1", new_paragraph="Condemns all reprisals;", place_before=True)
    store.submit(SMALL.symbol, [new])
    (stored,) = store.amendments(SMALL.symbol)
    assert stored.precedes and stored.paragraph_id == op1.id
    assert store.verify().ok


def test_a_submission_on_a_superseded_revision_is_refused(store):
    made_on_zero = amend("EU", "OP2", replace="submit", with_="present")
    outcome = revise(store.document(SMALL.symbol), [], Decisions(), label="Rev.1")
    store.add_revision(SMALL.symbol, outcome)
    with pytest.raises(ConflictError, match=r"made against Zero draft, but the current text "
                                            r"is Rev\.1"):
        store.submit(SMALL.symbol, [made_on_zero])
    assert store.amendments(SMALL.symbol) == []
    on_rev1 = amend("EU", "OP2", revision=store.document(SMALL.symbol).current,
                    replace="submit", with_="present")
    assert store.submit(SMALL.symbol, [on_rev1]).amendments[0].revision == "Rev.1"


def test_only_a_proponent_withdraws_and_the_amendment_stays(store):
    (first, second) = store.submit(SMALL.symbol, [
        amend("EU", "OP2", replace="submit", with_="present"),
        amend("USA", "OP3", retain=True)]).ids
    with pytest.raises(ConflictError, match="only a proponent \\(EU\\) may withdraw A1; USA"):
        store.withdraw(first, "USA")
    withdrawn = store.withdraw(first, "EU", actor="Ms. Rossi")
    assert withdrawn.status is AmendmentStatus.WITHDRAWN
    assert [a.status for a in store.amendments(SMALL.symbol)] == [
        AmendmentStatus.WITHDRAWN, AmendmentStatus.SUBMITTED]
    with pytest.raises(ConflictError, match="already withdrawn"):
        store.withdraw(first, "EU")
    with pytest.raises(ConflictError, match="withdrawn by its proponents"):
        store.decide(first, "accept")
    store.decide(second, "reject")
    with pytest.raises(ConflictError, match="already rejected"):
        store.withdraw(second, "USA")
    with pytest.raises(NotFoundError, match="no amendment 'A77'"):
        store.withdraw("A77", "EU")


def test_decisions_are_made_once(store):
    (only,) = store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit",
                                                with_="present")]).ids
    with pytest.raises(StoreError, match="'maybe' is not a decision"):
        store.decide(only, "maybe")
    assert store.decide(only.lower(), "accept", note="in informals").status is (
        AmendmentStatus.ACCEPTED)
    with pytest.raises(ConflictError, match="already accepted"):
        store.decide(only, "reject")


def test_paragraph_status_is_set_on_the_current_revision(store):
    store.set_paragraph_status(SMALL.symbol, "p2", ParagraphStatus.AGREED_AD_REF)
    store.set_paragraph_status(SMALL.symbol, "p2", ParagraphStatus.AGREED_AD_REF)  # no change
    assert store.document(SMALL.symbol).current.by_id("p2").status is (
        ParagraphStatus.AGREED_AD_REF)
    assert [e.kind for e in store.events(SMALL.symbol)] == ["import", "agree"]
    with pytest.raises(NotFoundError, match="no paragraph with id 'OP1'"):
        store.set_paragraph_status(SMALL.symbol, "OP1", ParagraphStatus.AGREED)
    with pytest.raises(StoreError, match="deleted by accepting an amendment"):
        store.set_paragraph_status(SMALL.symbol, "p2", ParagraphStatus.DELETED)


def test_a_revision_is_stored_with_what_became_of_each_amendment(store):
    ids = store.submit(SMALL.symbol, [
        amend("EU", "OP2", replace="submit a report", with_="report orally"),
        amend("G77", "OP2", replace="a report", with_="an annual report"),
        amend("USA", "OP1", new_paragraph="Decides also to act;"),
        amend("JPN", "OP3", replace="contribute", with_="give"),
        amend("CAN", "PP1", replace="Recalling", with_="Recalling also"),
    ]).ids
    store.withdraw(ids[4], "CAN")
    outcome = revise(store.document(SMALL.symbol), store.amendments(SMALL.symbol),
                     Decisions(accepted=frozenset({ids[0], ids[2]})), label="Rev.1")
    store.add_revision(SMALL.symbol, outcome, actor="secretariat")
    document = store.document(SMALL.symbol)
    assert [r.label for r in document.revisions] == ["Zero draft", "Rev.1"]
    assert document.current == dataclasses.replace(
        outcome.revision, created_at=document.current.created_at)
    assert dict(document.current.label_table) == outcome.label_table
    assert document.current.by_id(f"{ids[2]}.p").text == "Decides also to act;"
    status = {a.id: (a.status, a.revision) for a in store.amendments(SMALL.symbol)}
    assert status == {
        ids[0]: (AmendmentStatus.ACCEPTED, "Zero draft"),
        ids[1]: (AmendmentStatus.STALE, "Zero draft"),
        ids[2]: (AmendmentStatus.ACCEPTED, "Zero draft"),
        ids[3]: (AmendmentStatus.SUBMITTED, "Rev.1"),
        ids[4]: (AmendmentStatus.WITHDRAWN, "Zero draft"),
    }
    moved = store.amendments(SMALL.symbol, paragraph_id="p4")[0]
    assert document.current.by_id("p4").text[moved.span.start:moved.span.end] == "contribute"
    with pytest.raises(ConflictError, match=r"already has a revision 'Rev\.1'"):
        store.add_revision(SMALL.symbol, outcome)


def test_a_revision_prepared_before_a_withdrawal_is_refused(store):
    (only,) = store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit",
                                                with_="present")]).ids
    outcome = revise(store.document(SMALL.symbol), store.amendments(SMALL.symbol),
                     Decisions(accepted=frozenset({only})), label="Rev.1")
    store.withdraw(only, "EU")
    with pytest.raises(ConflictError, match="A1 is withdrawn in the store but the revision"):
        store.add_revision(SMALL.symbol, outcome)
    assert len(store.document(SMALL.symbol).revisions) == 1


def test_a_revision_only_moves_amendments_on_and_decides_them(store):
    ids = store.submit(SMALL.symbol, [
        amend("EU", "OP2", replace="submit", with_="present", reason="agreed language"),
        amend("JPN", "OP3", replace="contribute", with_="give")]).ids
    outcome = revise(store.document(SMALL.symbol), store.amendments(SMALL.symbol),
                     Decisions(accepted=frozenset({ids[0]})), label="Rev.1")
    moved = {a.id: a for a in outcome.amendments}
    assert moved[ids[1]].revision == "Rev.1"  # what the store compares below

    def altered(**changes):
        return dataclasses.replace(outcome, amendments=tuple(
            dataclasses.replace(a, **changes) if a.id == ids[1] else a
            for a in outcome.amendments))

    with pytest.raises(ConflictError, match=f"change the reason of amendment {ids[1]}"):
        store.add_revision(SMALL.symbol, altered(reason="another reason"))
    with pytest.raises(ConflictError, match=f"change the proponents of amendment {ids[1]}"):
        store.add_revision(SMALL.symbol, altered(proponents=("USA",)))
    with pytest.raises(NotFoundError, match=f"moves amendment {ids[1]} onto 'Rev.9'"):
        store.add_revision(SMALL.symbol, altered(revision="Rev.9"))
    with pytest.raises(NotFoundError, match="speaks of amendment A99"):
        store.add_revision(SMALL.symbol, altered(id="A99"))
    assert len(store.document(SMALL.symbol).revisions) == 1
    store.add_revision(SMALL.symbol, outcome)  # as the engine issued it: recorded
    stored = {a.id: a for a in store.amendments(SMALL.symbol)}
    assert (stored[ids[0]].status, stored[ids[1]].revision) == (AmendmentStatus.ACCEPTED,
                                                                "Rev.1")
    assert stored[ids[1]] == dataclasses.replace(moved[ids[1]],
                                                 submitted_at=stored[ids[1]].submitted_at)


def test_events_name_the_document_the_actor_and_the_time(store):
    store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit", with_="present")],
                 actor="Ms. Rossi")
    events = store.events()
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    assert [e.kind for e in events][-2:] == ["import", "submit"]
    last = events[-1]
    assert (last.document, last.actor, last.at.tzinfo) == (SMALL.symbol, "Ms. Rossi", UTC)
    assert last.payload["amendments"][0]["id"] == "A1"
    assert events[0].document is None and events[0].kind == "delegation"
    assert [e.kind for e in store.events(SMALL.symbol)] == ["import", "submit"]
    with pytest.raises(NotFoundError):
        store.events("TEST/9")


def test_events_listed_without_payloads_are_the_same_events_with_none(store):
    store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit", with_="present")])
    full, listed = store.events(SMALL.symbol), store.events(SMALL.symbol, payloads=False)
    assert [dataclasses.replace(e, payload={}) for e in full] == listed
    assert all(e.payload for e in full) and not any(e.payload for e in listed)
    with pytest.raises(NotFoundError):
        store.events("TEST/9", payloads=False)


def test_store_errors_are_drafting_errors():
    assert issubclass(StoreError, DraftingError)
    assert issubclass(SchemaError, StoreError) and issubclass(ConflictError, StoreError)


def test_urls_default_to_the_environment_then_a_local_file(monkeypatch):
    monkeypatch.delenv("DRAFTING_DB", raising=False)
    assert resolve_url(None).render_as_string() == DEFAULT_URL == "sqlite:///drafting.db"
    monkeypatch.setenv("DRAFTING_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None).database == "elsewhere.db"
    assert resolve_url("postgresql://u:secret@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://h/db").drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="is not a database URL"):
        resolve_url("not a url")


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'x.db'}") as store:
        store.init()
        with store._engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 30000


def test_an_empty_database_asks_for_init(store_url):
    with open_store(store_url) as store, pytest.raises(SchemaError, match="drafting init"):
        store.documents()
