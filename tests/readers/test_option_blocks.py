"""Options laid out as blocks of paragraphs, as the chairs' texts of the plastics (INC),
BBNJ and pandemic agreement negotiations lay them out: "Option 1" on a line of its own,
then the option's paragraphs "1.", "2."; "Option 2", then its "1.". The import was
refused ("the label 5.1 is used twice"); in a heading style the options became sections
"1" and "2" of their own (refused again beside an Article 1). Each block is now a
section of its article, ``5 OPTION 1``, its paragraphs ``5 OPTION 1.1``, ...; a revision
that leaves one option numbers it in the article again (``5.1``)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafting.engine import Decisions, revise
from drafting.errors import ReaderError
from drafting.model import ParagraphKind, parse_label
from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from source_merges import proposed

SYMBOL = "UNEP/PP/INC.6/5"
REGISTRY = "Each Party shall establish a registry."
REPORT = "Each Party shall report on it."
MEASURES = "Each Party shall take measures."
LAYOUTS = {  # the option lines, and the closing bracket of a bracketed block
    "line": ("Option 1", "Option 2", ""),
    "colon": ("Option 1:", "Option 2:", ""),
    "bracketed": ("[Option 1", "[Option 2", "]"),
    "heading style": ("Option 1", "Option 2", ""),
    "Word's numbering": ("Option 1", "Option 2", ""),
}


def _draft(path: Path, layout: str = "line", *, first: str = REGISTRY,
           numbers: tuple[int, int, int] = (1, 2, 1), article_1: bool = False,
           third: str = "", after: str = "") -> Path:
    """A chair's text whose Article 5 holds two option blocks in ``layout``, Option 1's
    paragraphs numbered ``numbers[:2]``, Option 2's ``numbers[2]`` (and an Option 3 whose
    paragraph "1." is ``third``, if given), then the article's paragraph ``after`` (if
    given) numbered on from Option 1 (Word's list goes on from Option 1's); Article 6
    after it (and an Article 1 before it, numbered 1.1, 1.2, with ``article_1``)."""
    one, two, close = LAYOUTS[layout]
    word = docx.Document()
    for line in (SYMBOL, "The Parties to this Convention,", "Recognizing the problem,",
                 "Have agreed as follows:"):
        word.add_paragraph(line)
    if article_1:
        for line in ("Article 1", "Objective", "1.\tThe objective is to end pollution.",
                     "2.\tParties shall cooperate."):
            word.add_paragraph(line)
    word.add_paragraph("Article 5")
    word.add_paragraph("Product design")
    style = "Heading 2" if layout == "heading style" else None
    blocks = ((one, ((numbers[0], first), (numbers[1], REPORT + close))),
              (two, ((numbers[2], MEASURES + close),)))
    blocks += (("Option 3", ((1, third),)),) if third else ()
    for list_id, (option, texts) in enumerate(blocks, start=91):
        word.add_paragraph(option, style=style)
        for number, text in texts:
            if layout == "Word's numbering":  # each block a list of its own
                _numbered(word.add_paragraph(text), word, list_id)
            else:
                word.add_paragraph(f"{number}.\t{text}")
    if after and layout == "Word's numbering":
        _numbered(word.add_paragraph(after), word, 91)
    elif after:
        word.add_paragraph(f"{numbers[1] + 1}.\t{after}")
    for line in ("Article 6", "Waste management", "1.\tEach Party shall manage waste."):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _numbered(paragraph, word, list_id: int) -> None:
    """Number ``paragraph`` "%1." in the list ``list_id`` (made at its first use)."""
    numbering = word.part.numbering_part.element
    if not numbering.xpath(f'w:num[@w:numId="{list_id}"]'):
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{list_id}"><w:lvl w:ilvl="0">'
            '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
            "</w:lvl></w:abstractNum>"))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{list_id}">'
                                   f'<w:abstractNumId w:val="{list_id}"/></w:num>'))
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = list_id


def _article_5(paragraphs) -> list[tuple[str, str]]:
    """(label, text) of Article 5's paragraphs and headings after its title."""
    texts = [(p.label, p.text) for p in paragraphs]
    start = texts.index(next(t for t in texts if t[1] == "Product design"))
    end = texts.index(next(t for t in texts if t[1] == "Article 6"))
    return texts[start + 1:end]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_option_blocks_are_sections_of_their_article(tmp_path, layout):
    read = read_docx_draft(_draft(tmp_path / "draft.docx", layout, article_1=True))
    one, two, close = LAYOUTS[layout]
    assert [(label[:1] if label.startswith("H") else label, text)
            for label, text in _article_5(read.paragraphs)] == [
        ("H", one), ("5 OPTION 1.1", REGISTRY), ("5 OPTION 1.2", REPORT + close),
        ("H", two), ("5 OPTION 2.1", MEASURES + close)]
    labels = [p.label for p in read.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert labels[:2] == ["1.1", "1.2"] and labels[-1] == "6.1"
    assert all("used twice" not in w.message for w in read.warnings)


def test_option_blocks_numbered_on_are_headings_of_the_article(tmp_path):
    """"Option 1" was other text T2 (with a warning) and "Option 2" a heading."""
    read = read_docx_draft(_draft(tmp_path / "draft.docx", numbers=(1, 2, 3)))
    assert [(label[:1] if label.startswith("H") else label, text)
            for label, text in _article_5(read.paragraphs)] == [
        ("H", "Option 1"), ("5.1", REGISTRY), ("5.2", REPORT), ("H", "Option 2"),
        ("5.3", MEASURES)]
    assert read.warnings == ()


def test_option_blocks_of_a_resolutions_annex_in_markdown():
    read = read_text("The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
                     "1. Decides to act;\n\n# Annex\n\nOption 1\n\n1. Parties shall act.\n\n"
                     "Option 2\n\n1. Parties may act.\n", name="draft.md")
    assert [(p.label, p.text) for p in read.paragraphs if p.kind is not
            ParagraphKind.HEADING] == [
        ("PP1", "Recalling its resolution 70/1,"), ("OP1", "Decides to act;"),
        ("ANNEX OPTION 1.1", "Parties shall act."), ("ANNEX OPTION 2.1", "Parties may act.")]


def test_an_option_sections_label_is_read_in_every_spelling():
    assert parse_label("5 option 2.1 bis").section == "5 OPTION 2"
    assert str(parse_label("5option2.1")) == "5 OPTION 2.1"
    assert str(parse_label("annex i option a.3")) == "ANNEX I OPTION A.3"
    assert str(parse_label("OPTION 1.2")) == "OPTION 1.2"
    assert str(parse_label("3bis.1")) == "3bis.1"  # the other sections as before


def test_a_copy_amends_the_paragraph_of_the_option_it_edits(tmp_path):
    document = read_docx_draft(_draft(tmp_path / "draft.docx")).to_document(SYMBOL)
    copy = _draft(tmp_path / "eu.docx", first="Each Party shall establish a national "
                  "registry.")
    (amendment,) = read_docx_submission(copy, document, delegation="EU").amendments
    assert document.current.by_id(amendment.paragraph_id).label == "5 OPTION 1.1"


def _rev1(tmp_path: Path, asked, copy: Path | None = None, **draft):
    """Rev.1 of the draft (`_draft`'s, with ``draft``'s arguments) with every amendment
    ``asked`` (or read from ``copy``, by the EU) accepted, and its Word document made
    from the draft's."""
    source = _draft(tmp_path / "draft.docx", **draft)
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, asked) if copy is None else [
        replace(a, id=f"A{n}") for n, a in enumerate(
            read_docx_submission(copy, document, delegation="EU").amendments, 1)]
    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]
    return outcome, [p.text for p in docx.Document(str(rev1)).paragraphs]


