"""An item deleted from a list Word numbers ("2. Calls upon States:", then "(a)", "(b)",
"(c)", each a Word paragraph of its own, ``numPr`` level 1), in a delegation's copy made
with LibreOffice: tracked (its words and its paragraph mark deleted) or edited (the item
simply missing).

The copy proposes that item deleted, never Word's relettering of the items after it; the
merged draft shows its Word paragraph deleted, mark too (accepted, no empty item is left
for Word to number); the revision removes it and reletters the items after it, as Word
numbers them; a diff across that revision shows the item deleted, not the letters after
it changed. Lists past "(h)" (a letter "(i)") and roman ones ("(i)", "(ii)") too."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from libreoffice_copies import deletion, make_copies
from numbered_drafts import SYMBOL, numbered_draft
from ooxml_views import body_of, rejected

from drafting.engine import Decisions, diff_revisions, revise
from drafting.engine.merge import merge
from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers import COMPILATION_WRITERS
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

AUTHOR = "Anna Schmidt (EU)"
THREE = ("To adopt policies;", "To build capacities;", "To share good practices;")
NINE = ("To adopt policies;", "To build capacities;", "To share good practices;",
        "To train judges;", "To fund shelters;", "To collect data;", "To consult women;",
        "To report yearly;", "To cooperate regionally;")
LETTERS = "abcdefghi"
ROMAN = ("i", "ii", "iii")
W_P, W_DEL, W_INS = qn("w:p"), qn("w:del"), qn("w:ins")


COPIES = {  # name: (draft, the items deleted, tracked)
    "tracked b": ("three", (THREE[1],), True), "tracked a": ("three", (THREE[0],), True),
    "tracked c": ("three", (THREE[2],), True), "edited b": ("three", (THREE[1],), False),
    "edited a": ("three", (THREE[0],), False), "tracked h": ("nine", (NINE[7],), True),
    "tracked i (roman)": ("roman", (THREE[0],), True)}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The drafts, and every copy of ``COPIES`` (one LibreOffice session)."""
    folder = tmp_path_factory.mktemp("lists")
    files = {"three": numbered_draft(folder / "three.docx", THREE),
             "nine": numbered_draft(folder / "nine.docx", NINE),
             "roman": numbered_draft(folder / "roman.docx", THREE, "lowerRoman")}
    jobs = {name: deletion(str(files[draft]), str(folder / f"{name}.docx"), deleted,
                           AUTHOR, tracked)
            for name, (draft, deleted, tracked) in COPIES.items()}
    jobs["mixed"] = deletion(jobs["edited b"].copy, str(folder / "mixed.docx"),
                             ("Recognizes the right;",), AUTHOR, True)  # tracked, after
    make_copies(list(jobs.values()))
    return {**files, **{name: Path(job.copy) for name, job in jobs.items()}}


def _op2(items: tuple[str, ...], numbers: str | tuple[str, ...] = LETTERS) -> str:
    return "Calls upon States:" + "".join(
        f"\n({number}) {item}" for number, item in zip(numbers, items, strict=False))


def _items(path: Path) -> list[tuple[str, bool, bool]]:
    """Each Word paragraph numbered at level 1: its words (deleted ones too), whether all
    of them are tracked as deleted, and whether its mark is."""
    found = []
    for p in body_of(path).iter(W_P):
        level = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
        if level is None or level.get(qn("w:val")) != "1":
            continue
        runs = [r for r in p.iter(qn("w:r")) if r.find(qn("w:t")) is not None
                or r.find(qn("w:delText")) is not None]
        words = "".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText")))
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{W_DEL}") is not None
        found.append((words, bool(runs) and all(r.getparent().tag == W_DEL for r in runs),
                      mark))
    return found


def _read(made: dict[str, Path], name: str):
    draft, _, tracked = COPIES[name]
    document = read_docx_draft(made[draft]).to_document(SYMBOL)
    read = read_docx_submission(made[name], document, delegation="EU",
                                authors={AUTHOR: "EU"} if tracked else None)
    return document, read


@pytest.mark.parametrize(("name", "gone"), [("tracked b", 1), ("tracked a", 0),
                                            ("tracked c", 2), ("edited b", 1),
                                            ("edited a", 0)])
