"""The World Health Assembly and the Human Rights Council put the sponsors line after the
title ("Strengthening health emergency preparedness ...", then "Draft resolution
proposed by Brazil, ..."); the import took the sponsors line for the title and the
title for front matter. The General Assembly puts it before ("Fiji, Samoa and Tonga:
draft resolution", then the title), and a draft with no title of its own keeps its
sponsors line as the title, as before: never a symbol, an agenda item or the organ."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft

HEADER = ["SEVENTY-NINTH WORLD HEALTH ASSEMBLY\tA79/A/CONF./3",
          "Agenda item 13.2\t20 May 2026"]
TITLE = ("Strengthening health emergency preparedness and response through the "
         "International Health Regulations (2005)")
SPONSORS = "Draft resolution proposed by Brazil, Indonesia, Norway and South Africa"
BODY = ["The Seventy-ninth World Health Assembly,",
        "Recalling resolution WHA58.3 (2005) on the revision of the International Health "
        "Regulations;",
        "1.\tURGES Member States to strengthen their core capacities;",
        "2.\tREQUESTS the Director-General to report to the Eighty-first World Health "
        "Assembly."]


def _word(path: Path, front: list[str], *, title: str = TITLE) -> Path:
    """A draft as the secretariat circulates it: the title bold and centred, the sponsors
    line centred under it or above it, where ``front`` puts them."""
    document = docx.Document()
    for text in [*front, *BODY]:
        paragraph = document.add_paragraph()
        paragraph.add_run(text).bold = text == title
        if text == title or "draft" in text.lower():
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(path)
    return path


@pytest.mark.parametrize("sponsors", [
    SPONSORS,
    "Draft decision submitted by the Chair of the Executive Board",
    "Revised draft resolution proposed by the Bureau",
    "Brazil and Norway: draft resolution",
    "Brésil et Norvège : projet de résolution",
])
def test_the_sponsors_line_after_the_title_stays_after_it(tmp_path, sponsors):
    front = [*HEADER, TITLE, sponsors]
    for result in (read_docx_draft(_word(tmp_path / "wha.docx", front)),
                   read_text("\n\n".join([*front, *BODY]) + "\n")):
        assert (result.title, result.front_matter) == (TITLE, tuple(HEADER))
        assert (result.after_title, result.chapeau) == ((sponsors,), BODY[0])
        assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2"]
        assert result.warnings == ()  # the text as shown keeps the document's order


def test_the_sponsors_line_before_the_title_is_front_matter_as_before(tmp_path):
    front = ["A/C.3/81/L.12", "Third Committee", "Fiji, Samoa and Tonga: draft resolution",
             TITLE]
    result = read_docx_draft(_word(tmp_path / "ga.docx", front))
    assert (result.title, result.front_matter) == (TITLE, tuple(front[:-1]))
    assert result.warnings == ()


@pytest.mark.parametrize("before", ["A/HRC/58/L.4", "Human Rights Council",
                                    "Fifty-eighth session", "Agenda item 3",
                                    "Third Committee", "Distr.: Limited"])
def test_a_draft_with_no_title_keeps_its_sponsors_line_as_its_title(before):
    result = read_text(f"{before}\n\nFiji and Samoa: draft resolution\n\n"
                       "The Human Rights Council,\n\nRecalling its resolution 55/9,\n")
    assert (result.title, result.front_matter) == ("Fiji and Samoa: draft resolution",
                                                   (before,))