def test_rev1_keeps_the_option_sections_while_two_stand(tmp_path):
    outcome, texts = _rev1(tmp_path, [
        ("EU", "5 OPTION 2.1", {"new_paragraph": "Each Party shall encourage reuse."})])
    assert dict(outcome.label_table)["5 OPTION 2.1 bis"] == "5 OPTION 2.2"
    assert texts[texts.index("Option 2"):texts.index("Article 6")] == [
        "Option 2", f"1.\t{MEASURES}", "2.\tEach Party shall encourage reuse."]


def test_rev1_numbers_the_option_chosen_in_its_article(tmp_path):
    """Option 1's heading and paragraphs deleted: Option 2's paragraph is 5.1, as the
    import of Rev.1's document reads it (it fell back to drafting's own layout)."""
    heading = "H3"  # "Option 1": Article 5 is H1, its title H2
    outcome, texts = _rev1(tmp_path, [
        ("EU", label, {"delete_paragraph": True})
        for label in (heading, "5 OPTION 1.1", "5 OPTION 1.2")])
    assert dict(outcome.label_table)["5 OPTION 2.1"] == "5.1"
    assert texts[texts.index("Product design"):texts.index("Article 6")] == [
        "Product design", "Option 2", f"1.\t{MEASURES}"]


def test_rev1_makes_a_new_option_block_an_option_section_of_its_own(tmp_path):
    """A copy adding "Option 3" and its "1." after the last block: accepted, Rev.1 has
    them as a heading and ``5 OPTION 3.1`` (not paragraphs 5 OPTION 2.2 and 2.3)."""
    copy = _draft(tmp_path / "eu.docx", third="Each Party may take measures.")
    outcome, texts = _rev1(tmp_path, [], copy)
    assert dict(outcome.label_table)["5 OPTION 2.1 ter"] == "5 OPTION 3.1"
    assert outcome.revision.by_label("5 OPTION 3.1").text == "Each Party may take measures."
    assert texts[texts.index("Option 3"):texts.index("Article 6")] == [
        "Option 3", "1.\tEach Party may take measures."]


