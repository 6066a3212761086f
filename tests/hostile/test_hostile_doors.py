"""Text that is not text, through every door into the store (issue 15, break 7).

Every text that enters the store passes one check (`drafting.store.names.check_text`,
`drafting.characters.problem`), as amendment texts always did: no control character
or bidirectional override anywhere; no line break in what is one line (revision
labels, paragraph labels and ids, names, who acted); no empty line in a paragraph,
which would split it when written back as Markdown. Each refusal names the place and
the character and leaves the store as it was (and verifiable); `log` never prints a
raw control character, even from a store written before the check.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import make_negotiation
from corpus import SYMBOL, fingerprint, refused_line, run_cli, verifies

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.model import Delegation, Document, Paragraph, ParagraphKind, Revision
from drafting.readers import read_text
from drafting.store import StoreError, amendment_steps, open_store
from drafting.store.session import writing
from drafting.workflow import revise_document

ESC = "\x1b[2J"
"""Clear the screen: what a terminal would obey if it were printed raw."""


@pytest.fixture
def negotiation_url(store_url) -> str:
    """The corpus negotiation (EU, G77, USA), on SQLite and on PostgreSQL."""
    return make_negotiation(store_url)


def refuses(match: str):
    return pytest.raises(StoreError, match=match)


def test_a_revision_label_is_one_line_of_text(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        for label, said in (("Rev.1\x01", r"U\+0001 \(a control character\) is not text"),
                            ("Rev.1\nOP9 x", r"U\+000A \(LINE FEED\) has no place in a single "
                                             "line"),
                            ("Rev.1\u202e", r"U\+202E \(RIGHT-TO-LEFT OVERRIDE\)")):
            with refuses(f"{SYMBOL}: the revision label, character 5: {said}"):
                revise_document(store, SYMBOL, label)
            outcome = revise(store.document(SYMBOL), [], Decisions(), label=label)
            with refuses("the revision label, character 5"):  # the library's own door
                store.add_revision(SYMBOL, outcome)
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before


def test_what_a_revision_holds_passes_the_check(negotiation_url):
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        fine = revise(store.document(SYMBOL), [], Decisions(), label="Rev.1")
        first = fine.revision.paragraphs[0]
        for bad, said in (
                (replace(fine.revision, chapeau="The General\x00 Assembly,"), "the chapeau"),
                (replace(fine.revision, front_matter=("A/C.2\x85",)), "the front matter"),
                (replace(fine.revision, paragraphs=(replace(first, label="PP1\n"),)),
                 r"PP1\\n \(its label\), character 3"),
                (replace(fine.revision, paragraphs=(replace(first, text="a\n\nOP9 b"),)),
                 "PP1, character 1: an empty line")):
            with refuses(f"{SYMBOL} Rev.1.*{said}"):
                store.add_revision(SYMBOL, replace(fine, revision=bad))
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before


def test_notes_actors_names_and_holders_pass_the_check(negotiation_url):
    with open_store(negotiation_url) as store:
        current = store.document(SYMBOL).current
        store.submit(SYMBOL, [draft_amendment(current, Proposal("OP2", delete="provisional"),
                                              id="x", proponents=["EU"])])
        store.make_secure()
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        with refuses(r"the note on A1, character 0: U\+0000 \(NUL\)"):  # PostgreSQL: a crash
            store.decide("A1", "accept", note="\x00")
        with refuses(r"the note on A1, character 2: U\+001B \(ESCAPE\)"):
            store.decide("A1", "accept", note=f"ok{ESC}")
        for actor, said in ((f"Jane{ESC}", r"U\+001B \(ESCAPE\)"),
                            ("Jane\nDoe", r"U\+000A \(LINE FEED\) has no place"),
                            ("Jane\tDoe", r"U\+0009 \(TAB\) has no place")):
            with refuses(f"who acts \\(the actor\\), character 4: {said}"):
                store.decide("A1", "accept", actor=actor)
            with refuses("who acts"):  # refused before a refusal could be recorded
                store.withdraw("A1", "EU", actor=actor)
        with refuses(r"the delegation named, character 2: U\+001B"):
            store.withdraw("A1", f"EU{ESC}")
        with refuses(r"the name of CAN, character 6: U\+000A"):
            store.add_delegation(Delegation("CAN", name="Canada\nX"))
        with refuses(r"the name of CAN, character 0: U\+0007 \(BELL\)"):
            store.add_delegation(Delegation("CAN", name="\x07Canada"))
        with refuses(r"the holder, character 2: U\+001B"):
            store.rotate_token(f"EU{ESC}")
        with refuses("the paragraph id, character 2"):
            store.set_paragraph_status(SYMBOL, "p1\n", "agreed")
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before


def test_an_amendment_or_a_paragraph_with_an_empty_line_is_refused(negotiation_url):
    """An empty line would end the paragraph where it is written back as Markdown: the
    text after it would come back as a paragraph of its own (here, a forged OP99)."""
    before = fingerprint(negotiation_url)
    with open_store(negotiation_url) as store:
        current = store.document(SYMBOL).current
        forged = Proposal("OP1", replace="submit", with_="present\n\nOP99 Injected;")
        amendment = draft_amendment(current, forged, id="x", proponents=["EU"])
        with refuses("amendment 1: the new text, character 7: an empty line"):
            store.submit(SYMBOL, [amendment])
        signed = draft_amendment(current, Proposal("OP1", replace="submit", with_="present"),
                                 id="x", proponents=["EU"], submitted_by="Jane\nDoe")
        with refuses(r"amendment 1: submitted by, character 4: U\+000A"):
            store.submit(SYMBOL, [signed])
        draft = read_text("OP1 Decides;\n").to_document("NEW/1", title="T\n \nOP9 forged")
        with refuses("NEW/1: the title, character 1: an empty line"):
            store.add_document(draft)
        text = Document("NEW/1", "T", (Revision("Zero draft", (
            Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides:\n\n(a) to act;"),)),))
        with refuses("NEW/1 Zero draft, OP1, character 8: an empty line"):
            store.add_document(text)
        assert store.verify().ok
    assert fingerprint(negotiation_url) == before
    with open_store(negotiation_url) as store:  # lines of a paragraph are still text
        lines = draft_amendment(current, Proposal("OP1", replace="submit", with_="present\n"
                                                  "(a) a report;"), id="x", proponents=["EU"])
        assert store.submit(SYMBOL, [lines]).ids == ("A1",)
        assert store.verify().ok


# On the command line


def test_revise_refuses_a_label_that_is_not_text_and_show_still_works(tmp_path, negotiation,
                                                                      capsys):
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "revise", SYMBOL, "--label", "Rev.1\x01", "--db",
                                negotiation))
    assert line == (f"drafting: {SYMBOL}: the revision label, character 5: U+0001 (a control "
                    "character) is not text (often left by copying from another program); "
                    "remove it")
    line = refused_line(run_cli(capsys, "revise", SYMBOL, "--label", "Rev.1\nOP9", "--db",
                                negotiation))
    assert "U+000A (LINE FEED) has no place in a single line" in line
    assert fingerprint(negotiation) == before and verifies(negotiation)
    assert run_cli(capsys, "show", SYMBOL, "-o", str(tmp_path / "x.docx"), "--db",
                   negotiation).code == 0
    assert run_cli(capsys, "revise", SYMBOL, "--label", "Rev.1", "--db", negotiation).code == 0
    outcome = run_cli(capsys, "diff", SYMBOL, "Zero draft", "Rev.1", "-o",
                      str(tmp_path / "d.docx"), "--db", negotiation)
    assert outcome.code == 0, outcome.err


def test_decide_and_amend_refuse_text_that_is_not_text(negotiation, capsys):
    amend = ["amend", SYMBOL, "OP1", "-d", "EU", "--replace", "submit", "--yes",
             "--db", negotiation]
    assert run_cli(capsys, *amend, "--with", "present").code == 0
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "decide", "A1", "accept", "--note", f"ok{ESC}",
                                "--db", negotiation))
    assert line == (r"drafting: the note on A1, character 2: U+001B (ESCAPE) is not text "
                    r"(often left by copying from another program); remove it")
    line = refused_line(run_cli(capsys, "decide", "A1", "accept", "--actor", "J\x07ane",
                                "--db", negotiation))
    assert line.startswith(r"drafting: who acts (the actor), character 1: U+0007 (BELL)")
    line = refused_line(run_cli(capsys, *amend, "--with", "present\n\nOP99 Injected;"))
    assert "OP1: the new text has a character 7: an empty line" in line
    line = refused_line(run_cli(capsys, "delegation", "add", "CAN", "--name", "Canada\nX",
                                "--db", negotiation))
    assert "the name of CAN, character 6: U+000A (LINE FEED)" in line
    assert fingerprint(negotiation) == before and verifies(negotiation)


def test_log_escapes_what_an_older_store_holds(negotiation, capsys):
    """A store written before the check may hold anything: `log` shows it escaped."""
    with open_store(negotiation) as store:
        current = store.document(SYMBOL).current
        store.submit(SYMBOL, [draft_amendment(current, Proposal("OP2", delete="provisional"),
                                              id="x", proponents=["EU"])])
        with writing(store._engine, store._url, f"J{ESC}ane\x85") as write:  # as of old
            amendment_steps.decide(write, "A1", "accept", f"ok{ESC}\u202e\x07")
        assert store.verify().ok
    outcome = run_cli(capsys, "log", SYMBOL, "--db", negotiation)
    assert outcome.code == 0
    assert r"decide     by J\x1b[2Jane\x85  A1 accepted: ok\x1b[2J\u202e\x07" in outcome.out
    outcome = run_cli(capsys, "log", SYMBOL, "--json", "--db", negotiation)
    for raw in ("\x1b", "\x85", "\u202e", "\x07"):
        assert raw not in outcome.out
    assert json.loads(outcome.out)[-1]["actor"] == f"J{ESC}ane\x85"


def test_a_json_submission_is_checked_as_the_store_checks_it(tmp_path, negotiation, capsys):
    """Refused when read, every problem listed, before anything is shown or asked."""
    path = tmp_path / "eu.json"
    path.write_text(json.dumps({
        "document": SYMBOL, "delegation": "EU", "submitted_by": "Jane\nDoe",
        "amendments": [{"paragraph": "OP1", "replace": "submit",
                        "with": "present\n\nOP99 Injected;", "reason": "two\n\nlines"}]}),
        encoding="utf-8")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--dry-run", "--db", negotiation)
    assert outcome.code == 1 and "To be recorded" not in outcome.out
    assert "'submitted_by', character 4: U+000A (LINE FEED) has no place" in outcome.err
    assert "'with', character 7: an empty line" in outcome.err
    assert "reason" not in outcome.err  # a reason may hold empty lines
    assert fingerprint(negotiation) == before and verifies(negotiation)
