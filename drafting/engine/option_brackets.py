"""Bracketed blocks: a whole option of a treaty's chair's text, or a whole article, put
in brackets.

Options laid out as blocks of paragraphs (`drafting.readers.structure_options`) are
bracketed whole by a "[" opening the option's line and a "]" ending the last paragraph
of its block::

    [Option 1
    2. A dedicated fund is hereby established.
    3. The fund shall operate under the guidance of the Conference of the Parties.]

Each bracket stands alone in its paragraph, but together they are one bracket: the
block's. The pairing is strict: the heading is an option's line ("[Option 1", "[Option
B:") whose only stray bracket (`drafting.brackets.faults`) is the "[" opening it; the
paragraphs after it, up to the next heading, pair every bracket of their own until
one whose only stray bracket is a "]" as its last character (blanks after it aside:
"...Parties.]", never "...Parties].", which keeps the warning). Any other stray bracket
between them, or a heading first, leaves both stray, as any bracket across paragraphs
is (`drafting.readers.text_checks`). Such a block counts one bracket, on its heading,
and neither bracket counts as unbalanced (`drafting.engine.bracket_report`).

A whole article is bracketed the same way, as chairs' texts set out an alternative to an
article ("[Article 13 alt", its title, its paragraphs, the last ending "...]") or an
article not agreed ("[Article 4" ... "]"): the heading is a section heading whose only
stray bracket is its "[", its title lines (headings naming no section or option) may
follow it, and the block ends as an option's does, at the first paragraph ending "]", or
at its title where the title closes it ("[Article 4", "Financial mechanism]"). Any other
heading first (the next article) leaves both brackets stray.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting import brackets
from drafting.model import Paragraph, ParagraphKind
from drafting.model.sections import option_named, section_key


def opens_option_block(text: str) -> bool:
    """Whether ``text`` is an option's line that opens a bracketed block ("[Option 1"):
    its only stray bracket the "[" it opens with. "[Option 1]" (closed) is not."""
    stripped = text.strip()
    if not stripped.startswith("[") or option_named(stripped) is None:
        return False
    return _opened_only(text)


def closes_option_block(text: str) -> bool:
    """Whether ``text`` can close a bracketed option block: its only stray bracket a "]"
    as its last character, blanks after it aside ("...Parties.]")."""
    strays = brackets.faults(text)
    return len(strays) == 1 and strays[0].char == "]" and \
        strays[0].offset == len(text.rstrip()) - 1


def opens_section_block(text: str) -> bool:
    """Whether ``text`` is a section heading that opens a bracketed block ("[Article 13
    alt", "[Article 4"): its only stray bracket the "[" it opens with."""
    stripped = text.strip()
    if not stripped.startswith("[") or section_key(stripped) is None or \
            option_named(stripped) is not None:
        return False
    return _opened_only(text)


def opens_block(text: str) -> bool:
    """Whether ``text`` opens a bracketed block: an option's line ("[Option 1") or a
    section heading ("[Article 13 alt") whose only stray bracket is its opening "["."""
    return opens_option_block(text) or opens_section_block(text)


def title_line(paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` is a heading that may stand as a section's title after its
    heading ("Waste management"): one naming no section and no option."""
    return paragraph.kind is ParagraphKind.HEADING and section_key(paragraph.text) is None \
        and option_named(paragraph.text) is None


def bracketed_blocks(paragraphs: Sequence[Paragraph]) -> dict[int, int]:
    """The bracketed blocks of ``paragraphs`` (a text's, in order), options' and whole
    sections': the index of each block's heading, opening it with "[", to the index of
    the paragraph whose "]" closes it (see the module's docstring). Empty when there is
    none."""
    blocks: dict[int, int] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind is not ParagraphKind.HEADING or not opens_block(paragraph.text):
            continue
        titled = opens_section_block(paragraph.text)  # its title lines may follow
        for after in range(index + 1, len(paragraphs)):
            text = paragraphs[after].text
            if paragraphs[after].kind is ParagraphKind.HEADING and not (
                    titled and title_line(paragraphs[after])):
                break
            titled = titled and paragraphs[after].kind is ParagraphKind.HEADING
            if closes_option_block(text):
                blocks[index] = after
                break
            if brackets.faults(text):
                break
    return blocks


def _opened_only(text: str) -> bool:
    """Whether the only stray bracket of ``text`` is a "[" it opens with."""
    strays = brackets.faults(text)
    return len(strays) == 1 and strays[0].char == "[" and \
        strays[0].offset == len(text) - len(text.lstrip())


def paired_in_blocks(paragraphs: Sequence[Paragraph]) -> set[int]:
    """The indices of the paragraphs of ``paragraphs`` whose stray bracket is one of a
    bracketed block's two (`bracketed_blocks`): its heading and the paragraph closing
    it. Their brackets are no stray ones."""
    return {index for pair in bracketed_blocks(paragraphs).items() for index in pair}


def closing_note(paragraphs: Sequence[Paragraph], target: Paragraph, refusal: str) -> str:
    """What a ``refusal`` of a change to ``target`` should add where it names the "]"
    ending ``target`` and that "]" closes a bracketed block (of ``paragraphs``,
    the text it stands in): "the ']' ending 5 OPTION 1.3 closes the bracket that
    '[Option 1' (H2) opens ..."; "" for any other refusal or paragraph."""
    end = len(target.text.rstrip()) - 1
    if f"']' has no opening '[' at character {end})" not in refusal:
        return ""
    heading = next((paragraphs[opens] for opens, closes in bracketed_blocks(
        paragraphs).items() if paragraphs[closes].id == target.id), None)
    if heading is None:
        return ""
    block = "option block" if opens_option_block(heading.text) else "section"
    return (f"the ']' ending {target.label} closes the bracket that {heading.text.strip()!r} "
            f"({heading.label}) opens around its {block}: quote words before it")
