"""A delegation sends the merged draft back: what it accepted (Accept All, composite
changes included), struck out of another delegation's proposal, typed in an alternative
the merged draft shows, or rejected. Only the sender's own changes are recorded, each an
amendment to the proposal whose words it edits; a hint names a command that works."""

from __future__ import annotations

import copy
import itertools
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_copy_of_merged_draft import _accepted_all, _with_own_change
from test_merged_copy_edits import _copy, _mark, _tracked

from drafting.engine import Proposal
from drafting.errors import InputError, ReaderError
from drafting.model import Span
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)
from drafting_cli.app import main

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from libreoffice import lo_track

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
USA = {"John Smith": "USA"}
NEW = "Encourages States to develop national strategies for small-scale fisheries;"
Edit = Callable[[etree._Element], None]
_IDS = itertools.count(9700)


@pytest.fixture
def replies(tmp_path):
    """A store with G77's A1 (an alternative formulation of OP23), the EU's A2 and the
    G77's A3 on the same words of OP21 (a bracket "[one-day / two-day / half-day]"), the
    EU's A4 (a new paragraph after OP5), A5 (OP4, a plain insertion) and A6 (OP24
    'submit' -> 'transmit', in the text's own "[submit / present]", bracketed beside
    JPN's retain A7); and the merged draft written from it."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(store, ["EU", "G77", "USA", "JPN"])
        for code, proposal in (
                ("G77", Proposal("OP23", alternative="Invites Member States to report on "
                                 "progress;")),
                ("EU", Proposal("OP21", replace="one-day", with_="two-day")),
                ("G77", Proposal("OP21", replace="one-day", with_="half-day")),
                ("EU", Proposal("OP5", new_paragraph=NEW)),
                ("EU", Proposal("OP4", insert=", including women and youth,",
                                after="fish workers")),
                ("EU", Proposal("OP24", replace="submit", with_="transmit")),
                ("JPN", Proposal("OP24", retain=True))):
            record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal, code)])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        yield store, tmp_path / "merged.docx", url


def _cut(inserted: etree._Element, text: etree._Element, at: int) -> etree._Element:
    """``inserted`` (a ``w:ins``) cut in two ``at`` characters into its ``text`` (a
    ``w:t``), as Word and LibreOffice save words put inside another's insertion: the
    second half follows it, and is returned."""
    run = text.getparent()
    index = list(inserted).index(run)
    tail = copy.deepcopy(inserted)
    tail.set(qn("w:id"), str(next(_IDS)))
    for child in list(inserted)[index + 1:]:
        inserted.remove(child)
    for child in list(tail)[:index]:
        tail.remove(child)
    words = text.text
    text.text = words[:at]
    tail[0].find(qn("w:t")).text = words[at:]
    for half in (text, tail[0].find(qn("w:t"))):
        half.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    inserted.addnext(tail)
    return tail


def _where(body: etree._Element, owner: str, words: str,
           ) -> tuple[etree._Element, etree._Element, int]:
    """``owner``'s insertion holding ``words``, its ``w:t`` holding them, and where."""
    inserted = _tracked(body, "w:ins", owner, words)
    text = next(t for t in inserted.iter(qn("w:t")) if words in (t.text or ""))
    return inserted, text, text.text.index(words)


def _typed(owner: str, words: str, typed: str, author: str = "John Smith") -> Edit:
    """``typed`` by ``author`` right after ``words``, inside ``owner``'s insertion."""
    def edit(body: etree._Element) -> None:
        inserted, text, at = _where(body, owner, words)
        _cut(inserted, text, at + len(words))
        inserted.addnext(_mark("w:ins", typed, author))
    return edit


def _struck(owner: str, words: str, gone: str, typed: str = "", *, before: bool = False,
            author: str = "John Smith") -> Edit:
    """``gone`` (in ``words``) struck out of ``owner``'s insertion by ``author``, a
    ``w:del`` inside the ``w:ins`` (as Word and LibreOffice save it), and ``typed`` by
    ``author`` after it (Word's order), or ``before`` it (LibreOffice's, typing over)."""
    def edit(body: etree._Element) -> None:
        inserted, text, at = _where(body, owner, words)
        middle = _cut(inserted, text, at + words.index(gone))
        _cut(middle, middle[0].find(qn("w:t")), len(gone))
        deleted = etree.SubElement(middle, qn("w:del"), {
            qn("w:id"): str(next(_IDS)), qn("w:author"): author,
            qn("w:date"): "2026-12-06T10:00:00Z"})
        for run in [r for r in middle if r is not deleted]:
            run.find(qn("w:t")).tag = qn("w:delText")
            deleted.append(run)
        if typed:
            mark = _mark("w:ins", typed, author)
            (middle.addprevious if before else middle.addnext)(mark)
    return edit


