"""A treaty whose parts and articles Word numbers as one list, "Part %1" and "Article %2",
the articles set never to restart (``w:lvlRestart`` 0) so that they run on through the
parts, as treaties number them. Part II's first article read "Article 1" (Word shows
"Article 2"), its paragraphs were labelled ``1.2`` and the next article's ``2.1``: a
delegate reading "1.2 (EU)" looked at the wrong article, and the labels repeated."""

from __future__ import annotations

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

_LEVELS = (("upperRoman", "Part %1", ""), ("decimal", "Article %2", '<w:lvlRestart w:val="0"/>'),
           ("decimal", "%3.", ""), ("lowerLetter", "(%4)", ""))
TREATY = [(0, "Heading 1", "Definitions and scope"), (1, "Heading 2", "Use of terms"),
          (2, None, "For the purposes of this Agreement, terms have their ordinary meaning."),
          (0, "Heading 1", "Obligations"), (1, "Heading 2", "General obligations"),
          (2, None, "Each Party shall take measures to conserve migratory species."),
          (2, None, "Each Party shall cooperate with other Range States."),
          (1, "Heading 2", "Reporting"),
          (2, None, "Each Party shall report to the Meeting of the Parties.")]


def _treaty(path, treaty=TREATY):
    """The treaty as Word writes it: one multi-level list numbers its headings and its
    articles' paragraphs (python-docx, real ``w:numbering``)."""
    word = docx.Document()
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{form}"/>{restart}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for n, (form, text, restart) in enumerate(_LEVELS))
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
                                  f'<w:multiLevelType w:val="multilevel"/>{levels}'
                                  "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77">'
                               '<w:abstractNumId w:val="77"/></w:num>'))
    for line in ("United Nations", "UNEP/MC/COP.7/L.3", "Draft text of the agreement"):
        word.add_paragraph(line)
    word.add_paragraph("Agreement on Migratory Freshwater Species", style="Title")
    word.add_paragraph("The Parties to this Agreement,")
    word.add_paragraph("Have agreed as follows:")
    for level, style, text in treaty:
        word.add_paragraph(text, style=style)._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/>'
            "</w:numPr>"))
    word.save(str(path))
    return path


def test_articles_count_on_through_the_parts_as_word_shows_them(tmp_path):
    result = read_docx_draft(_treaty(tmp_path / "L3.docx"))
    headings = [p.text for p in result.paragraphs if p.label.startswith("H")]
    assert headings == ["Part I Definitions and scope", "Article 1 Use of terms",
                        "Part II Obligations", "Article 2 General obligations",
                        "Article 3 Reporting"]
    labels = [p.label for p in result.paragraphs if not p.label.startswith(("H", "PP", "T"))]
    assert labels == ["1.1", "2.1", "3.1"]
    assert not [w for w in result.warnings if "twice" in w]


def test_a_change_in_part_twos_article_is_made_to_that_article(tmp_path):
    document = read_docx_draft(_treaty(tmp_path / "L3.docx")).to_document("L3")
    edited = [(level, style, text.replace("conserve", "protect"))
              for level, style, text in TREATY]
    copy = _treaty(tmp_path / "EU.docx", edited)
    (amendment,) = read_docx_submission(copy, document, delegation="EU").amendments
    assert (amendment.kind, document.current.by_id(amendment.paragraph_id).label,
            amendment.old_text, amendment.new_text) == (
        AmendmentKind.REPLACE, "2.1", "conserve", "protect")
