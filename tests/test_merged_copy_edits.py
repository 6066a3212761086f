"""A delegation answers on the merged draft and edits inside another delegation's tracked
proposal: its words amend that proposal, never the text, and are never the other
delegation's; a proposal changed in the copy refuses the file, naming it; one accepted
untracked is named, not proposed again."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

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

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
USA = {"John Smith": "USA"}
Edit = Callable[[etree._Element], None]


@pytest.fixture
def merged(tmp_path):
    """A store with the EU's A1 (OP21 'one-day' -> 'two-day') and A2 (a new paragraph
    after OP5), the G77's A3 (OP23 'Encourages States' -> 'Encourages all States'), and
    the merged draft written from it."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(store, ["EU", "G77", "USA"])
        for code, proposal in (
                ("EU", Proposal("OP21", replace="one-day", with_="two-day")),
                ("EU", Proposal("OP5", new_paragraph="Encourages States to develop national "
                                "strategies for small-scale fisheries;")),
                ("G77", Proposal("OP23", replace="Encourages States",
                                 with_="Encourages all States"))):
            record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal, code)])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        yield store, tmp_path / "merged.docx"


def _copy(merged: Path, path: Path, *edits: Edit) -> Path:
    """``merged`` with ``edits`` made to its body, as a delegation's Word saves it."""
    with zipfile.ZipFile(merged) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    for edit in edits:
        edit(body)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _tracked(body: etree._Element, tag: str, author: str, words: str) -> etree._Element:
    """The ``w:ins``/``w:del`` by ``author`` whose text holds ``words``."""
    return next(e for e in body.iter(qn(tag)) if e.get(qn("w:author")) == author
                and words in "".join(e.itertext()))


def _mark(tag: str, words: str, author: str = "John Smith") -> etree._Element:
    """A ``w:ins`` (or ``w:del``) of ``words`` by ``author``."""
    mark = etree.Element(qn(tag), {qn("w:id"): str(9000 + len(words)), qn("w:author"): author,
                                   qn("w:date"): "2026-12-06T10:00:00Z"})
    text = etree.SubElement(etree.SubElement(mark, qn("w:r")),
                            qn("w:t" if tag == "w:ins" else "w:delText"))
    text.text = words
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return mark


def _typed_after(words: str, typed: str, author: str = "John Smith") -> Edit:
    """``typed`` inserted by ``author`` right after the insertion of ``words`` by "EU"."""
    def edit(body: etree._Element) -> None:
        _tracked(body, "w:ins", "EU", words).addnext(_mark("w:ins", typed, author))
    return edit


def _strategies_to_action_plans(body: etree._Element) -> None:
    """In the EU's new paragraph, "strategies" deleted and "action plans" typed by John
    Smith, as Word tracks one author's change inside another's insertion."""
    inserted = _tracked(body, "w:ins", "EU", "national strategies")
    run = next(r for r in inserted.iter(qn("w:r")) if "strategies" in "".join(r.itertext()))
    before, after = run.find(qn("w:t")).text.split("strategies")
    run.find(qn("w:t")).text = before
    held = copy.deepcopy(inserted)  # the EU's insertion, holding John Smith's deletion
    for child in list(held):
        held.remove(child)
    held.append(_mark("w:del", "strategies"))
    rest = copy.deepcopy(held)
    rest[:] = [copy.deepcopy(run)]
    rest[0].find(qn("w:t")).text = after
    inserted.addnext(held)
    held.addnext(_mark("w:ins", "action plans"))
    held.getnext().addnext(rest)


def _retyped(words: str, new: str) -> Edit:
    """``words`` in the EU's insertion changed to ``new`` with Track Changes off: the
    words the EU's tracked insertion holds are no longer its proposal's."""
    def edit(body: etree._Element) -> None:
        for text in _tracked(body, "w:ins", "EU", words).iter(qn("w:t")):
            text.text = (text.text or "").replace(words, new)
    return edit


