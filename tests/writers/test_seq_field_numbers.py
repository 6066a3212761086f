"""Operative paragraphs numbered by a SEQ field ("{ SEQ OP \\* ARABIC }" then ".<tab>", as
some secretariats' templates number them). Rev.1 emptied a renumbered paragraph's field
result and typed the new number after the field, and typed a new paragraph's number: once
Word updated the fields (F9, printing) it showed "34.<tab>Decides ..." and counted the new
paragraph out. Rev.1 now writes each number as its field's result, and a new paragraph
gets a field of its own, so that Word's count gives the numbers written."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.engine import Proposal
from drafting.outputs import diff_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

OPERATIVE = ["Decides to extend the measures until 31 December 2027;",
             "Requests the Secretary-General to report every 90 days;",
             "Decides to remain actively seized of the matter."]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run(text: str = "", char: str = "", instruction: str = "") -> OxmlElement:
    run = OxmlElement("w:r")
    if char:
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), char)
        run.append(mark)
    if instruction:
        instr = OxmlElement("w:instrText")
        instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        instr.text = instruction
        run.append(instr)
    if text:
        t = OxmlElement("w:t")
        t.text = text
        run.append(t)
    return run


def _numbered(paragraph, number: int, switch: str, simple: bool) -> None:
    """Open ``paragraph`` with a SEQ field showing ``number`` (before its ".<tab>")."""
    instruction = f" SEQ OP \\* ARABIC {switch}"
    if simple:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        field.append(_run(str(number)))
        fields = [field]
    else:
        fields = [_run(char="begin"), _run(instruction=instruction), _run(char="separate"),
                  _run(str(number)), _run(char="end")]
    for at, made in enumerate(fields):
        paragraph._p.insert(at + 1 if paragraph._p.pPr is not None else at, made)


def _draft(path: Path, *, simple: bool) -> Path:
    word = docx.Document()
    for line in ("United Nations", "S/2026/124", "Security Council", "The Security Council,",
                 "Recalling its resolution 2700 (2025),"):
        word.add_paragraph(line)
    for number, text in enumerate(OPERATIVE, 1):
        paragraph = word.add_paragraph()
        paragraph.add_run(".\t" + text)
        _numbered(paragraph, number, "\\r 1 " if number == 1 else "", simple)
    word.save(str(path))
    return path


def _as_word_updates(document: docx.Document) -> list[tuple[str, str]]:
    """Each paragraph's text as written (fields showing their results) and as Word shows
    it once it updates the fields (each SEQ OP field counting the ones before it)."""
    count, lines = 0, []
    for paragraph in document.element.body.iter(f"{_W}p"):
        written, updated, depth, instruction = "", "", 0, ""
        for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}fldChar", f"{_W}instrText",
                                   f"{_W}fldSimple"):
            tag = node.tag.removeprefix(_W)
            if tag == "fldSimple":
                instruction, depth = node.get(qn("w:instr")), 2
            elif tag == "fldChar":
                kind = node.get(qn("w:fldCharType"))
                depth = {"begin": 1, "separate": 2, "end": 0}[kind]
            elif tag == "instrText":
                instruction += node.text
            if depth == 0 and instruction:
                count = _counted(instruction, count)
                updated, instruction = updated + str(count), ""
            if tag in ("t", "tab"):
                text = node.text if tag == "t" else "\t"
                written += text
                updated += "" if depth == 2 else text
            if tag == "t" and node.getparent().getparent().tag == f"{_W}fldSimple" and \
                    node.getparent() is node.getparent().getparent()[-1]:
                depth = 0  # the simple field's result ends with its last run
                count = _counted(instruction, count)
                updated, instruction = updated + str(count), ""
        if written:
            lines.append((written, updated))
    return lines


def _counted(instruction: str, count: int) -> int:
    """What a SEQ field with ``instruction`` counts after ``count``: on, or from where its
    ``\\r`` switch restarts it."""
    restart = re.search(r"\\r\s*(\d+)", instruction)
    return int(restart[1]) if restart else count + 1


def _revised(tmp_path: Path, proposal: Proposal, *, simple: bool) -> str:
    """The URL of a store holding the draft and its Rev.1, ``proposal`` accepted."""
    path = _draft(tmp_path / "draft.docx", simple=simple)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, path, "S/2026/124")
        add_delegations(store, ["EU"])
        amendment = prepare_amendment(store, "S/2026/124", proposal, "EU")
        (recorded,) = record(store, "S/2026/124", [amendment]).amendments
        store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "S/2026/124", "Rev.1", warn=warnings.append)
        assert warnings == []
    return url


@pytest.mark.parametrize("simple", [False, True], ids=["complex", "fldSimple"])
@pytest.mark.parametrize(("proposal", "expected"), [
    (Proposal("OP1", new_paragraph="Urges all States to comply fully;"),
     [OPERATIVE[0], "Urges all States to comply fully;", *OPERATIVE[1:]]),
    (Proposal("OP1", delete_paragraph=True), OPERATIVE[1:]),
    (Proposal("OP1", new_paragraph="Recalls its decision;", place_before=True),
     ["Recalls its decision;", *OPERATIVE]),
], ids=["new", "deleted", "new-first"])
def test_rev1_numbers_operative_paragraphs_in_their_seq_fields(tmp_path, simple, proposal,
                                                               expected):
    with open_store(_revised(tmp_path, proposal, simple=simple)) as store:
        made = docx.Document(io.BytesIO(store.source("S/2026/124", "Rev.1")))
    lines = _as_word_updates(made)[-len(expected):]
    numbered = [f"{n}.\t{text}" for n, text in enumerate(expected, 1)]
    assert [written for written, _ in lines] == numbered  # as written (LibreOffice shows)
    assert [updated for _, updated in lines] == numbered  # once Word updates the fields


def test_the_changes_to_rev1_renumber_in_fields_that_accept_all_shows(tmp_path):
    """The changes from the zero draft to Rev.1 as tracked changes in the zero draft's
    document: a renumbered field is replaced whole (LibreOffice showed "34." after
    Accept All where the change stood inside the field's result), a new paragraph has a
    field of its own; Reject All gives the zero draft."""
    new = "Urges all States to comply fully;"
    with open_store(_revised(tmp_path, Proposal("OP1", new_paragraph=new),
                             simple=False)) as store:
        diff_to(store, "S/2026/124", "Zero draft", "Rev.1", tmp_path / "changes.docx")
    accepted, rejected = tmp_path / "accepted.docx", tmp_path / "rejected.docx"
    lo_track("accept", tmp_path / "changes.docx", accepted)
    lo_track("reject", tmp_path / "changes.docx", rejected)
    expected = [OPERATIVE[0], new, *OPERATIVE[1:]]
    lines = _as_word_updates(docx.Document(str(accepted)))[-len(expected):]
    numbered = [f"{n}.\t{text}" for n, text in enumerate(expected, 1)]
    assert [written for written, _ in lines] == numbered
    assert [updated for _, updated in lines] == numbered
    lines = _as_word_updates(docx.Document(str(rejected)))[-len(OPERATIVE):]
    assert [written for written, _ in lines] == [
        f"{n}.\t{text}" for n, text in enumerate(OPERATIVE, 1)]
