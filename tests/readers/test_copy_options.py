"""A copy of a draft whose paragraphs offer options ("3. Option 1: ...", "Option 2: ...",
"Option 3: No text") or an alternative ("4 alt. ...", "OP4 Alt ..."): the import reads
each as one paragraph of adjacent brackets, and so does the copy, so that an untouched
copy proposes nothing (it proposed replacing the first option by "Option 1: ..." and
each other option as a new paragraph) and a change inside an option is that change."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

HEAD = ("FCCC/SB/2025/L.3", "Gender and climate change", "The Conference of the Parties,",
        "Recalling decision 3/CP.25,", "1.\tWelcomes the report;")
OPTIONS = ("3.\tOption 1: Invites Parties to appoint focal points;",
           "Option 2: Encourages Parties to appoint focal points;", "Option 3: No text")
_TRACKED = {qn("w:author"): "Wanjiru", qn("w:date"): "2026-12-06T00:00:00Z"}


def _word(path, lines, new=None):
    """A file of ``lines``; ``new``: the index of a paragraph inserted with Track Changes
    (its words, and the mark of the paragraph before it)."""
    word = docx.Document()
    for index, line in enumerate(lines):
        paragraph = word.add_paragraph(line)
        if index == new:
            run = paragraph._p.find(qn("w:r"))
            wrapper = run.makeelement(qn("w:ins"), {qn("w:id"): "1", **_TRACKED})
            run.addprevious(wrapper)
            wrapper.append(run)
            before = word.paragraphs[index - 1]._p.get_or_add_pPr()
            mark = before.makeelement(qn("w:rPr"), {})
            mark.append(mark.makeelement(qn("w:ins"), {qn("w:id"): "2", **_TRACKED}))
            before.append(mark)
    word.save(str(path))
    return path


@pytest.mark.parametrize("alt", ["4 alt.\t", "OP4 Alt\t"])
def test_an_untouched_copy_of_options_and_alternatives_proposes_nothing(tmp_path, alt):
    lines = [*HEAD, "2.\tDecides to act;", *OPTIONS, "4.\tRequests a synthesis report;",
             f"{alt}Invites a synthesis report;", "5.\tDecides to consider the matter."]
    draft = _word(tmp_path / "draft.docx", lines)
    current = read_draft(draft).to_document("S").current
    assert current.by_label("OP3").text == ("[Invites Parties to appoint focal points;]"
                                            "[Encourages Parties to appoint focal points;][]")
    assert current.by_label("OP4").text == ("[Requests a synthesis report;]"
                                            "[Invites a synthesis report;]")
    document = read_draft(draft).to_document("S")
    assert read_docx_submission(draft, document, delegation="KEN").amendments == ()


def test_changes_inside_options_are_changes_of_that_paragraph(tmp_path):
    lines = [*HEAD, "2.\tDecides to act;", *OPTIONS, "4.\tDecides to consider the matter."]
    document = read_draft(_word(tmp_path / "draft.docx", lines)).to_document("S")
    text = document.current.by_label("OP3").text
    edited = [*lines[:7], OPTIONS[1].replace("Encourages", "Urges"),
              "Option 3: Decides to take no action;", lines[-1]]
    read = read_docx_submission(_word(tmp_path / "edited.docx", edited), document,
                                delegation="KEN")
    assert {(a.kind.value, a.new_text) for a in read.amendments} == {
        ("replace", "Urges"), ("insert", "Decides to take no action;")}
    (inserted,) = [a for a in read.amendments if a.kind.value == "insert"]
    assert text[:inserted.span.start].endswith("][")  # into the empty third option
    tracked = [*lines[:9], "Option 4: Invites Parties to consider focal points;", lines[-1]]
    read = read_docx_submission(_word(tmp_path / "tracked.docx", tracked, new=9), document,
                                authors={"Wanjiru": "KEN"})
    (amendment,) = read.amendments
    assert (amendment.kind.value, amendment.new_text, amendment.span.start) == (
        "insert", "[Invites Parties to consider focal points;]", len(text))


@pytest.mark.parametrize(("bis", "alt"), [("2 bis.\t", "2 alt.\t"), ("[OP2 bis ", "OP2 Alt ")])
def test_an_alternative_after_a_new_paragraph_is_one_of_the_paragraph_it_names(
        tmp_path, bis, alt):
    """"2 alt." after "2 bis." was an alternative of OP2 bis (with "[OP2 bis ...]" typed,
    its brackets doubled); it is one of OP2, with a warning, and so in a copy."""
    closing = "]" if bis.startswith("[") else ""
    lines = [*HEAD, "2.\tUrges States to release journalists;",
             f"{bis}Encourages States to adopt laws;{closing}",
             f"{alt}Urges States to consider releasing journalists;", "3.\tDecides to act."]
    draft = _word(tmp_path / "draft.docx", lines)
    read = read_draft(draft)
    document = read.to_document("S")
    assert [(p.label, p.text) for p in document.current.paragraphs][2:] == [
        ("OP2", "[Urges States to release journalists;]"
                "[Urges States to consider releasing journalists;]"),
        ("OP2 bis", f"{'[' if closing else ''}Encourages States to adopt laws;{closing}"),
        ("OP3", "Decides to act.")]
    assert "OP2 Alt stands after OP2 bis" in read.warnings[-1].message
    assert read_docx_submission(draft, document, delegation="KEN").amendments == ()
    edited = [*lines[:7], lines[7].replace("consider", "promptly consider"), lines[8]]
    (amendment,) = read_docx_submission(_word(tmp_path / "edited.docx", edited), document,
                                        delegation="KEN").amendments
    assert document.current.by_id(amendment.paragraph_id).label == "OP2"
    assert (amendment.kind.value, amendment.new_text.strip()) == ("insert", "promptly")
