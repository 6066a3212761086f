"""Write a draft as plain text or Markdown, in the form the text reader reads.

Preambular and operative paragraphs are written with their labels
(``PP1 Recalling ...``), headings as ``#`` lines, other text as it is - with a
``T1`` label only where it would otherwise be read back as preambular.
``read_text(write_text(...))`` gives the same paragraphs back.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafting.model import Paragraph, ParagraphKind


def write_text(title: str, paragraphs: Iterable[Paragraph]) -> str:
    """The draft as text: blocks separated by one blank line, ending in a newline.

    An empty ``title`` writes no title line. Paragraph ids and statuses are not
    part of this form.
    """
    blocks = [f"# {title}"] if title else []
    operative_seen = False
    for paragraph in paragraphs:
        blocks.append(_block(paragraph, bare_other=operative_seen))
        operative_seen |= paragraph.kind is ParagraphKind.OPERATIVE
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _block(paragraph: Paragraph, *, bare_other: bool) -> str:
    if paragraph.kind is ParagraphKind.HEADING:
        return f"{'#' * max(paragraph.level, 1)} {paragraph.text}"
    if paragraph.kind is ParagraphKind.OTHER and bare_other:
        return paragraph.text
    return f"{paragraph.label} {paragraph.text}"
