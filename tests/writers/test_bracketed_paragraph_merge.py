"""The merged draft written into a draft that brackets a paragraph whole with its number
("[2. Decides ...;]", read as OP2 with the text "[Decides ...;]"): changes to its words,
its first word too, land on the characters the secretariat typed, the number between the
bracket and the words left as it is."""

from __future__ import annotations

import sys
from pathlib import Path

from docx.oxml.ns import qn
from ooxml_views import body_of
from source_merges import merge_into

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from test_bracketed_paragraphs import SYMBOL, typed_draft


def _marks(paragraph) -> list[tuple[str, str]]:
    """The paragraph's runs in order: ("", text), ("del", text) or ("ins", text)."""
    shown = []
    for run in paragraph.iter(qn("w:r")):
        parent = run.getparent().tag
        kind = {qn("w:del"): "del", qn("w:ins"): "ins"}.get(parent, "")
        text = "".join(t.text or "" if t.tag != qn("w:tab") else "\t" for t in run
                       if t.tag in (qn("w:t"), qn("w:delText"), qn("w:tab")))
        if text:
            shown.append((kind, text))
    return shown


def test_changes_to_a_bracketed_paragraph_land_around_its_typed_number(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    merged = merge_into(source, [
        ("EU", "OP2", {"replace": "2027", "with_": "2028"}),
        ("USA", "OP2", {"replace": "Decides", "with_": "Resolves"}),
    ], tmp_path / "merged.docx", SYMBOL)
    (paragraph,) = [p for p in body_of(merged).iter(qn("w:p"))
                    if "conference" in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    assert _marks(paragraph) == [
        ("", "[2.\t"), ("del", "Decides"), ("ins", "Resolves"),
        ("", " to convene a conference in "), ("del", "2027"), ("ins", "2028"), ("", ";]")]


def test_a_new_paragraph_after_a_bracketed_one_is_typed_in_the_texts_form(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    merged = merge_into(source, [("EU", "OP2", {"new_paragraph": "Notes the plan;"})],
                        tmp_path / "merged.docx", SYMBOL)
    texts = ["".join(t.text or "" if t.tag == qn("w:t") else "\t"
                     for t in p.iter(qn("w:t"), qn("w:tab")))
             for p in body_of(merged).iter(qn("w:p"))]
    after = texts.index("[2.\tDecides to convene a conference in 2027;]") + 1
    assert texts[after] == "2 bis.\tNotes the plan;"  # no number, and no bracket, before
