"""Emphasis around what tells a block's place, and options inside a paragraph's items.

A Markdown draft written or converted from Word puts the chapeau in italics, numbers and
options in bold or italics, a heading line in bold: the structure is read from the text
as shown, and the words keep their marks. An item Word numbers below its list's top level
that opens "Option 1:" is a line of its paragraph, as the same item typed is.
"""

from __future__ import annotations

import random
from pathlib import Path

from drafting.errors import ReaderError
from drafting.model import Style
from drafting.readers import read_draft
from drafting.readers.textfile import read_text
from tests.writers.numbered_drafts import numbered_draft

EMPHASISED = """\
# Sustainable fisheries

*The General Assembly*,

*Recalling* its resolution 70/1,

**PP2** *Noting* the report of the Secretary-General,

**II. Means of implementation**

**1.** *Decides* to act;

**2.** *Requests* the Secretary-General:
(a) *To report* annually;
(b) *To consult* Member States;

**3.** *Option 1*: *Invites* States to contribute;

**3.** *Option 2*: No text

**OP4** *Decides* to remain seized of the matter.
"""


def _marks(paragraph) -> list[tuple[str, Style]]:
    return [(paragraph.text[m.start:m.end], m.style) for m in paragraph.marks]


def test_emphasis_around_the_chapeau_numbers_options_and_headings_reads_as_plain_text_would():
    result = read_text(EMPHASISED, name="draft.md", markdown=True)
    plain = read_text(EMPHASISED.replace("*", ""), name="draft.md", markdown=True)

    assert result.chapeau == "The General Assembly,"
    assert [(p.label, p.text) for p in result.paragraphs] == \
        [(p.label, p.text) for p in plain.paragraphs]
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"),
        ("PP2", "Noting the report of the Secretary-General,"),
        ("H1", "II. Means of implementation"),
        ("OP1", "Decides to act;"),
        ("OP2", "Requests the Secretary-General:\n(a) To report annually;\n"
                "(b) To consult Member States;"),
        ("OP3", "[Invites States to contribute;][]"),
        ("OP4", "Decides to remain seized of the matter."),
    ]
    assert not [w for w in result.warnings if "without a label" in w.message]


def test_the_words_keep_their_emphasis_where_the_structure_took_the_rest():
    paragraphs = {p.label: p for p in read_text(EMPHASISED, name="draft.md",
                                                 markdown=True).paragraphs}

    assert _marks(paragraphs["PP1"]) == [("Recalling", Style.ITALIC)]
    assert _marks(paragraphs["PP2"]) == [("Noting", Style.ITALIC)]
    assert _marks(paragraphs["H1"]) == [("II. Means of implementation", Style.BOLD)]
    assert _marks(paragraphs["OP2"]) == [("Requests", Style.ITALIC), ("To report", Style.ITALIC),
                                        ("To consult", Style.ITALIC)]
    assert _marks(paragraphs["OP3"]) == [("Invites", Style.ITALIC)]
    assert _marks(paragraphs["OP4"]) == [("Decides", Style.ITALIC)]


def test_escaped_asterisks_are_text_and_mark_nothing():
    result = read_text("# T\n\nThe General Assembly,\n\n1. *Decides* that A/C.2/81/L.7\\* "
                       "and \\*\\*note\\*\\* stand;\n", name="d.md", markdown=True)

    (op1,) = result.paragraphs
    assert op1.text == "Decides that A/C.2/81/L.7* and **note** stand;"
    assert _marks(op1) == [("Decides", Style.ITALIC)]


def test_an_item_word_numbers_that_opens_with_an_option_is_a_line_of_its_paragraph(
        tmp_path: Path):
    path = numbered_draft(tmp_path / "draft.docx", (
        "The needs of developing countries;",
        "Option 1: [grant-equivalent] Option 2: [nominal] values;"))

    result = read_draft(path)

    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2", "OP3"]
    assert result.paragraphs[2].text == (
        "Calls upon States:\n(a) The needs of developing countries;\n"
        "(b) Option 1: [grant-equivalent] Option 2: [nominal] values;")


_SHAPES = ("The General Assembly,", "Recalling its resolution 70/1,", "PP3 Noting the report,",
           "1. Decides to act;", "2. Requests the Secretary-General:\n(a) To report;\n"
           "(b) To consult;", "Option 1: Invites States;", "Option 2: No text",
           "OP5 Alt Decides otherwise;", "## Article 3", "II. Means of implementation",
           "[3. Decides [further] to act;]", "(a) To act;", "4 bis. Urges States;",
           "Have agreed as follows:", "DONE at Geneva on 1 May 2026.",
           "5. Option 1: [x]\n\n5. Option 2: [y]", "(c)", "To keep going;")
"""Blocks of every shape the structure tells apart, to be emphasised at random."""


def _emphasised(block: str, pick: random.Random) -> str:
    words = block.split(" ")
    for k, word in enumerate(words):
        if word and "\n" not in word and not word.startswith("#"):  # "*##*" is no heading
            stars = pick.choice(("", "", "", "*", "**"))
            words[k] = f"{stars}{word}{stars}"
    return " ".join(words)


def test_emphasis_anywhere_in_a_word_changes_no_structure():
    pick = random.Random(8)
    for _ in range(300):
        blocks = [_emphasised(pick.choice(_SHAPES), pick) for _ in range(pick.randint(2, 8))]
        source = "# Title\n\n" + "\n\n".join(blocks) + "\n"
        assert _read(source) == _read(source.replace("*", "")), source


def _read(source: str) -> object:
    try:
        result = read_text(source, name="d.md", markdown=True)
    except ReaderError as error:
        return str(error)
    return (result.title, result.chapeau, [(p.label, p.text) for p in result.paragraphs],
            [w.message for w in result.warnings])


PANDOC_QUOTED = """\
Fiji and Samoa: draft resolution

# Sustainable fisheries

> The General Assembly,
>
> *Recalling* its resolution 70/1 of 25 September 2015, entitled
> \\"Transforming our world\\",
>
> > 1\\. *Decides* to act \\[within existing resources\\];
>
> 2\\. *Requests* the Secretary-General:
> (a) To report;
>
> \\> 3 per cent is text, its marker escaped;
"""


def test_a_block_quote_is_read_as_its_text_as_pandoc_writes_a_word_drafts_indents():
    result = read_text(PANDOC_QUOTED, name="d.md", markdown=True)

    assert result.chapeau == "The General Assembly,"
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", 'Recalling its resolution 70/1 of 25 September 2015, entitled '
                '"Transforming our world",'),
        ("OP1", "Decides to act [within existing resources];"),
        ("OP2", "Requests the Secretary-General:\n(a) To report;"),
        ("T1", "> 3 per cent is text, its marker escaped;"),
    ]
    assert _marks(result.paragraphs[1]) == [("Decides", Style.ITALIC)]
