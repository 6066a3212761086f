"""Lines of a paragraph that one Word multi-level list numbers: a resolution's operative
paragraphs "%1." with their sub-items "(%2)", and a treaty whose articles "Article %1"
(Heading 2), their paragraphs "%2." and items "(%3)" are one list.

Words inserted at the start of a numbered line go into that line's Word paragraph, not
at the end of the one before, in the merged draft and in Rev.1; an article's first line,
numbered by Word, keeps Word's number (none typed before it); a line deleted whole goes
with its Word paragraph (no empty numbered item left). Rev.1 is the secretariat's own
document each time."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice_copies import Edited, make_copies
from numbered_drafts import SYMBOL, numbered_draft
from ooxml_views import body_of

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds, write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
ITEMS = ("To adopt policies;", "To build capacities;", "To share good practices;")
TREATY = "UNEP/MC/COP.7/L.3"
_LIST = "77"
ARTICLES = [
    ("Use of terms", [(1, "For the purposes of this Agreement:"),
                      (2, "\u201cRange State\u201d means a State on the range of a species;"),
                      (2, "\u201cBasin\u201d means a river basin shared by two or more Parties."),
                      (1, "The annex forms an integral part of this Agreement.")]),
    ("General obligations", [(1, "Each Party shall conserve migratory freshwater species."),
                             (1, "Each Party shall cooperate with other Range States.")]),
]


def _treaty(path: Path) -> Path:
    """The treaty: Heading 2 "Article %1", paragraphs "%2.", items "(%3)", one list."""
    word = docx.Document()
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{form}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for n, (form, text) in enumerate((("decimal", "Article %1"), ("decimal", "%2."),
                                          ("lowerLetter", "(%3)"))))
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_LIST}"><w:multiLevelType '
        f'w:val="multilevel"/>{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{_LIST}">'
                               f'<w:abstractNumId w:val="{_LIST}"/></w:num>'))
    word.sections[0].header.paragraphs[0].text = TREATY
    for line in ("United Nations", TREATY, "The Parties to this Agreement,",
                 "Have agreed as follows:"):
        word.add_paragraph(line)
    for title, lines in ARTICLES:
        for level, text in [(0, title), *lines]:
            paragraph = word.add_paragraph(text, style="Heading 2" if level == 0 else None)
            numbered = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbered.get_or_add_ilvl().val = level
            numbered.get_or_add_numId().val = int(_LIST)
    word.save(str(path))
    return path


def _revised(source: Path, symbol: str, proposal: Proposal | Path):
    """The document, the amendment (``proposal``, or the one a copy at that path makes),
    Rev.1 accepting it, and Rev.1's Word document made from ``source`` (it holds Rev.1:
    no fall back to drafting's own layout)."""
    document = read_docx_draft(source).to_document(symbol)
    if isinstance(proposal, Path):
        [amendment] = read_docx_submission(proposal, document, delegation="EU").amendments
        amendment = replace(amendment, id="A1")
    else:
        amendment = draft_amendment(document.current, proposal, id="A1", proponents=["EU"],
                                    submitted_at=T0)
    revision = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                      label="Rev.1").revision
    made = revise_source(source.read_bytes(), document.current, revision, symbol=symbol)
    assert source_holds(made, revision)
    return document, amendment, revision, docx.Document(io.BytesIO(made))


def _numbered(word) -> list[str]:
    """The text of each Word paragraph a Word list numbers."""
    return [p.text for p in word.paragraphs
            if p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]


def _merged(source: Path, document, amendment, target: Path) -> list[str]:
    """Each body Word paragraph of the merged draft, inserted words marked "+"."""
    assert write_merged_into_source(source.read_bytes(), merge(document, [amendment]),
                                    target) == []
    return ["".join(("+" if t.getparent().getparent().tag == qn("w:ins") else "") + t.text
                    for t in p.iter(qn("w:t")))
            for p in body_of(target).iter(qn("w:p"))]


@pytest.mark.parametrize("proposal", [
    Proposal("OP2", insert="Also ", before="To share"),
    Proposal("OP2", insert=" Also", after="(c)"),  # as a tracked copy is read
], ids=["before the words", "after Word's number"])
def test_words_at_the_start_of_an_item_word_numbers_stand_in_its_paragraph(tmp_path,
                                                                         proposal):
    source = numbered_draft(tmp_path / "L12.docx", ITEMS)
    document, amendment, revision, rev1 = _revised(source, SYMBOL, proposal)
    assert revision.by_label("OP2").text.endswith(
        "\n(b) To build capacities;\n(c) Also To share good practices;")
    merged = _merged(source, document, amendment, tmp_path / "merged.docx")
    assert merged[-3:-1] == ["To build capacities;", "+Also To share good practices;"]
    assert _numbered(rev1)[3:5] == ["To build capacities;", "Also To share good practices;"]


def test_words_typed_at_the_start_of_an_item_in_libreoffice_stand_in_its_paragraph(
        tmp_path):
    source = numbered_draft(tmp_path / "L12.docx", ITEMS)
    copy = tmp_path / "EU.docx"
    make_copies([Edited(str(source), str(copy), (("before", "To share", "", "Also "),))])
    document, amendment, revision, rev1 = _revised(source, SYMBOL, copy)
    assert revision.by_label("OP2").text.endswith("\n(c) Also To share good practices;")
    merged = _merged(source, document, amendment, tmp_path / "merged.docx")
    assert merged[-3:-1] == ["To build capacities;", "+Also To share good practices;"]
    assert _numbered(rev1)[4] == "Also To share good practices;"


def test_an_articles_first_line_keeps_words_numbers_in_rev1(tmp_path):
    source = _treaty(tmp_path / "L3.docx")
    _, _, revision, rev1 = _revised(source, TREATY, Proposal(
        "1.1", replace="two or more Parties", with_="two or more States"))
    assert revision.by_label("1.1").text.startswith("1. For the purposes")
    assert _numbered(rev1)[:4] == [  # Word numbers "1." and "(b)": none typed
        "Use of terms", "For the purposes of this Agreement:", ARTICLES[0][1][1][1],
        "\u201cBasin\u201d means a river basin shared by two or more States."]
    assert rev1.sections[0].header.paragraphs[0].text == f"{TREATY}/Rev.1"


@pytest.mark.parametrize(("deleted", "kept"), [
    ("\n2. Each Party shall cooperate with other Range States.", 0),
    ("1. Each Party shall conserve migratory freshwater species.\n", 1),
], ids=["its second", "its first"])
def test_an_articles_line_deleted_whole_leaves_no_empty_numbered_paragraph(tmp_path,
                                                                           deleted, kept):
    source = _treaty(tmp_path / "L3.docx")
    _, _, revision, rev1 = _revised(source, TREATY, Proposal("2.1", delete=deleted))
    words = ARTICLES[1][1][kept][1]
    assert revision.by_label("2.1").text == f"1. {words}"  # as Word numbers it
    assert _numbered(rev1)[-2:] == ["General obligations", words]  # no bare "1." or "2."


def test_words_at_the_start_of_an_articles_line_stand_in_its_paragraph(tmp_path):
    source = _treaty(tmp_path / "L3.docx")
    document, amendment, _, rev1 = _revised(source, TREATY, Proposal(
        "2.1", insert="Also ", before="Each Party shall cooperate"))
    assert _merged(source, document, amendment, tmp_path / "merged.docx")[-2:] == [
        "Each Party shall conserve migratory freshwater species.",
        "+Also Each Party shall cooperate with other Range States."]
    assert _numbered(rev1)[-1] == "Also Each Party shall cooperate with other Range States."