REVIEW = "The Conference of the Parties shall review this article."


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_articles_paragraph_after_its_option_blocks_is_the_articles(tmp_path, layout):
    """Option 1 "1.", "2."; Option 2 "1."; then "3.": the article's 5.3, no longer
    Option 2's 5 OPTION 2.3."""
    read = read_docx_draft(_draft(tmp_path / "draft.docx", layout, after=REVIEW))
    assert _article_5(read.paragraphs)[-2:] == [
        ("5 OPTION 2.1", MEASURES + LAYOUTS[layout][2]), ("5.3", REVIEW)]
    assert read.warnings == ()


@pytest.mark.parametrize("layout", ["bracketed", "Word's numbering"])
def test_a_copy_amending_the_articles_paragraph_after_the_options_amends_it(tmp_path,
                                                                           layout):
    document = read_docx_draft(_draft(tmp_path / "draft.docx", layout, after=REVIEW)
                               ).to_document(SYMBOL)
    copy = _draft(tmp_path / "eu.docx", layout, after=REVIEW.replace("review", "revise"))
    (amendment,) = read_docx_submission(copy, document, delegation="EU").amendments
    assert document.current.by_id(amendment.paragraph_id).label == "5.3"
    assert (amendment.old_text, amendment.new_text) == ("review", "revise")


@pytest.mark.parametrize("layout", ["bracketed", "Word's numbering"])
def test_rev1_keeps_the_articles_paragraph_after_the_options(tmp_path, layout):
    copy = _draft(tmp_path / "eu.docx", layout, after=REVIEW.replace("review", "revise"))
    outcome, texts = _rev1(tmp_path, [], copy, layout=layout, after=REVIEW)
    assert outcome.revision.by_label("5.3").text == REVIEW.replace("review", "revise")
    numbered = layout != "Word's numbering"  # Word's numbers are no text
    one, two, close = LAYOUTS[layout]
    assert texts[texts.index("Product design"):texts.index("Article 6")] == [
        "Product design", one, *(f"{n}.\t" * numbered + t for n, t in (
            (1, REGISTRY), (2, REPORT + close))), two,
        "1.\t" * numbered + MEASURES + close,
        "3.\t" * numbered + REVIEW.replace("review", "revise")]


def test_rev1_choosing_an_option_numbers_the_articles_paragraph_after_it(tmp_path):
    """Option 1 deleted: Option 2's "1." is 5.1, the article's "3." after it 5.2 (it
    was numbered on from the article's 3: 5.3 and 5.4)."""
    outcome, texts = _rev1(tmp_path, [("EU", label, {"delete_paragraph": True})
                                      for label in ("H3", "5 OPTION 1.1", "5 OPTION 1.2")],
                           after=REVIEW)
    table = dict(outcome.label_table)
    assert (table["5 OPTION 2.1"], table["5.3"]) == ("5.1", "5.2")
    assert texts[texts.index("Product design"):texts.index("Article 6")] == [
        "Product design", "Option 2", f"1.\t{MEASURES}", f"2.\t{REVIEW}"]


def test_options_with_titles_under_headings_that_name_no_article(tmp_path):
    """Headings keyed by their place ("Product design" is section 2), each option in
    a heading style with a title of its own: the option lines head no section of the
    text, and a revision choosing Option 2 numbers it 2.1."""
    word = docx.Document()
    for text, style in (("The Parties to this Convention,", None),
                        ("Recognizing the problem,", None), ("Objective", "Heading 1"),
                        ("1.\tThe objective.", None), ("Product design", "Heading 1"),
                        ("Option 1", "Heading 2"), ("Registry", "Heading 3"),
                        (f"1.\t{REGISTRY}", None), (f"2.\t{REPORT}", None),
                        ("Option 2", "Heading 2"), (f"1.\t{MEASURES}", None),
                        ("Waste", "Heading 1"), ("1.\tEach Party shall manage waste.", None)):
        word.add_paragraph(text, style=style)
    source = tmp_path / "draft.docx"
    word.save(str(source))
    read = read_docx_draft(source)
    assert [p.label for p in read.paragraphs if p.kind is ParagraphKind.OPERATIVE] == [
        "1.1", "2 OPTION 1.1", "2 OPTION 1.2", "2 OPTION 2.1", "3.1"]
    document = read.to_document(SYMBOL)
    amendments = proposed(document, [("EU", label, {"delete_paragraph": True}) for label in
                                     ("H3", "H4", "2 OPTION 1.1", "2 OPTION 1.2")])
    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    assert dict(outcome.label_table)["2 OPTION 2.1"] == "2.1"
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


