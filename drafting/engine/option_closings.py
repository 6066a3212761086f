"""A bracketed option block's closing "]" kept at the block's end through a revision; so
is a bracketed article's ("[Article 13 alt" ... "]"), whose title lines stand first.

A block ("[Option 1" ... "Parties.]": `drafting.engine.option_brackets`) is one bracket
whose "]" ends the option's last paragraph. When a revision changes what that last
paragraph is, `kept_closings` keeps the bracket whole: a new paragraph accepted after it
takes the "]" (the option grew: the new paragraph is the option's, as the compilation
showed it, not agreed text between the options), and a deleted last paragraph hands it to
the option's paragraph before. Where accepted words took the "]" itself away (or the
"[" of its heading) and not its partner, the block is left half open, and said so: the
words of no paragraph are changed beyond the "]" moved.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from drafting import brackets
from drafting.engine.footnotes import retext
from drafting.engine.option_brackets import (
    bracketed_blocks,
    closes_option_block,
    opens_block,
    opens_section_block,
    title_line,
)
from drafting.engine.option_sections import OPTION_SECTION
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import section_of
from drafting.model.sections import section_key


class Closing(NamedTuple):
    """What became of a block's "]": ``said`` with the paragraphs' labels in ``{}``
    places, to be filled with their labels in the revision (``labels``: as built)."""

    said: str
    labels: tuple[str, ...]

    def told(self, numbers: Mapping[str, str]) -> str:
        """``said`` naming each paragraph as built and, where ``numbers`` (old -> new)
        numbers it otherwise, by its new number too ("3 OPTION 1.3 bis (now 3 OPTION 1.4)")."""
        return self.said.format(*(label if numbers.get(label, label) == label
                                  else f"{label} (now {numbers[label]})"
                                  for label in self.labels))


def kept_closings(before: Sequence[Paragraph],
                  after: list[Paragraph]) -> tuple[list[Paragraph], list[Closing]]:
    """``after`` (a revision's paragraphs as built from ``before``'s, labels not yet
    renumbered) with the "]" of each bracketed option block of ``before`` ending the
    block's last paragraph in ``after``, and what was done or is wrong, one each
    ("the ']' closing '[Option 1' (H3) moves from 3 OPTION 1.3 to the end of
    3 OPTION 1.3 bis (now 3 OPTION 1.4), now the option's last paragraph")."""
    out = list(after)
    notes: list[Closing] = []
    where = {p.id: i for i, p in enumerate(out)}
    for opens, closes in bracketed_blocks(before).items():
        heading, closing = before[opens], before[closes]
        if closing.kind is ParagraphKind.HEADING:  # "[Article 4", "Financial mechanism]"
            continue  # the headings alone: no paragraph's "]" to keep at the end
        named = f"'{heading.text.strip()}' ({heading.label})".replace("{", "{{").replace(
            "}", "}}")  # a place for `Closing.told` to fill is "{}" only
        start = where.get(heading.id)
        if start is None:  # the option taken out whole (chosen away), or its heading only
            kept = where.get(closing.id)
            if kept is not None and closes_option_block(out[kept].text):
                notes.append(Closing(f"the heading {named} was deleted but not the ']' "
                                     "ending {}: that ']' is left without its '['",
                                     (closing.label,)))
            continue
        members = _members(before, closes, out, start)
        if not opens_block(out[start].text):
            if members and closes_option_block(out[members[-1]].text):
                notes.append(Closing(f"the '[' of {named} was taken out but not the ']' "
                                     "ending {}: that ']' is left without its '['",
                                     (out[members[-1]].label,)))
            continue
        note = _closed(out, members, closing, named)
        if note is not None:
            notes.append(note)
    return out, notes


def _members(before: Sequence[Paragraph], closes: int, out: list[Paragraph],
             start: int) -> list[int]:
    """The indices in ``out`` of the paragraphs of the block whose heading is at ``start``:
    those after it, up to a heading, a paragraph that stood after the block's closing
    one (at ``closes`` in ``before``), or a new one after the closing one that its label
    does not put in the option's section (``5 OPTION 1.3 bis`` is the option's; ``5.3
    bis``, where the options number on in the article, stands after the bracket, as the
    compilation shows it)."""
    closing = before[closes]
    later = {p.id for p in before[closes + 1:]}
    known = {p.id for p in before}
    section = section_of(closing.label)
    passed = False  # the closing paragraph, or where it stood
    members: list[int] = []
    titled = opens_section_block(out[start].text)  # an article's title lines first
    for index in range(start + 1, len(out)):
        paragraph = out[index]
        if titled and not members and title_line(paragraph):
            continue
        if paragraph.kind is ParagraphKind.HEADING or paragraph.id in later:
            break
        passed |= paragraph.id == closing.id
        if passed and paragraph.id not in known and not (
                section and section_of(paragraph.label) == section and (
                    OPTION_SECTION.fullmatch(section) or section == _key(out[start]))):
            break
        members.append(index)
    return members


def _key(heading: Paragraph) -> str | None:
    """The key ``heading`` gives its section's paragraphs ("[Article 13 alt" -> "13alt")."""
    return section_key(heading.text)



def _closed(out: list[Paragraph], members: list[int], closing: Paragraph,
            named: str) -> Closing | None:
    """Close the block (heading ``named``) whose paragraphs are ``members`` of ``out``
    at its last one, moving the "]" there; what was done or is wrong, None for nothing."""
    if not members:
        return Closing(f"every paragraph of {named} was deleted but not its heading: its "
                       "'[' is left open", ())
    last = out[members[-1]]
    if closes_option_block(last.text):
        return None
    holder = next((i for i in members if out[i].id == closing.id), None)
    if holder is not None and not closes_option_block(out[holder].text):
        return Closing("the accepted amendments to {} took out the ']' closing "
                       f"{named}: its '[' is left open; settle the bracket before the next "
                       "revision", (closing.label,))
    if brackets.faults(last.text):
        return Closing(f"{{}} has a stray bracket of its own: the ']' closing {named} "
                       "stays where it was", (last.label,))
    if holder is not None:
        text = out[holder].text.rstrip()
        out[holder] = retext(out[holder], text[:-1].rstrip())
        done = "moves from {} to the end of {}, now the option's last paragraph"
    else:
        done = "of {} (deleted) goes to the end of {}, now the option's last paragraph"
    out[members[-1]] = retext(last, last.text.rstrip() + "]")
    return Closing(f"the ']' closing {named} {done}", (closing.label, last.label))
