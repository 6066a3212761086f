"""Write a draft as plain text or Markdown, in the form the text reader reads.

The front matter comes first, one block per line, then the title as a ``#`` line and
the chapeau as a block of its own. Preambular and operative paragraphs are written
with their labels (``PP1 Recalling ...``, ``3.1 Each Party ...``; an option block's
paragraph as the draft types it: ``2. Each Party ...`` for ``3 OPTION 1.2``), headings as ``#``
lines (a ``#`` after the title is a level-1 heading), footnotes as ``[^1]: text``, other
text as it is - with a
``T1`` label only where it would otherwise be read back as preambular (a treaty's
formulas, "Have agreed as follows:", never: `drafting.readers.formulas`).
A paragraph read from options (``[first][second][]``) is written as its options, one
block each: ``OP3 Option 1: ...``, ``Option 2: ...``, ``Option 3: No text``.
``read_text(write_text(...))`` gives the same paragraphs, front matter and chapeau back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from drafting.engine.option_sections import OPTION_SECTION
from drafting.errors import LabelError
from drafting.inline_markdown import lines_as_text, marked
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import parse_label
from drafting.readers.formulas import formula
from drafting.readers.lines import SUBPARAGRAPH
from drafting.writers.options import NO_TEXT, option_lead, option_marks, paragraph_options


def write_text(title: str, paragraphs: Iterable[Paragraph], *,
               front_matter: Iterable[str] = (), chapeau: str = "",
               markdown: bool = False, after_title: Iterable[str] = ()) -> str:
    """The draft as text: blocks separated by one blank line, ending in a newline.

    With ``markdown``, paragraphs carry their formatting (``*italic*``, ``**bold**``,
    ...: `drafting.inline_markdown`). ``after_title`` (lines, "Preamble") stands between
    the title and the chapeau. An empty ``title`` writes no title line, an
    empty ``chapeau`` no chapeau. Paragraph ids and statuses are not part of this form.
    """
    def plain(text: str) -> str:  # no HTML, link or image of what a draft holds
        return lines_as_text(marked(text, ())) if markdown else text

    blocks = [plain(line) for line in front_matter if line.strip()]
    blocks += [f"# {plain(title)}"] if title else []
    blocks += [plain(line) for line in after_title if line.strip()]
    blocks += [plain(chapeau)] if chapeau else []
    operative_seen = False
    for paragraph in paragraphs:
        if (found := paragraph_options(paragraph)) is not None:  # "OP3 Option 1: ..."
            blocks += _options(paragraph, found, markdown=markdown)
        else:
            if markdown:
                paragraph = replace(paragraph, text=_broken(lines_as_text(
                    marked(paragraph.text, paragraph.marks))))
            blocks.append(_block(paragraph, bare_other=operative_seen))
        operative_seen |= paragraph.kind is ParagraphKind.OPERATIVE
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _broken(text: str) -> str:
    """A paragraph's Markdown with each of its lines that the text reader would join to
    the line before (one that opens with no item's number: "1. To protect ...", as
    Word's "List Number 2" numbers a paragraph's lines) after a hard line break (a
    backslash ending the line before); an item's line ("(a) ...", "• ...") as it is."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    return lines[0] + "".join(
        ("\n" if SUBPARAGRAPH.match(line) else "\\\n") + line for line in lines[1:])


def _options(paragraph: Paragraph, found: tuple[tuple[int, str], ...], *,
             markdown: bool) -> list[str]:
    """A paragraph read from options, one block an option: "OP3 Option 1: ...", then
    "Option 2: ...", "Option 3: No text" (`drafting.writers.options`)."""
    blocks = []
    for number, (start, words) in enumerate(found, start=1):
        if markdown:
            words = marked(words, option_marks(paragraph.marks, start, len(words)))
        lead = f"{paragraph.label} " if number == 1 else ""
        blocks.append(f"{lead}{option_lead(number)}{words or NO_TEXT}")
    return blocks


def _block(paragraph: Paragraph, *, bare_other: bool) -> str:
    if paragraph.kind is ParagraphKind.FOOTNOTE:  # cited in the text as [^N]
        return f"[^{paragraph.label.removeprefix('FN')}]: {paragraph.text}"
    if paragraph.kind is ParagraphKind.HEADING:
        return f"{'#' * max(paragraph.level, 1)} {paragraph.text}"
    if paragraph.kind is ParagraphKind.OTHER and (bare_other or formula(paragraph.text)):
        return paragraph.text
    return f"{_typed(paragraph.label)} {paragraph.text}"


def _typed(label: str) -> str:
    """How a paragraph's number is written: its label, but a paragraph of an article's
    option block as the draft types it under the option's line ("2." for ``3 OPTION
    1.2``), which reads back as the same paragraph (`drafting.readers.structure_options`)."""
    try:
        parsed = parse_label(label)
    except LabelError:
        return label
    option = OPTION_SECTION.fullmatch(parsed.section)
    return f"{parsed.number}." if option is not None and option["base"] and \
        not parsed.suffix else label