def _run(command: str, url: str, monkeypatch: pytest.MonkeyPatch,
         capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run a command a message shows, on the store at ``url``: its exit code and output."""
    monkeypatch.setenv("DRAFTING_DB", url)
    monkeypatch.setattr(sys, "argv", shlex.split(command))
    with pytest.raises(SystemExit) as ended:
        main()
    out = capsys.readouterr()
    return ended.value.code or 0, out.out + out.err


# Accept All in the merged draft


@pytest.mark.parametrize("accept", ["lxml", "libreoffice"])
def test_accept_all_beside_an_own_tracked_change_records_only_that(replies, tmp_path,
                                                                   accept):
    """The bracket "[one-day / two-day / half-day]" and OP23 with its "Alt" paragraph,
    accepted, were each proposed whole in the sender's name ("replace 'one-day' ->
    '[one-day / two-day / half-day]'")."""
    store, merged, _ = replies
    accepted = tmp_path / "accepted.docx"
    if accept == "libreoffice":
        lo_track("accept", merged, accepted)
    else:
        _accepted_all(merged, accepted)
    with pytest.raises(InputError, match="no change found"):
        prepare_files(store, SYMBOL, [accepted], delegation="USA")
    sent = _with_own_change(accepted, tmp_path / "usa.docx", "John Smith")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.kind, a.new_text) for a in prepared.amendments] == [
        (("USA",), "insert", " Also")]
    said = " ".join(prepared.warnings)
    assert "(OP21): the text reads as the bracket of alternatives the merged draft shows for " \
           "the pending A2 of EU, A3 of G77, with no tracked change: this copy accepted " \
           "them as shown. They are not proposed again in USA's name" in said
    assert "(OP23): the text reads as the alternative formulations the merged draft shows " \
           "for the pending A1 of G77" in said
    assert "bracket of alternatives the merged draft shows for the pending A6 of EU" in said
    assert "the copy rejected" not in said


# Words struck out of another delegation's proposal


@pytest.mark.parametrize(("edit", "amended", "expected"), [
    (_struck("EU", "develop national strategies", "national "), "A4",
     ("delete", "national ", "", Span(29, 38))),
    (_struck("EU", "women and youth", " and youth"), "A5",
     ("delete", " and youth", "", Span(17, 27))),
    (_struck("EU", "women and youth", "youth", "girls"), "A5",
     ("replace", "youth", "girls", Span(22, 27))),
    (_struck("EU", "women and youth", "women and youth", "women and girls", before=True),
     "A5", ("replace", "women and youth", "women and girls", Span(12, 27))),
    (_struck("EU", "women and youth", "youth", author="USA"), "A5",
     ("delete", "youth", "", Span(22, 27))),
    (_struck("G77", " / half-day", "half-"), "A3", ("delete", "half-", "", Span(0, 5))),
    (_struck("G77", " Member States", "Member "), "A1",
     ("delete", "Member ", "", Span(8, 15))),
    (_struck("EU", " / transmit", "mit", "fer"), "A6", ("replace", "mit", "fer", Span(5, 8))),
], ids=["new paragraph", "insertion", "struck and typed", "typed over",
        "by its code", "bracket alternative", "alt paragraph", "beside a retain"])
def test_words_struck_out_of_anothers_proposal_amend_it(replies, tmp_path, edit, amended,
                                                       expected):
    """The file was refused whole: the other delegation's proposal, its words struck,
    read as "changed in this copy"."""
    store, merged, _ = replies
    sent = _copy(merged, tmp_path / "usa.docx", edit)
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    [amendment] = prepared.amendments
    assert (amendment.proponents, amendment.amends) == (("USA",), amended)
    assert (amendment.kind, amendment.old_text, amendment.new_text, amendment.span) == expected
    assert not any("neither text" in w for w in prepared.warnings)
    record(store, SYMBOL, list(prepared.amendments))  # as `drafting amend A5 ...` records it
    assert store.amendments(SYMBOL)[-1].amends == amended


def test_words_struck_out_of_ones_own_proposal_are_refused(replies, tmp_path):
    store, merged, _ = replies
    sent = _copy(merged, tmp_path / "eu.docx",
                 _struck("G77", " / half-day", "half-", author="Anna Schmidt"))
    with pytest.raises(ReaderError, match="'half-' is struck out of G77's own pending "
                                          "proposal A3") as refused:
        prepare_files(store, SYMBOL, [sent], delegation="G77")
    assert "drafting withdraw A3 --delegation G77" in refused.value.message


