"""A copy of a draft that Word numbers itself (operative paragraphs "1.", their items
"(a)"): a paragraph or an item the delegation inserts shifts the numbers Word shows
after it, which is no change of theirs. Only the inserted text is proposed."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>')
_TRACKED = {qn("w:author"): "Anna Berg", qn("w:date"): "2026-12-06T00:00:00Z"}
HEAD = ("United Nations", "A/C.2/81/L.9", "Oceans", "The General Assembly,",
        "Recalling its resolution 77/321,")
BODY = ((0, "Decides that the objectives are:"), (1, "The fair sharing of benefits;"),
        (1, "The building of capacity;"), (0, "Requests a report;"),
        (0, "Decides to remain seized of the matter."))
ITEM, OPERATIVE = "The generation of knowledge;", "Invites States to contribute to the fund;"


def _word(path, body, inserted=frozenset(), tracked=False):
    """A draft (or a copy) with HEAD typed and BODY numbered by Word; the paragraphs at
    the indexes ``inserted`` of ``body`` are tracked insertions where ``tracked``, as
    Word records a paragraph typed after another: its words, and the mark before it."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70">'
                               '<w:abstractNumId w:val="70"/></w:num>'))
    for line in HEAD:
        word.add_paragraph(line)
    for index, (level, text) in enumerate(body):
        paragraph = word.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = 70
        if tracked and index in inserted:
            run = paragraph._p.find(qn("w:r"))
            wrapper = run.makeelement(qn("w:ins"), {qn("w:id"): str(index), **_TRACKED})
            run.addprevious(wrapper)
            wrapper.append(run)
            before = word.paragraphs[-2]._p.get_or_add_pPr()
            mark = before.makeelement(qn("w:rPr"), {})
            mark.append(mark.makeelement(qn("w:ins"), {qn("w:id"): f"m{index}", **_TRACKED}))
            before.append(mark)
    word.save(str(path))
    return path


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked copy", "edited copy"])
def test_an_item_and_a_paragraph_inserted_are_all_the_copy_proposes(tmp_path, tracked):
    document = read_draft(_word(tmp_path / "draft.docx", BODY)).to_document("A/C.2/81/L.9")
    op1 = document.current.by_label("OP1")
    assert op1.text == ("Decides that the objectives are:\n(a) The fair sharing of "
                        "benefits;\n(b) The building of capacity;")
    copy = [*BODY[:2], (1, ITEM), *BODY[2:4], (0, OPERATIVE), BODY[4]]
    path = _word(tmp_path / "copy.docx", copy, inserted={2, 5}, tracked=tracked)
    read = read_docx_submission(path, document, delegation="EU",
                                authors={"Anna Berg": "EU"} if tracked else None)
    assert read.tracked is tracked
    found = sorted((a.kind.value, document.current.by_id(a.paragraph_id).label,
                    a.new_text.strip()) for a in read.amendments)
    # Word shows it "(b)"; the old "(b)", shown "(c)" now, is unchanged: a whole new line
    assert found == [("insert", "OP1", f"(b) {ITEM}"), ("new paragraph", "OP2", OPERATIVE)]
    inserted = next(a for a in read.amendments if a.kind.value == "insert")
    assert inserted.new_text == f"\n(b) {ITEM}"
    assert inserted.span.start == op1.text.index("\n(b)")  # after "(a) ...;"