def _g77_accepted(body: etree._Element) -> None:
    """The G77's OP23 change accepted in Word with tracking off: no mark left."""
    _tracked(body, "w:del", "G77", "States").getparent().remove(
        _tracked(body, "w:del", "G77", "States"))
    inserted = _tracked(body, "w:ins", "G77", "all States")
    for run in list(inserted):
        inserted.addprevious(run)
    inserted.getparent().remove(inserted)


def test_words_typed_after_a_proposals_words_amend_that_proposal(merged, tmp_path):
    store, path = merged
    sent = _copy(path, tmp_path / "usa.docx", _typed_after("two-day", " or three-day"))
    [prepared] = prepare_files(store, SYMBOL, [sent], authors=USA)
    [amendment] = prepared.amendments
    assert (amendment.proponents, amendment.amends, amendment.kind, amendment.new_text,
            amendment.old_text, amendment.span) == (
        ("USA",), "A1", "insert", " or three-day", "two-day", Span(7, 7))
    assert any("by EU, G77 are pending already (A2, A1, A3)" in w for w in prepared.warnings), \
        prepared.warnings
    record(store, SYMBOL, list(prepared.amendments))  # the store takes it as `amend --on`
    assert [(a.id, a.amends) for a in store.amendments(SYMBOL)][-1] == ("A4", "A1")


def test_words_typed_in_ones_own_proposal_are_refused(merged, tmp_path):
    store, path = merged
    sent = _copy(path, tmp_path / "eu.docx", _typed_after("two-day", " or three-day",
                                                          "Anna Schmidt"))
    with pytest.raises(ReaderError, match="typed in EU's own pending proposal A1") as refused:
        prepare_files(store, SYMBOL, [sent], delegation="EU")
    assert "drafting withdraw A1 --delegation EU" in refused.value.message


@pytest.mark.parametrize("authors", [USA, USA | {"EU": "EU"}])
def test_a_proposal_changed_in_the_copy_is_no_ones_and_refuses_the_file(merged, tmp_path,
                                                                       authors):
    # "strategies" changed untracked in the EU's insertion (struck out and retyped with
    # Track Changes on, it is an amendment to A2: tests/test_merged_copy_replies.py)
    store, path = merged
    sent = _copy(path, tmp_path / "usa.docx", _retyped("strategies", "action plans"),
                 _typed_after("two-day", " or three-day"))
    with pytest.raises(ReaderError) as refused:
        prepare_files(store, SYMBOL, [sent], authors=authors)
    message = refused.value.message
    assert "(OP5 bis): the change tracked by EU (new paragraph after it: 'Encourages States " \
           "to develop national action plans" in message
    assert "is not EU's pending A2 (new paragraph after it: 'Encourages States to develop " \
           "national strategies" in message
    assert "changed in this copy, so it is no one's proposal" in message
    assert "drafting amend A/C.2/81/L.7 A2 --delegation USA --replace strategies --with " \
           "'action plans'" in message
    assert "map each author" not in message
    assert not store.amendments(SYMBOL)[3:]


def test_words_typed_in_a_proposal_changed_in_the_copy_are_refused(merged, tmp_path):
    # the EU's "two-day" made "two-week" untracked, " or three-week" typed after it (with
    # Track Changes on, "day" struck and "week" typed amend A1: test_merged_copy_replies)
    store, path = merged
    sent = _copy(path, tmp_path / "usa.docx", _retyped("two-day", "two-week"),
                 _typed_after("two-week", " or three-week"))
    with pytest.raises(ReaderError) as refused:
        prepare_files(store, SYMBOL, [sent], authors=USA)
    message = refused.value.message
    assert "(OP21): 'or three-week' is typed by John Smith in the words tracked by EU, which " \
           "are not EU's pending A1 (replace 'one-day' -> 'two-day') as it stands" in message
    assert "drafting amend A/C.2/81/L.7 A1 --delegation USA --replace day --with " \
           "'week or three-week'" in message


