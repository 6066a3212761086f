"""A paragraph a delegation types (tracked) above OP1 in its Word copy: numbered as an
operative paragraph (a typed "1.", or Word's number at the operative list's level) it is
a new paragraph before OP1, which the merge shows as OP0 and a revision makes OP1; an
unnumbered one there reads as preambular and follows the last preambular paragraph."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.wording import describe

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import numbered_draft

STAMP = 'w:author="CHL" w:date="2026-11-20T10:00:00Z"'


def typed_draft(path: Path) -> Path:
    word = docx.Document()
    for line in ("United Nations", "A/HRC/60/L.5", "The Human Rights Council,",
                 "Recalling all relevant resolutions,", "Stressing the importance of civic space,",
                 "1.\tDecides to convene a panel discussion;", "2.\tRequests a report;"):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def typed_above(source: Path, opening: str, text: str, target: Path, *,
                numbered: bool = True) -> Path:
    """``source`` with a paragraph typed (tracked, by CHL) above the one opening with
    ``opening``, in its form: Word's numbering kept unless not ``numbered``."""
    word = docx.Document(str(source))
    below = next(p for p in word.paragraphs if opening in p.text)._p
    new = copy.deepcopy(below)
    for child in list(new):
        if child.tag != qn("w:pPr"):
            new.remove(child)
    properties = new.get_or_add_pPr()
    if not numbered and properties.numPr is not None:
        properties.remove(properties.numPr)
    properties.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:ins w:id="901" {STAMP}/></w:rPr>'))
    inserted = parse_xml(f'<w:ins {nsdecls("w")} w:id="902" {STAMP}><w:r><w:t '
                         'xml:space="preserve"></w:t></w:r></w:ins>')
    inserted.find(f"{qn('w:r')}/{qn('w:t')}").text = text
    new.append(inserted)
    below.addprevious(new)
    word.save(str(target))
    return target


def proposals(source: Path, copy_path: Path):
    document = read_docx_draft(source).to_document("A/HRC/60/L.5")
    result = read_docx_submission(copy_path, document, delegation="CHL")
    return [(document.current.by_id(a.paragraph_id).label, a.kind, a.precedes, a.new_text,
             describe(a)) for a in result.amendments]


@pytest.mark.parametrize(("typed", "expected"), [
    ("1.\tCondemns all reprisals;", ("OP1", True)),  # numbered as OP1 is: before it
    ("Noting the report of the Secretary-General,", ("PP2", False)),  # preambular
])
def test_a_paragraph_typed_above_op1(tmp_path, typed, expected):
    source = typed_draft(tmp_path / "draft.docx")
    found = proposals(source, typed_above(source, "Decides", typed, tmp_path / "copy.docx"))
    text = typed.partition("\t")[2] or typed
    where = "before" if expected[1] else "after"
    assert found == [(*expected[:1], AmendmentKind.NEW_PARAGRAPH, expected[1], text,
                      f"new paragraph {where} it: {text!r}")]


def test_a_new_typed_first_and_a_new_preambular_keep_their_places(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    first = typed_above(source, "Decides", "Noting the report,", tmp_path / "one.docx")
    both = typed_above(first, "Decides", "1.\tCondemns all reprisals;", tmp_path / "two.docx")
    assert [(label, precedes, text) for label, _, precedes, text, _ in
            proposals(source, both)] == [("PP2", False, "Noting the report,"),
                                         ("OP1", True, "Condemns all reprisals;")]


@pytest.mark.parametrize(("numbered", "expected"), [(True, ("OP1", True)),
                                                    (False, ("PP1", False))])
def test_a_word_numbered_paragraph_above_op1_is_before_it(tmp_path, numbered, expected):
    source = numbered_draft(tmp_path / "draft.docx", ("To act;", "To report;"))
    text = "Condemns all reprisals;" if numbered else "Noting the report,"
    copy_path = typed_above(source, "Recognizes the right", text, tmp_path / "copy.docx",
                            numbered=numbered)
    found = proposals(source, copy_path)
    assert [(label, precedes, new) for label, _, precedes, new, _ in found] == [
        (expected[0], expected[1], text)]
