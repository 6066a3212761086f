"""Word's automatic numbering, counted as Word shows it, from real .docx files."""

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafting.ooxml.numbering import NumberingCounter, format_number, numbered_labels
from drafting.ooxml.package import open_docx

LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


def add_abstract(document, abstract_id: int, levels=LEVELS, *, start: int = 1,
                 legal: bool = False, restarts: dict[int, int] | None = None) -> None:
    """Add a multi-level list definition to the document's numbering part; ``restarts``
    gives levels a ``w:lvlRestart``."""
    restarts = restarts or {}
    lvls = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="{start if index == 0 else 1}"/>'
        f'<w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restarts[index]}"/>' if index in restarts else "")
        + f'{"<w:isLgl/>" if legal and index else ""}'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for index, (fmt, text) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    numbering.find(qn("w:num")).addprevious(abstract)


def add_num(document, num_id: int, abstract_id: int, restart: dict[int, int] | None = None):
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{value}"/></w:lvlOverride>'
        for level, value in (restart or {}).items()
    )
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{overrides}</w:num>"
    ))


def numbered(document, text: str, num_id: int, level: int):
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def labels_after_saving(document, tmp_path) -> list[tuple[str, str]]:
    """Save, reopen through open_docx, and list (text, label) of every paragraph."""
    path = tmp_path / "numbered.docx"
    document.save(path)
    reopened = open_docx(path)
    labels = numbered_labels(reopened)
    return [(p.text, labels.get(p._p, "")) for p in reopened.paragraphs]