def test_a_proposal_accepted_in_the_copy_is_named_and_not_proposed_again(merged, tmp_path):
    store, path = merged
    sent = _copy(path, tmp_path / "usa.docx", _g77_accepted,
                 _typed_after("two-day", " or three-day"))
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.amends) for a in prepared.amendments] == [(("USA",), "A1")]
    assert any("(OP23): the text reads as the pending A3 of G77 (replace 'Encourages "
               "States' -> 'Encourages all States') would make it, with no tracked change: "
               "this copy accepted it. It is not proposed again in USA's name, nor read as "
               "USA's support (to support it: drafting support A3 --delegation USA)" in w
               for w in prepared.warnings)
    alone = _copy(path, tmp_path / "usa2.docx", _g77_accepted)
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [alone], delegation="USA")
    assert "the pending A3 of G77" in refused.value.details


def _typed_inside(words: str, typed: str, author: str) -> Edit:
    """``typed`` inserted by ``author`` right after ``words``, inside the EU's insertion
    holding them: the EU's insertion cut in two around it, as LibreOffice saves words
    typed in another author's insertion (three ``w:ins``: EU, ``author``, EU)."""
    def edit(body: etree._Element) -> None:
        inserted = _tracked(body, "w:ins", "EU", words)
        text = next(t for t in inserted.iter(qn("w:t")) if words in (t.text or ""))
        run = text.getparent()
        head_words, tail_words = text.text.split(words, 1)
        tail = copy.deepcopy(inserted)
        tail.set(qn("w:id"), "9500")
        for child in list(inserted)[list(inserted).index(run) + 1:]:
            inserted.remove(child)  # the head keeps the runs up to the one cut
        for child in list(tail)[:list(inserted).index(run)]:
            tail.remove(child)  # the tail, the runs from it
        tail_run = tail[0]
        cut = list(run).index(text)
        for child in list(run)[cut + 1:]:
            run.remove(child)
        for child in list(tail_run)[:cut]:
            tail_run.remove(child)
        text.text = head_words + words
        tail_run.find(qn("w:t")).text = tail_words
        inserted.addnext(_mark("w:ins", typed, author))
        inserted.getnext().addnext(tail)
    return edit


@pytest.mark.parametrize("author", ["USA", "John Smith"])
def test_words_typed_inside_another_delegations_insertion_amend_it(merged, tmp_path, author):
    # LibreOffice: the EU's ", including women and youth," tracked as three insertions,
    # "EU", the sender's, "EU"; the sender's Word author may be its code
    store, _ = merged
    record(store, SYMBOL, [prepare_amendment(store, SYMBOL, Proposal(
        "OP4", insert=", including women and youth,", after="fish workers"), "EU")])  # A4
    merge_to(store, SYMBOL, tmp_path / "merged2.docx")
    sent = _copy(tmp_path / "merged2.docx", tmp_path / "usa.docx",
                 _typed_inside(", including women", " and girls", author))
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    [amendment] = prepared.amendments
    assert (amendment.proponents, amendment.amends, amendment.kind, amendment.new_text,
            amendment.old_text) == (("USA",), "A4", "insert", " and girls", "women")
    assert amendment.span == Span(17, 17)


@pytest.mark.parametrize("author", ["USA", "John Smith"])
def test_words_typed_inside_another_delegations_new_paragraph_amend_it(merged, tmp_path,
                                                                        author):
    store, path = merged
    sent = _copy(path, tmp_path / "usa.docx",
                 _typed_inside("develop national", " and regional", author))
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    [amendment] = prepared.amendments
    assert (amendment.proponents, amendment.amends, amendment.kind, amendment.new_text,
            amendment.span) == (("USA",), "A2", "insert", " and regional", Span(37, 37))
    assert not any("typed by several authors" in w for w in prepared.warnings)
    assert any("by EU, G77 are pending already" in w for w in prepared.warnings)


def test_a_delegations_own_new_paragraph_changed_in_its_copy_says_to_withdraw_it(
        merged, tmp_path):
    """The advice was to amend A2 "--delegation CODE", which the store refuses: A2 is the
    EU's own proposal."""
    store, path = merged
    sent = _copy(path, tmp_path / "eu.docx", _strategies_to_action_plans)
    with pytest.raises(ReaderError) as refused:
        prepare_files(store, SYMBOL, [sent], delegation="EU")
    message = refused.value.message
    assert "is not EU's own pending A2" in message and "CODE" not in message
    assert "drafting withdraw A2 --delegation EU" in message