# Words typed in an alternative the merged draft shows


@pytest.mark.parametrize(("edit", "amended", "expected"), [
    (_typed("G77", " Member", " and associate"), "A1",
     ("Member", " and associate", Span(14, 14))),
    (_typed("G77", "report on progress", " annually"), "A1",
     ("progress", " annually", Span(43, 43))),
    (_typed("EU", " / two-day", " or three-day"), "A2",
     ("two-day", " or three-day", Span(7, 7))),
    (_typed("EU", " / trans", "fer or trans"), "A6", ("trans", "fer or trans", Span(5, 5))),
], ids=["alt paragraph", "alt paragraph end", "bracket alternative", "beside a retain"])
def test_words_typed_in_an_alternative_the_merged_draft_shows_amend_its_proposal(
        replies, tmp_path, edit, amended, expected):
    """Refused, advising "accept or reject the tracked changes around it" (an "Alt"
    paragraph) or an amendment quoting the bracket ("--with 'one-day / two-day or
    three'")."""
    store, merged, _ = replies
    sent = _copy(merged, tmp_path / "usa.docx", edit)
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA", authors=USA)
    [amendment] = prepared.amendments
    assert (amendment.proponents, amendment.amends, amendment.kind) == (
        ("USA",), amended, "insert")
    assert (amendment.old_text, amendment.new_text, amendment.span) == expected
    assert any("are pending already, as the merged draft shows them" in w
               for w in prepared.warnings)
    record(store, SYMBOL, list(prepared.amendments))


def test_words_typed_in_the_texts_words_an_alternative_shows_name_a_command_that_works(
        replies, tmp_path, monkeypatch, capsys):
    # JPN's A8 overlaps the EU's A2 more widely: the bracket stands on "one-day high-level
    # meeting", the EU's alternative shows "two-day high-level meeting"; "high-level" there
    # is the text's word, no word of A2's
    store, _, url = replies
    record(store, SYMBOL, [prepare_amendment(store, SYMBOL, Proposal(
        "OP21", replace="one-day high-level meeting", with_="conference"), "JPN")])
    merge_to(store, SYMBOL, tmp_path / "merged2.docx")
    sent = _copy(tmp_path / "merged2.docx", tmp_path / "usa.docx",
                 _typed("EU", "two-day high-level", " formal"))
    with pytest.raises(ReaderError) as refused:
        prepare_files(store, SYMBOL, [sent], delegation="USA", authors=USA)
    message = refused.value.message
    assert "(OP21): 'formal' is typed by John Smith in the alternative 'two-day high-level " \
           "meeting' the merged draft shows for EU's pending A2 (replace 'one-day' -> " \
           "'two-day'), outside the words it proposes" in message
    command = "drafting amend A/C.2/81/L.7 OP21 --delegation USA --insert ' formal' " \
              "--after high-level"
    assert command in message
    code, out = _run(command + " --dry-run", url, monkeypatch, capsys)
    assert code == 0, out
    assert "insert ' formal' after 'high-level'" in out


# A proposal rejected in the copy


def test_a_rejected_new_paragraph_names_the_proposal_and_a_command_that_works(
        replies, tmp_path, monkeypatch, capsys):
    """The hint was `drafting amend ... OP5 --retain`: a retain of OP5, the paragraph
    before, which opposes nothing proposed after it."""
    store, merged, url = replies

    def rejected(body: etree._Element) -> None:
        new = next(p for p in body.iter(qn("w:p")) if "national strategies" in
                   "".join(p.itertext()))
        new.getparent().remove(new)

    sent = _with_own_change(_copy(merged, tmp_path / "usa.docx", rejected),
                            tmp_path / "usa2.docx", "USA")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [a.new_text for a in prepared.amendments] == [" Also"]
    [warning] = [w for w in prepared.warnings if "the copy rejected it" in w]
    assert "(OP5): EU's pending A4 (new paragraph after it: " in warning
    command = f"drafting amend {SYMBOL} A4 --delegation USA --delete {shlex.quote(NEW)}"
    assert f"a new paragraph takes no --retain; to oppose it, amend A4 to strike its " \
           f"words: {command})" in warning
    assert "--retain)" not in warning
    code, out = _run(command + " --dry-run", url, monkeypatch, capsys)
    assert code == 0, out
    assert "in the words A4 proposes, delete" in out