def test_option_blocks_read_no_way_are_refused_naming_the_option_line():
    """A title in no heading style between "Option 1" and its paragraphs: the blocks
    cannot be told apart, and the refusal names the option line and how to type it."""
    text = ("The Parties to this Convention,\n\nRecognizing the problem,\n\nArticle 5\n\n"
            "Option 1\n\nRegistry\n\n1. Each Party shall act.\n\n2. Each Party shall "
            "report.\n\nOption 2\n\n1. Each Party may act.\n\nArticle 6\n\n"
            "1. Each Party shall manage waste.\n")
    with pytest.raises(ReaderError, match=(
            r"the label 5\.1 is used twice .*The option line 'Option 2' \(line 15\) heads "
            r"paragraphs numbered from 1 again.*number the options' paragraphs on")):
        read_text(text, name="draft.md")


def _options(*names: str) -> str:
    """A treaty text whose Article 5 holds an option block under each of ``names``."""
    blocks = "".join(f"{name}\n\n1. Each Party shall act {n}.\n\n"
                     for n, name in enumerate(names, start=1))
    return ("The Parties to this Convention,\n\nRecognizing the problem,\n\nArticle 5\n\n"
            f"{blocks}Article 6\n\n1. Each Party shall manage waste.\n")


@pytest.mark.parametrize("name", ["Option 01", "Option \uff11", "Option \u0661"])
def test_an_option_number_is_read_as_a_number(name):
    """"Option 01", a fullwidth or an Arabic-Indic "1" made an option beside Option 1,
    labelled 5 OPTION 01.1 (١.1, １.1): two options whose labels read alike."""
    read = read_text(_options(name, "Option \uff12"), name="draft.md")
    assert [p.label for p in read.paragraphs if p.kind is not ParagraphKind.HEADING] == [
        "PP1", "5 OPTION 1.1", "5 OPTION 2.1", "6.1"]
    with pytest.raises(ReaderError, match=(
            rf"line 13: the label 5 OPTION 1\.1 is used twice \(first on line 9\).*The "
            rf"option lines 'Option 1' \(line 7\) and '{name}' \(line 11\) both name "
            r"Option 1 \(an option's number is read as a number")):
        read_text(_options("Option 1", name), name="draft.md")


def test_an_option_number_past_the_labels_limit_is_refused_saying_so():
    """"Option 100" (3 digits) was silently no option line: its paragraph "1." counted
    in Option 99, and the import failed naming only "5 OPTION 99.1 is used twice"."""
    names = [f"Option {n}" for n in range(1, 101)]
    read = read_text(_options(*names[:99]), name="draft.md")
    assert [p.label for p in read.paragraphs if p.kind is not ParagraphKind.HEADING][-2:] == [
        "5 OPTION 99.1", "6.1"]
    with pytest.raises(ReaderError, match=(
            r"line 403: the option line 'Option 100' opens a section of its own \(its "
            r"paragraphs are numbered from 1 again\), but a label names options 1 to 99 "
            r"\(or A to Z\) only")):
        read_text(_options(*names), name="draft.md")


def test_each_articles_option_blocks_are_weighed_on_their_own():
    """Whether option blocks number their paragraphs from 1 again is told article by
    article: the next article's heading closes a series, so that Article 2's blocks
    (1., then 1.) are sections of their own, Article 3's (1., 2., then 3.) headings only;
    the headings where no series is open close none."""
    read = read_text("The Parties to this Convention,\n\nRecognizing the problem,\n\n"
                     "Have agreed as follows:\n\nArticle 1\n\n1. Parties shall act.\n\n"
                     "Article 2\n\nOption 1\n\n1. Parties shall register.\n\nOption 2\n\n"
                     "1. Parties may register.\n\nArticle 3\n\nOption 1\n\n"
                     "1. Parties shall report.\n\n2. Parties shall publish.\n\nOption 2\n\n"
                     "3. Parties may report.\n\nArticle 4\n\n1. Parties shall review.\n",
                     name="draft.md")
    assert [p.label for p in read.paragraphs if p.kind is ParagraphKind.OPERATIVE] == [
        "1.1", "2 OPTION 1.1", "2 OPTION 2.1", "3.1", "3.2", "3.3", "4.1"]
    assert read.warnings == ()
