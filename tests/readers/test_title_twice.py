"""A draft that adopts a declaration bearing the document's own title ("Adopts the
following political declaration:", then the title again, then the declaration): the
title's text stands twice, once as the title and once as a paragraph. A delegation's copy
of it, unchanged, proposed the first paragraph deleted and two new ones in its name (the
title in the front matter was read as the paragraph with its words); it proposes nothing,
and an edited copy only its edit."""

from __future__ import annotations

from docx_builders import lines_docx

from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

TITLE = "Political declaration of the high-level meeting on antimicrobial resistance"
LINES = ["United Nations", "A/79/L.5", "General Assembly", "Distr.: Limited",
         "Seventy-ninth session", "Agenda item 125",
         "Draft resolution submitted by the President of the General Assembly", TITLE,
         "The General Assembly,", "Adopts the following political declaration:", TITLE,
         "We, Heads of State and Government, assembled at the United Nations on "
         "26 September 2024, commit to the following:",
         "1.\tReaffirm that antimicrobial resistance is an urgent global health threat;",
         "2.\tCommit to reduce deaths associated with it by 10 per cent by 2030."]


def test_a_copy_of_a_draft_whose_title_stands_twice_reads_as_the_draft(tmp_path):
    draft = lines_docx(tmp_path / "draft.docx", LINES)
    document = read_draft(draft).to_document("A/79/L.5")
    assert [p.text for p in document.current][:2] == [
        "Adopts the following political declaration:", TITLE]
    unchanged = read_docx_submission(draft, document, delegation="NGA")
    assert unchanged.amendments == ()
    edited = lines_docx(tmp_path / "nga.docx", [line.replace("10 per cent", "20 per cent")
                                           for line in LINES])
    (amendment,) = read_docx_submission(edited, document, delegation="NGA").amendments
    assert (amendment.old_text, amendment.new_text) == ("10", "20")