def test_a_deleted_item_is_one_deletion_of_its_line(made, name, gone):
    document, read = _read(made, name)
    op2 = document.current.by_label("OP2")
    assert op2.text == _op2(THREE)
    assert read.tracked is COPIES[name][2]
    assert read.warnings == ()  # no relettering, no joining
    [amendment] = read.amendments
    assert amendment.kind is AmendmentKind.DELETE
    assert amendment.old_text == f"\n({LETTERS[gone]}) {THREE[gone]}"
    assert op2.text[amendment.span.start:amendment.span.end] == amendment.old_text
    if COPIES[name][2]:
        assert amendment.submitted_by == AUTHOR

    source = made["three"]
    merged = made[name].with_name(f"{name} merged.docx")
    assert write_merged_into_source(source.read_bytes(), merge(document, [amendment]),
                                    merged) == []
    items = _items(merged)  # the item's words and mark deleted, no other change
    assert items == [(item, n == gone, n == gone) for n, item in enumerate(THREE)]
    assert rejected(merged) == rejected(source)

    outcome = revise(document, [amendment], Decisions(accepted=frozenset({amendment.id})),
                     label="Rev.1")
    kept = tuple(item for n, item in enumerate(THREE) if n != gone)
    assert outcome.revision.by_label("OP2").text == _op2(kept)  # relettered, from (a)
    rev1 = made[name].with_name(f"{name} Rev.1.docx")
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    assert _items(rev1) == [(item, False, False) for item in kept]
    again = read_docx_draft(rev1).to_document(SYMBOL)  # Word letters them as the text does
    assert [p.text for p in again.current] == [p.text for p in outcome.revision]


def test_an_item_missing_from_a_tracked_copy_is_deleted_and_said(made):
    document = read_docx_draft(made["three"]).to_document(SYMBOL)
    read = read_docx_submission(made["mixed"], document, delegation="EU",
                                authors={AUTHOR: "EU"})
    assert read.tracked
    assert [w.message for w in read.warnings] == [
        "the text differs from OP2 of Zero draft outside tracked changes; the "
        "differences are read as amendments too"]
    found = sorted((a.kind, a.old_text) for a in read.amendments)
    assert found == [(AmendmentKind.DELETE, f"\n(b) {THREE[1]}"),
                     (AmendmentKind.DELETE_PARAGRAPH, "Recognizes the right;")]


def test_libreoffice_accepting_the_merged_draft_leaves_no_empty_item(made):
    document, read = _read(made, "tracked b")
    merged = made["tracked b"].with_name("accepted merged.docx")
    write_merged_into_source(made["three"].read_bytes(), merge(document, read.amendments),
                             merged)
    lines = lo_track("accept", merged).stdout.splitlines()
    start = lines.index("Calls upon States:")
    assert lines[start:start + 4] == ["Calls upon States:", THREE[0], THREE[2],
                                      "Decides to remain seized of the matter."]


def test_a_list_past_h_reads_its_i_as_a_letter(made):
    document, read = _read(made, "tracked h")
    op2 = document.current.by_label("OP2")
    assert op2.text == _op2(NINE)  # "(g)", "(h)", "(i)"
    assert read.warnings == ()
    [amendment] = read.amendments
    assert amendment.old_text == f"\n(h) {NINE[7]}"
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({amendment.id})),
                     label="Rev.1")
    kept = (*NINE[:7], NINE[8])
    assert outcome.revision.by_label("OP2").text == _op2(kept)  # "(i)" is "(h)" now
    rev1 = made["tracked h"].with_name("nine Rev.1.docx")
    rev1.write_bytes(revise_source(made["nine"].read_bytes(), document.current,
                                   outcome.revision, symbol=SYMBOL))
    again = read_docx_draft(rev1).to_document(SYMBOL)
    assert again.current.by_label("OP2").text == _op2(kept)


def test_a_roman_list_that_loses_its_first_item_starts_at_i_again(made):
    document, read = _read(made, "tracked i (roman)")
    assert document.current.by_label("OP2").text == _op2(THREE, ROMAN)
    [amendment] = read.amendments
    assert amendment.old_text == f"\n(i) {THREE[0]}"
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({amendment.id})),
                     label="Rev.1")
    assert outcome.revision.by_label("OP2").text == _op2(THREE[1:], ROMAN)
    rev1 = made["tracked i (roman)"].with_name("roman Rev.1.docx")
    rev1.write_bytes(revise_source(made["roman"].read_bytes(), document.current,
                                   outcome.revision, symbol=SYMBOL))
    again = read_docx_draft(rev1).to_document(SYMBOL)
    assert again.current.by_label("OP2").text == _op2(THREE[1:], ROMAN)


def test_a_diff_across_the_relettering_shows_the_item_deleted_alone(made, tmp_path):
    document, read = _read(made, "tracked a")
    outcome = revise(document, read.amendments,
                     Decisions(accepted=frozenset(a.id for a in read.amendments)),
                     label="Rev.1")
    both = dataclasses.replace(document, revisions=(*document.revisions, outcome.revision))
    compilation = diff_revisions(both, "Zero draft", "Rev.1")
    text = COMPILATION_WRITERS["md"](compilation)
    assert f"~~(a) {THREE[0]}~~" in text
    assert f"(b) {THREE[1]}" in text and f"(c) {THREE[2]}" in text  # as Word shows them
    assert "~~b~~" not in text and "~~c~~" not in text
    target = tmp_path / "diff.docx"
    assert write_merged_into_source(made["three"].read_bytes(), compilation, target) == []
    assert _items(target) == [(THREE[0], True, True), (THREE[1], False, False),
                              (THREE[2], False, False)]
    assert rejected(target) == rejected(made["three"])
