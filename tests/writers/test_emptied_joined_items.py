"""Items of a list Word numbers ("2. Calls upon States:", then "(a)", "(b)", "(c)", each a
Word paragraph of its own, ``numPr`` level 1) emptied or joined in a delegation's copy
made with LibreOffice.

An item emptied (its words deleted, tracked, its paragraph mark left, so that Word still
numbers an empty item) is read as the item deleted whole: the merged draft deletes its
mark too, the revision removes it and reletters the items after it. Two items joined
(the end of one, its paragraph mark and the start of the next replaced by words typed)
leave one item: the merged draft deletes the first one's mark, so that accepted the
words stand in one item as the delegate typed them; the revision joins the two Word
paragraphs and reletters the items after."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from libreoffice_copies import Edited, make_edited
from numbered_drafts import SYMBOL, numbered_draft
from ooxml_views import body_of, rejected

from drafting.engine import Decisions, revise
from drafting.engine.merge import merge
from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

AUTHOR, OTHER = "Anna Schmidt (EU)", "Taro Yamada (JPN)"
ITEMS = ("To adopt policies;", "To build capacities;", "To share good practices;")
JOINED = "To build capacities, and to share good practices;"
W_P, W_DEL = qn("w:p"), qn("w:del")


COPIES = {  # name: its edits, tracked
    "emptied a": (("empty", ITEMS[0], "", ""),),
    "emptied b": (("empty", ITEMS[1], "", ""),),
    "emptied c": (("empty", ITEMS[2], "", ""),),
    "joined b c": (("join", "capacities;", "To share", "capacities, and to share"),),
}
NEW = "To report yearly;"
OTHERS = {"emptied a, new d": (("empty", ITEMS[0], "", ""), ("after", ITEMS[2], "", NEW))}
"""Copies by ``OTHER``."""


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The draft, and every copy of ``COPIES`` (one LibreOffice session)."""
    folder = tmp_path_factory.mktemp("items")
    draft = numbered_draft(folder / "draft.docx", ITEMS)
    jobs = [Edited(str(draft), str(folder / f"{name}.docx"), edits, author)
            for names, author in ((COPIES, AUTHOR), (OTHERS, OTHER))
            for name, edits in names.items()]
    make_edited(jobs)
    return {"draft": draft, **{name: folder / f"{name}.docx" for name in (*COPIES, *OTHERS)}}


def _op2(items: tuple[str, ...]) -> str:
    return "Calls upon States:" + "".join(
        f"\n({letter}) {item}" for letter, item in zip("abc", items, strict=False))


def _items(path: Path) -> list[tuple[str, bool]]:
    """Each Word paragraph numbered at level 1: its words (deleted ones too) and whether
    its mark is tracked as deleted."""
    found = []
    for p in body_of(path).iter(W_P):
        level = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
        if level is None or level.get(qn("w:val")) != "1":
            continue
        words = "".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText")))
        found.append((words, p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{W_DEL}") is not None))
    return found


def _through(made: dict[str, Path], name: str, tmp_path: Path):
    """``name``'s copy read, merged into the draft and revised with its amendments
    accepted: the amendments, the merged file, the revision and its Word file."""
    document = read_docx_draft(made["draft"]).to_document(SYMBOL)
    read = read_docx_submission(made[name], document, delegation="EU",
                                authors={AUTHOR: "EU"})
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(made["draft"].read_bytes(),
                                    merge(document, read.amendments), merged) == []
    assert rejected(merged) == rejected(made["draft"])
    outcome = revise(document, read.amendments,
                     Decisions(accepted=frozenset(a.id for a in read.amendments)),
                     label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(made["draft"].read_bytes(), document.current,
                                   outcome.revision, symbol=SYMBOL))
    again = read_docx_draft(rev1).to_document(SYMBOL)  # the revision, in the draft's file
    assert [(p.label, p.text) for p in again.current] == [
        (p.label, p.text) for p in outcome.revision]
    return read, merged, outcome.revision, rev1


@pytest.mark.parametrize(("name", "gone"), [("emptied a", 0), ("emptied b", 1),
                                            ("emptied c", 2)])
def test_an_emptied_item_is_read_and_written_as_deleted_whole(made, tmp_path, name, gone):
    read, merged, revision, rev1 = _through(made, name, tmp_path)
    [amendment] = read.amendments
    assert amendment.kind is AmendmentKind.DELETE
    assert amendment.old_text == f"\n({'abc'[gone]}) {ITEMS[gone]}"  # the whole line
    assert _items(merged) == [(item, n == gone) for n, item in enumerate(ITEMS)]
    kept = tuple(item for n, item in enumerate(ITEMS) if n != gone)
    assert revision.by_label("OP2").text == _op2(kept)  # relettered from (a)
    assert _items(rev1) == [(item, False) for item in kept]


def test_libreoffice_accepting_an_emptied_item_leaves_no_empty_item(made, tmp_path):
    _, merged, _, _ = _through(made, "emptied a", tmp_path)
    lines = lo_track("accept", merged).stdout.splitlines()
    start = lines.index("Calls upon States:")
    assert lines[start:start + 4] == ["Calls upon States:", ITEMS[1], ITEMS[2],
                                      "Decides to remain seized of the matter."]


def test_two_items_joined_are_one_item_merged_and_revised(made, tmp_path):
    read, merged, revision, rev1 = _through(made, "joined b c", tmp_path)
    assert read.warnings == ()
    [amendment] = read.amendments
    assert (amendment.old_text, amendment.new_text) == (
        "capacities;\n(c) To share", "capacities, and to share")
    assert [mark for _, mark in _items(merged)] == [False, True, False]  # (b)'s mark
    lines = lo_track("accept", merged).stdout.splitlines()
    start = lines.index("Calls upon States:")
    assert lines[start:start + 4] == ["Calls upon States:", ITEMS[0], JOINED,
                                      "Decides to remain seized of the matter."]
    assert revision.by_label("OP2").text == _op2((ITEMS[0], JOINED))
    assert _items(rev1) == [(ITEMS[0], False), (JOINED, False)]


def test_items_joined_emptied_and_added_by_two_delegations_revise_in_the_draft(made,
                                                                              tmp_path):
    document = read_docx_draft(made["draft"]).to_document(SYMBOL)
    amendments = [
        *read_docx_submission(made["joined b c"], document, delegation="EU",
                              authors={AUTHOR: "EU"}).amendments,
        *read_docx_submission(made["emptied a, new d"], document, delegation="JPN",
                              authors={OTHER: "JPN"}).amendments]
    assert sorted((a.kind.value, a.new_text or a.old_text) for a in amendments) == [
        ("delete", f"\n(a) {ITEMS[0]}"), ("insert", f"\n(d) {NEW}"),
        ("replace", "capacities, and to share")]
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(made["draft"].read_bytes(), merge(document, amendments),
                                    merged) == []
    lines = lo_track("accept", merged).stdout.splitlines()
    start = lines.index("Calls upon States:")
    assert lines[start:start + 4] == ["Calls upon States:", JOINED, NEW,
                                      "Decides to remain seized of the matter."]
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    assert outcome.revision.by_label("OP2").text == _op2((JOINED, NEW))  # from (a) again
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(made["draft"].read_bytes(), document.current,
                                   outcome.revision, symbol=SYMBOL))
    assert _items(rev1) == [(JOINED, False), (NEW, False)]
    again = read_docx_draft(rev1).to_document(SYMBOL)
    assert [(p.label, p.text) for p in again.current] == [
        (p.label, p.text) for p in outcome.revision]