def test_list_number_style_counts_on(tmp_path):
    document = docx.Document()
    for text in ("one", "two"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("plain")
    document.add_paragraph("three", style="List Number")
    document.add_paragraph("dot", style="List Bullet")
    assert labels_after_saving(document, tmp_path) == [
        ("one", "1."), ("two", "2."), ("plain", ""), ("three", "3."), ("dot", "•"),
    ]


def test_nested_levels_and_deeper_levels_reset(tmp_path):
    document = docx.Document()
    add_abstract(document, 50)
    add_num(document, 100, 50)
    for text, level in (("a", 0), ("b", 1), ("c", 1), ("d", 2), ("e", 2), ("f", 1),
                        ("g", 0), ("h", 1), ("i", 2)):
        numbered(document, text, 100, level)
    assert [label for _, label in labels_after_saving(document, tmp_path)] == [
        "1.", "(a)", "(b)", "(i)", "(ii)", "(c)", "2.", "(a)", "(i)",
    ]


def test_levels_restart_as_their_lvl_restart_says(tmp_path):
    """A treaty's "Article %2" set never to restart (0) counts on through its parts, as
    Word shows it (it restarted at each part: Part II's first article read "Article 1");
    items restarted after level 1 only (1) run on through the articles of a part; a level
    named that is not an earlier one (3 on level 3) is Word's default."""
    document = docx.Document()
    add_abstract(document, 60, (("upperRoman", "Part %1"), ("decimal", "Article %2"),
                                ("decimal", "%3."), ("lowerLetter", "(%4)")),
                 restarts={1: 0, 2: 3, 3: 1})
    add_num(document, 160, 60)
    for text, level in (("P", 0), ("A", 1), ("p", 2), ("x", 3), ("x", 3), ("p", 2), ("x", 3),
                        ("A", 1), ("p", 2), ("x", 3), ("P", 0), ("A", 1), ("p", 2), ("x", 3)):
        numbered(document, text, 160, level)
    assert [label for _, label in labels_after_saving(document, tmp_path)] == [
        "Part I", "Article 1", "1.", "(a)", "(b)", "2.", "(c)", "Article 2", "1.", "(d)",
        "Part II", "Article 3", "1.", "(a)",
    ]


def test_restart_by_start_override_and_shared_list(tmp_path):
    """Nums sharing an abstractNum share its counters (Word's rule); a
    startOverride restarts the level where that num is first used."""
    document = docx.Document()
    add_abstract(document, 50)
    add_num(document, 100, 50)
    add_num(document, 101, 50, restart={0: 1})
    add_num(document, 102, 50)
    for num_id in (100, 100, 101, 101, 102):
        numbered(document, "x", num_id, 0)
    assert [label for _, label in labels_after_saving(document, tmp_path)] == [
        "1.", "2.", "1.", "2.", "3.",
    ]


def test_start_value_and_legal_numbering(tmp_path):
    document = docx.Document()
    add_abstract(document, 60, (("decimal", "%1."), ("lowerLetter", "%1.%2")), start=5,
                 legal=True)
    add_num(document, 110, 60)
    for level in (0, 1, 1):
        numbered(document, "x", 110, level)
    assert [label for _, label in labels_after_saving(document, tmp_path)] == [
        "5.", "5.1", "5.2",
    ]


def test_numbering_inherited_through_based_on_and_switched_off(tmp_path):
    document = docx.Document()
    custom = document.styles.add_style("Operative", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["List Number"]
    document.add_paragraph("first", style="Operative")
    document.add_paragraph("second", style="List Number")
    off = document.add_paragraph("not numbered", style="List Number")
    off._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 0
    document.add_paragraph("third", style="Operative")
    assert labels_after_saving(document, tmp_path) == [
        ("first", "1."), ("second", "2."), ("not numbered", ""), ("third", "3."),
    ]


def test_counter_reports_level_value_and_format(tmp_path):
    document = docx.Document()
    add_abstract(document, 50)
    add_num(document, 100, 50)
    top = numbered(document, "a", 100, 0)
    sub = numbered(document, "b", 100, 1)
    counter = NumberingCounter(document)
    first, second = counter.number(top._p), counter.number(sub._p)
    assert (first.text, first.level, first.value, first.format) == ("1.", 0, 1, "decimal")
    assert (second.text, second.level, second.value, second.format) == (
        "(a)", 1, 1, "lowerLetter")


def test_numbers_any_tells_in_one_look_whether_number_may_number_a_paragraph():
    """`numbers_any` is False only where `number` gives None for every paragraph: none has
    a numPr of its own and no style it uses (nor the default one) sets one."""
    plain = docx.Document()
    paragraphs = [plain.add_paragraph(text) for text in ("one", "two")]
    counter = NumberingCounter(plain)
    assert not counter.numbers_any(plain.element.body)
    assert [counter.number(p._p) for p in paragraphs] == [None, None]
    for styled in ("List Number", "Operative"):  # the style's, or one it is based on
        document = docx.Document()
        if styled == "Operative":
            custom = document.styles.add_style("Operative", WD_STYLE_TYPE.PARAGRAPH)
            custom.base_style = document.styles["List Number"]
        document.add_paragraph("plain")
        paragraph = document.add_paragraph("first", style=styled)
        counter = NumberingCounter(document)
        assert counter.numbers_any(document.element.body), styled
        assert counter.number(paragraph._p) is not None
    document = docx.Document()
    numbered(document, "x", 1, 0)  # a numPr of its own
    assert NumberingCounter(document).numbers_any(document.element.body)


def test_numbers_any_in_one_pass_tells_as_its_two_looks_did():
    """`numbers_any` looks for a numPr and the styles used in one pass: the same answer
    as looking for a numPr first, then at every style used, whatever stands first."""
    def two_looks(counter, body):
        if next(body.iter(qn("w:numPr")), None) is not None:
            return True
        used = {style.get(qn("w:val")) for style in body.iter(qn("w:pStyle"))}
        return any(counter._styles.sets_number(style_id or counter._styles.default)
                   for style_id in (*used, None))

    for layout in ("styled, then numbered", "numbered, then styled", "styled only",
                   "plain only", "numbered only"):
        document = docx.Document()
        if "styled" in layout:
            document.add_paragraph("styled", style="List Number" if "only" in layout
                                   else "Heading 1")
        if "numbered" in layout:
            numbered(document, "x", 1, 0)
        if layout.startswith("numbered,"):
            document.add_paragraph("styled", style="Heading 1")
        document.add_paragraph("plain")
        counter = NumberingCounter(document)
        body = document.element.body
        assert counter.numbers_any(body) == two_looks(counter, body), layout
        assert counter.numbers_any(body) == (layout != "plain only"), layout


def test_unknown_num_numbers_nothing():
    document = docx.Document()
    paragraph = numbered(document, "x", 999, 0)
    assert NumberingCounter(document).number(paragraph._p) is None


def test_document_without_numbering_part(tmp_path):
    document = docx.Document()
    paragraph = document.add_paragraph("one", style="List Number")
    assert NumberingCounter(document).number(paragraph._p) is not None
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            document.part.drop_rel(rel_id)
    document.save(tmp_path / "plain.docx")
    reopened = open_docx(tmp_path / "plain.docx")
    assert numbered_labels(reopened) == {}


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (3, "decimal", "3"), (3, "lowerLetter", "c"), (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"), (4, "lowerRoman", "iv"), (1999, "upperRoman", "MCMXCIX"),
        (7, "decimalZero", "07"), (5, "none", ""), (0, "lowerLetter", "0"),
        (12, "ordinalText", "12"),
    ],
)
def test_format_number(value, fmt, shown):
    assert format_number(value, fmt) == shown
