"""A bracket the merged draft puts in before a paragraph's italic first word ("*Recalling*
its resolution ...", two delegations' competing words for it, or one asking to bracket
it) took the word's italics: the run put in copied the first word's. UN editing sets a
bracket upright, the words inside keeping their italics: the bracket's run keeps the
word's font, never its w:i / w:iCs. The brackets are tracked insertions: Accept All
keeps them, upright; Reject All gives the draft back."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_source import write_merged_into_source

_ITALICS = (qn("w:i"), qn("w:iCs"))


def _draft(path: Path) -> Path:
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    opening = word.add_paragraph()
    first = opening.add_run("Recalling")
    first.italic = True
    first.font.name = "Times New Roman"
    first._r.get_or_add_rPr().append(first._r.makeelement(qn("w:iCs"), {}))
    opening.add_run(" its resolution 70/1 of 25 September 2015,")
    word.add_paragraph("1.\tDecides to remain seized of the matter;")
    word.save(str(path))
    return path


def _merged(tmp_path: Path, *proposals: tuple[Proposal, str]) -> tuple[Path, Path]:
    source = _draft(tmp_path / "draft.docx")
    document = read_docx_draft(source).to_document("A/1")
    amendments = [draft_amendment(document.current, proposal, id=f"A{n}", proponents=[code])
                  for n, (proposal, code) in enumerate(proposals, 1)]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    return source, merged


def _runs(path: Path) -> list[tuple[str, bool, str | None]]:
    """Each run of the paragraph holding "Recalling": its text, whether it has italics of
    its own (w:i or w:iCs), and its font."""
    body = docx.Document(str(path)).element.body
    paragraph = next(p for p in body.iter(qn("w:p")) if "resolution" in "".join(p.itertext()))
    found = []
    for run in paragraph.iter(qn("w:r")):
        properties = run.find(qn("w:rPr"))
        fonts = None if properties is None else properties.find(qn("w:rFonts"))
        found.append(("".join(t.text or "" for t in run.iter(qn("w:t"))),
                      properties is not None and any(properties.find(i) is not None
                                                     for i in _ITALICS),
                      None if fonts is None else fonts.get(qn("w:ascii"))))
    return found


def test_brackets_around_competing_first_words_are_upright(tmp_path):
    source, merged = _merged(tmp_path,
                             (Proposal("PP1", replace="Recalling", with_="Reaffirming"), "EU"),
                             (Proposal("PP1", replace="Recalling", with_="Noting"), "G77"))
    runs = _runs(merged)
    assert ("[", False, "Times New Roman") in runs and ("]", False, "Times New Roman") in runs
    assert ("Recalling", True, "Times New Roman") in runs
    assert [text for text, italic, _ in runs if "Noting" in text and italic]
    accepted = lo_track("accept", merged).stdout.splitlines()
    assert "[Recalling / Reaffirming / Noting] its resolution 70/1 of 25 September 2015," \
        in accepted
    rejected = lo_track("reject", merged).stdout.splitlines()
    assert rejected == lo_track("text", source).stdout.splitlines()


def test_a_bracket_asked_for_around_the_first_word_is_upright(tmp_path):
    _, merged = _merged(tmp_path, (Proposal("PP1", bracket="Recalling"), "EU"))
    runs = _runs(merged)
    assert ("[", False, "Times New Roman") in runs and ("]", False, "Times New Roman") in runs
    assert ("Recalling", True, "Times New Roman") in runs
