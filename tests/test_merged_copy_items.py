"""A delegation sends back the merged draft with every change accepted (Word's or
LibreOffice's Accept All), where the pending proposals change a paragraph's sub-items:
an item Word numbers deleted by one delegation and the next two joined by another, a
typed item "(3)" inserted by one and the last deleted by another. Accepted together,
Word numbers the items again and a diff draws the words apart: no change of the copy is
one proposal. They are the pending proposals all the same, named as accepted, never
proposed again in the sender's name nor called rejected."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree
from test_merged_copy_edits import _copy

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from libreoffice import lo_track

SYMBOL = "A/C.3/81/L.9"
_LEVELS = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
           '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>')
_OP2 = ("To adopt national policies;", "To build capacities of institutions;",
        "To share good practices;", "To train judges and prosecutors;")
_OP3 = ("Reports of Member States;", "Contributions of civil society;",
        "Findings of the special rapporteur;", "Any other relevant information;")
_PROPOSALS = (  # OP2's items numbered by Word, OP3's typed
    ("EU", Proposal("OP2", delete="\n(b) To build capacities of institutions;")),
    ("USA", Proposal("OP2", replace="practices;\n(d) To train", with_="practices and to train")),
    ("G77", Proposal("OP3", insert="\n(3) Inputs of national human rights institutions;",
                     after="civil society;")),
    ("USA", Proposal("OP3", delete="\n(4)\tAny other relevant information;")))


def _draft(path: Path) -> Path:
    """A Third Committee draft: OP1 and OP2 numbered by Word, OP2's items (a) to (d)
    too; OP3 and OP4 typed, OP3's items "(1)" to "(4)" typed."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
                                  f'{_LEVELS}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70">'
                               '<w:abstractNumId w:val="70"/></w:num>'))
    for line in ("United Nations", SYMBOL, "General Assembly", "Third Committee",
                 "The General Assembly,", "Recalling its resolution 79/150,"):
        word.add_paragraph(line)
    for level, text in ((0, "Decides to convene a meeting on access to justice;"),
                        (0, "Calls upon States:"), *((1, item) for item in _OP2)):
        num_pr = word.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = 70
    for line in ("3.\tRequests the Secretary-General to report, drawing on:",
                 *(f"({n})\t{item}" for n, item in enumerate(_OP3, 1)),
                 "4.\tDecides to remain seized of the matter."):
        word.add_paragraph(line)
    word.save(str(path))
    return path


@pytest.fixture
def merged(tmp_path):
    """A store with the draft and the four proposals, and the merged draft."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, _draft(tmp_path / "draft.docx"), SYMBOL, title="Justice")
        add_delegations(store, ["EU", "USA", "G77", "JPN"])
        for code, proposal in _PROPOSALS:
            record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal, code)])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        yield store, tmp_path / "merged.docx"


def _accept_all(body: etree._Element) -> None:
    """Accept All as Word does it: a paragraph whose mark is deleted joins the next
    (which keeps its own properties), deletions go, insertions stay."""
    for paragraph in list(body.iter(qn("w:p"))):
        mark = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
        following = paragraph.getnext()
        if mark is None or following is None or following.tag != qn("w:p"):
            continue
        properties = following.find(qn("w:pPr"))
        for child in reversed([c for c in paragraph if c.tag != qn("w:pPr")]):
            if properties is not None:
                properties.addnext(child)
            else:
                following.insert(0, child)
        paragraph.getparent().remove(paragraph)
    for deleted in list(body.iter(qn("w:del"))):
        deleted.getparent().remove(deleted)
    for inserted in list(body.iter(qn("w:ins"))):
        if inserted.getparent().tag != qn("w:rPr"):
            for child in list(inserted):
                inserted.addprevious(child)
        inserted.getparent().remove(inserted)


def _last(body: etree._Element) -> etree._Element:
    """OP4, the paragraph that JPN changes."""
    return next(p for p in body.iter(qn("w:p"))
                if "seized" in "".join(t.text or "" for t in p.iter(qn("w:t"))))


def _tracked_also(body: etree._Element) -> None:
    """" Also" inserted at the end of OP4, tracked by JPN."""
    last = _last(body)
    run = copy.deepcopy(last.findall(qn("w:r"))[-1])
    for child in [c for c in run if c.tag != qn("w:rPr")]:
        run.remove(child)
    etree.SubElement(run, qn("w:t")).text = " Also"
    inserted = etree.SubElement(last, qn("w:ins"), {
        qn("w:id"): "9001", qn("w:author"): "JPN", qn("w:date"): "2026-12-06T10:00:00Z"})
    inserted.append(run)


def _typed_also(body: etree._Element) -> None:
    """" Also" typed at the end of OP4, untracked."""
    text = [t for t in _last(body).iter(qn("w:t")) if t.text][-1]
    text.text += " Also"


def _by_libreoffice(merged: Path, path: Path) -> Path:
    """``merged`` with every change accepted by LibreOffice."""
    lo_track("accept", merged, path)
    return path


def _by_word(merged: Path, path: Path) -> Path:
    return _copy(merged, path, _accept_all)


@pytest.mark.parametrize("accept", [_by_word, _by_libreoffice], ids=["word", "libreoffice"])
@pytest.mark.parametrize("own", [_tracked_also, _typed_also], ids=["tracked", "untracked"])
def test_item_changes_accepted_all_are_named_and_only_the_senders_own_change_is_proposed(
        merged, tmp_path, accept: Callable[[Path, Path], Path],
        own: Callable[[etree._Element], None]):
    store, path = merged
    sent = _copy(accept(path, tmp_path / "accepted.docx"), tmp_path / "jpn.docx", own)
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="JPN")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("JPN",), " Also")]
    said = [w for w in prepared.warnings if "this copy accepted it" in w]
    assert len(said) == 3  # naming the proposals each change of the copy makes
    assert "pending A1 of EU, A2 of USA (delete" in said[0]
    # OP3's item inserted and the last deleted: each read whole, each the one proposal
    assert "pending A3 of G77 (insert" in said[1] and "pending A4 of USA (delete" in said[2]
    assert not any("rejected" in w for w in prepared.warnings)
