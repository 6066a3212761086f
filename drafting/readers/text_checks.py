"""Warnings about a draft's text once its paragraphs are known: stray brackets (one
opened in a paragraph and closed in a later one named as such) and footnote markers
with no footnote, or footnotes no marker cites, and a paragraph read as preambular that
may be something else. Never errors: the text is kept as written. `stray_brackets` gives
the stray brackets of a stored text too, for `drafting show` to flag them. The two
brackets of a bracketed option block ("[Option 1" ... "Parties.]") or article ("[Article
13 alt" ... "]": `drafting.engine.option_brackets`) pair: neither is stray."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from drafting import brackets
from drafting.brackets import NOTE_MARKER
from drafting.engine.option_brackets import paired_in_blocks
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind
from drafting.model.headings import CLOSING, TITLE_WORDS
from drafting.readers.result import ReadWarning


@dataclass(frozen=True, slots=True)
class StrayBracket:
    """A bracket that pairs with none in its paragraph (`drafting.brackets.faults`): a
    ``]`` with no ``[`` open before it, or a ``[`` never closed. Official texts have them;
    they are kept as written and counted as unbalanced."""

    label: str
    """The label of its paragraph."""
    offset: int
    """Where it stands in the paragraph's text (0-based)."""
    char: str
    """``"["`` or ``"]"``."""
    across: tuple[str, int] | None = None
    """The paragraph (label) and offset of the stray bracket it pairs with across
    paragraphs (a ``[`` in OP2 closed by a stray ``]`` in OP3); None if none does."""

    @property
    def message(self) -> str:
        """What is wrong: "']' has no opening '['", "'[' is never closed", or, across
        paragraphs, "this ']' closes the '[' opened in OP2 at character 40 (...)"."""
        if self.across is None:
            return brackets.BracketFault(self.offset, self.char).message
        label, offset = self.across
        how = "closes the '[' opened" if self.char == "]" else "is closed by the ']'"
        return (f"this '{self.char}' {how} in {label} at character {offset}: a bracket "
                "across paragraphs is read as two unbalanced brackets")


def stray_brackets(paragraphs: Iterable[Paragraph]) -> list[StrayBracket]:
    """Every stray bracket of ``paragraphs`` (a text's, in order), in text order; an
    unclosed '[' that a later paragraph's stray ']' closes is paired with it (both
    named ``across``), except a bracketed option block's two, which are no strays
    (`drafting.engine.option_brackets`). An empty list when every bracket pairs up."""
    return [stray for _, stray in _strays(paragraphs)]


def _strays(paragraphs: Iterable[Paragraph]) -> list[tuple[int, StrayBracket]]:
    """`stray_brackets`, each with the index of its paragraph."""
    found: list[tuple[int, StrayBracket]] = []
    open_ones: list[int] = []  # where in found each '[' not closed yet stands
    listed = list(paragraphs)
    paired = paired_in_blocks(listed)  # "[Option 1" ... "Parties.]": no strays
    for number, paragraph in enumerate(listed):
        for fault in () if number in paired else brackets.faults(paragraph.text):
            stray = StrayBracket(paragraph.label, fault.offset, fault.char)
            if fault.char == "]" and open_ones:
                at = open_ones.pop()
                opened = found[at][1]
                found[at] = (found[at][0], replace(opened, across=(stray.label, stray.offset)))
                stray = replace(stray, across=(opened.label, opened.offset))
            elif fault.char == "[":
                open_ones.append(len(found))
            found.append((number, stray))
    return found


def bracket_warnings(paragraphs: Sequence[Paragraph],
                     wheres: Sequence[str]) -> list[ReadWarning]:
    """A warning for every stray bracket of ``paragraphs`` (``wheres[i]`` says where
    paragraph ``i`` stands in its file); an unclosed '[' that a later paragraph's stray
    ']' closes is named as one bracket across paragraphs, where the ']' stands."""
    warnings: list[ReadWarning] = []
    unclosed: list[ReadWarning] = []  # last, as a reading to the end finds them
    found = _strays(paragraphs)
    opened_at = {(s.label, s.offset): wheres[n] for n, s in found if s.char == "["}
    for number, stray in found:
        place = f"{wheres[number]} ({stray.label}, character {stray.offset})"
        if stray.across is None:
            (unclosed if stray.char == "[" else warnings).append(_stray(
                place, paragraphs[number].text, stray.offset, stray.message))
        elif stray.char == "]":
            label, offset = stray.across
            warnings.append(ReadWarning(place, (
                f"this ']' closes the '[' opened in {label} at character {offset} "
                f"({opened_at[stray.across]}): a bracket across paragraphs is read as two "
                "unbalanced brackets; the paragraphs are kept as written")))
    return warnings + unclosed


def footnote_warnings(paragraphs: Sequence[Paragraph], wheres: Sequence[str],
                      name: str) -> list[ReadWarning]:
    """A warning for a marker ``[^N]`` with no footnote N, and for a footnote never
    cited (named in file ``name``)."""
    warnings: list[ReadWarning] = []
    notes = {p.label: p for p in paragraphs if p.kind is ParagraphKind.FOOTNOTE}
    cited: set[str] = set()
    for paragraph, where in zip(paragraphs, wheres, strict=True):
        for marker in NOTE_MARKER.finditer(paragraph.text):
            cited.add(f"FN{marker[1]}")
            if f"FN{marker[1]}" not in notes:
                warnings.append(ReadWarning(f"{where} ({paragraph.label})", (
                    f"the marker {marker[0]} cites footnote {marker[1]}, which the "
                    "text does not have")))
    for label in sorted(set(notes) - cited, key=lambda found: int(found[2:])):
        warnings.append(ReadWarning(name, f"footnote {label[2:]} is cited by no "
                                    "paragraph (no marker [^N] for it)"))
    return warnings


def _stray(place: str, text: str, offset: int, message: str) -> ReadWarning:
    around = text[max(0, offset - 30):offset + 30].replace("\n", " ")
    return ReadWarning(place, (
        f"unbalanced bracket: {message} (near '{around}'); the paragraph is kept as "
        "written and the bracket counted as unbalanced"))


_ROMAN_NUMBER = lazy_compile(r"(?:[IVXLC]{1,7})\.\s")
"""A paragraph typed with a Roman numeral ("I. Takes note ..."): a number drafting does
not read as an operative paragraph's."""


def not_preambular(text: str) -> str:
    """Why a paragraph read as preambular may be something else, or "": one opening with
    a Roman numeral (operative paragraphs numbered so), or one holding several lines
    that each end as preambular paragraphs end (paragraphs joined by Shift+Enter)."""
    if _ROMAN_NUMBER.match(text) and (text.rstrip()[-1:] in CLOSING or
                                      len(text.split()) > TITLE_WORDS):  # no heading
        return (f"it opens with the number {text.split()[0]!r}: if the text numbers its "
                "operative paragraphs so, number them 1., 2., ... (or with Word's numbering)")
    lines = text.split("\n")
    if len(lines) > 1 and sum(line.rstrip().endswith(",") for line in lines[:-1]) > 1:
        return (f"its {len(lines)} lines each end with a comma, as preambular paragraphs "
                "do: if they are paragraphs of their own, separate them with Enter (a line "
                "break, Shift+Enter, keeps them one paragraph)")
    return ""
