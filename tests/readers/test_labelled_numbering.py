"""Informal drafts (UNEA, INB, BBNJ) let Word number the paragraphs with their labels:
one list shows "PP1", "PP2" before the preambular paragraphs, another "OP1", "OP2"
before the operative ones. The preambular paragraphs were read as OP1 to OP3 and the
operative ones as other text (T1 to T3, each with a warning that the list started
again): an amendment to "OP1" as the document shows it went to "Recalling ...". Each
paragraph is now what its number shows, in the import, in a delegation's copy and in the
revision written into the document."""

from __future__ import annotations

import dataclasses

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source

PREAMBLE = ("Recalling its resolution 6/3 on chemicals,",
            "Noting the importance of a science-policy panel,")
OPERATIVE = ("Decides to establish an intersessional process;",
             "Requests the Executive Director to support the process;",
             "Invites Governments to contribute.")


def _draft(path, operative=OPERATIVE):
    word = docx.Document()
    numbering = word.part.numbering_part.element
    for number, shown in ((81, "PP%1"), (82, "OP%1")):
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}"><w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{shown}"/>'
            "</w:lvl></w:abstractNum>"))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}">'
                                   f'<w:abstractNumId w:val="{number}"/></w:num>'))
    word.add_paragraph("UNEP/EA.7/L.4")
    word.add_paragraph("Sound management of chemicals and waste", style="Title")
    word.add_paragraph("The United Nations Environment Assembly,")
    for number, texts in ((81, PREAMBLE), (82, operative)):
        for text in texts:
            num_pr = word.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = number
    word.save(str(path))
    return path


def test_each_paragraph_is_what_its_number_shows(tmp_path):
    read = read_docx_draft(_draft(tmp_path / "draft.docx"))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", PREAMBLE[0]), ("PP2", PREAMBLE[1]), ("OP1", OPERATIVE[0]),
        ("OP2", OPERATIVE[1]), ("OP3", OPERATIVE[2])]
    assert read.warnings == ()


def test_a_copy_and_a_revision_keep_the_labels_the_numbers_show(tmp_path):
    draft = _draft(tmp_path / "draft.docx")
    document = read_docx_draft(draft).to_document("UNEP/EA.7/L.4")
    edited = _draft(tmp_path / "swe.docx", (OPERATIVE[0].replace("an ", "an open-ended "),
                                            *OPERATIVE[1:]))
    (amendment,) = read_docx_submission(edited, document, delegation="SWE").amendments
    assert document.current.by_id(amendment.paragraph_id).label == "OP1"
    new = draft_amendment(document.current, Proposal("OP1", new_paragraph="Decides also "
                                                     "to review the process;"),
                          id="A2", proponents=("SWE",))
    amendment = dataclasses.replace(amendment, id="A1")
    outcome = revise(document, [amendment, new], Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(draft.read_bytes(), document.current, outcome.revision,
                                   symbol="UNEP/EA.7/L.4"))
    again = read_docx_draft(rev1)
    assert [(p.label, p.text) for p in again.paragraphs] == \
        [(p.label, p.text) for p in outcome.revision]
    assert [p.label for p in again.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP3", "OP4"]
