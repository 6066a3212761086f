"""A new paragraph typed where the paragraph before it ends in a space: Enter pressed after
its last word moves that space, untracked, into the new paragraph (LibreOffice and Word
both save it so). The new paragraph is still the delegation's, whole: a new item of the
list, or a new operative paragraph, attributed to the Word author as tracked."""

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

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import SYMBOL, numbered_draft

STAMP = 'w:author="Anna Schmidt" w:date="2026-11-20T10:00:00Z"'
ITEMS = ("The needs of developing countries;", "The costs of adaptation;")


def spaced_draft(path: Path) -> Path:
    """The draft (`numbered_draft`) with a space after each paragraph's last word, as
    drafts converted from other formats often have."""
    numbered_draft(path, ITEMS)
    word = docx.Document(str(path))
    for paragraph in word.paragraphs:
        paragraph.runs[-1].text += " "
    word.save(str(path))
    return path


def enter_after(source: Path, words: str, typed: str, target: Path) -> Path:
    """``source`` with Enter pressed (tracked, by Anna Schmidt) right after ``words``, in
    front of the space its paragraph ends with, and ``typed`` typed there: the space goes
    with the new paragraph, as a word processor saves it."""
    word = docx.Document(str(source))
    before = next(p for p in word.paragraphs if words in p.text)
    assert before.text.endswith(words + " ")
    new = copy.deepcopy(before._p)
    for child in list(new):
        if child.tag != qn("w:pPr"):
            new.remove(child)
    before.runs[-1].text = before.runs[-1].text.rstrip(" ")
    before._p.get_or_add_pPr().append(
        parse_xml(f'<w:rPr {nsdecls("w")}><w:ins w:id="901" {STAMP}/></w:rPr>'))
    new.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="902" {STAMP}><w:r><w:t>{typed}</w:t>'
                         '</w:r></w:ins>'))
    new.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> </w:t></w:r>'))
    before._p.addnext(new)
    word.save(str(target))
    return target


@pytest.mark.parametrize(("after", "typed", "kind", "read"), [
    ("developing countries;", "The access to finance;", AmendmentKind.INSERT,
     "\n(b) The access to finance;"),
    ("Recognizes the right;", "Urges States to act;", AmendmentKind.NEW_PARAGRAPH,
     "Urges States to act;"),
])
def test_the_new_paragraph_is_the_authors_whole(tmp_path: Path, after: str, typed: str,
                                                  kind: AmendmentKind, read: str):
    draft = spaced_draft(tmp_path / "draft.docx")
    document = read_docx_draft(draft).to_document(SYMBOL)
    copy_path = enter_after(draft, after, typed, tmp_path / "eu.docx")

    found = read_docx_submission(copy_path, document, authors={"Anna Schmidt": "EU"})

    assert [(a.kind, a.new_text, a.proponents, a.submitted_by) for a in found.amendments] == \
        [(kind, read, ("EU",), "Anna Schmidt")]
    assert not [w for w in found.warnings if "outside tracked changes" in w.message]
