"""The labels of a draft's paragraphs, once `drafting.readers.structure` has read them
all: numbered straight through (``OP5``) or within their sections (``3.1``, a treaty's
articles), an annex numbered on its own (``ANNEX.1``, also where it types "1.1", "1.2.1"),
and a label used twice refused (or, for a list that Word numbers again, kept as other
text); and the limits a text's blocks are checked against before it is read."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from drafting.engine.sublists import follows
from drafting.errors import ReaderError
from drafting.limits import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, too_long, too_many_paragraphs
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import Label
from drafting.model.sections import option_named, unread_heading
from drafting.readers.blocks import Block
from drafting.readers.decisions import closes_with_decision
from drafting.readers.lines import (
    DECIMAL,
    SUBPARAGRAPH,
    bracketed_label,
    chapeau_like,
    lettered_label,
    split_label,
)
from drafting.readers.result import ReadWarning


@dataclass(slots=True)
class DraftParagraph:
    """A paragraph as the structure reads it, before its label is settled."""

    label: Label
    text: str
    where: str
    level: int = 0
    section: str = ""
    options: list[str] | None = None
    automatic: bool = False
    """Numbered by the word processor, not typed."""
    bracketed: bool = False
    """Its number typed in brackets: "(2) "."""
    lettered: bool = False
    """Its number a letter typed in brackets, as a decision's items: "(b) "."""
    recital: bool = False
    """A numbered recital of a European Union act ("(1) ..." after "Whereas:")."""
    list: str = ""
    """The word processor's list its number counts in, if automatic."""
    sublist: str = ""
    """Another list whose items are its lines ("List Number 2" after "Calls upon:")."""


def labelled_paragraphs(drafts: Sequence[DraftParagraph], blocks: Sequence[Block],
                        warnings: list[ReadWarning], other: Callable[[], Label], *,
                        unique: bool = True) -> tuple[Paragraph, ...]:
    """The paragraphs of ``drafts`` with their labels settled; ``other`` gives the next
    other text's label. ReaderError for a label used twice, with ``unique``."""
    sectioned = numbered_by_section(drafts)
    seen: dict[str, str] = {}
    first_at: dict[str, int] = {}
    heading: tuple[int, str] = (-1, "")  # the last heading read, and where
    out = []
    for number, draft in enumerate(drafts, start=1):
        label = draft.label
        if label.kind is ParagraphKind.HEADING:
            heading = (number, draft.text)
        if draft.section and (sectioned or annexed(draft.section)) and \
                not label.section and label.kind is ParagraphKind.OPERATIVE:
            label = Label(label.prefix, label.number, label.suffix, draft.section)
        shown = str(label)
        if shown in seen and draft.automatic:  # a list numbered again from 1
            label = other()
            after = heading[1] if heading[0] > first_at[shown] else None
            warnings.append(ReadWarning(draft.where, _again(shown, label, after)))
            shown = str(label)
        if shown in seen and unique:
            _several_drafts(blocks)
            first = seen[shown].rsplit(", ", 1)[-1]
            raise ReaderError(f"{draft.where}: the label {shown} is used twice (first "
                              f"{'on' if first.startswith('line') else 'in'} {first}); "
                              "each paragraph needs its own" + _mixed(
                                  drafts[first_at[shown] - 1], draft, first)
                              + _unread(drafts[first_at[shown]:number - 1])
                              + _option_lines(drafts[:first_at[shown] - 1],
                                              drafts[first_at[shown]:number - 1]))
        seen[shown] = draft.where  # its place in it, said only if used twice
        first_at[shown] = number
        text = draft.text if draft.options is None else "".join(
            f"[{option}]" for option in draft.options)
        out.append(Paragraph(f"p{number}", shown, label.kind, text, level=draft.level))
    return tuple(out)


def _mixed(first: DraftParagraph, second: DraftParagraph, where: str) -> str:
    """Advice where one of two paragraphs with one label is numbered by Word's list and
    the other types its number: Word's numbers count on apart from the typed ones."""
    if not first.automatic or second.automatic:  # a list's own repeats: other text
        return ""
    return (f": Word numbers {where} itself (a list), while the other types its number, "
            "so the two count apart. If Word's numbered paragraphs are sub-items of the "
            "paragraph before them, give them letters ((a), (b)) or indent them a level; "
            "else number every paragraph the same way")


def _unread(between: Sequence[DraftParagraph]) -> str:
    """Advice where a line between two paragraphs with one label reads like a section
    heading not known (`unread_heading`): the likely cause, its numbers counting on."""
    for draft in between:
        if unread_heading(draft.text):
            return (f". The line {draft.text.strip()!r} ({draft.where.rsplit(', ', 1)[-1]}) "
                    "reads like a section heading whose number is not in a form known "
                    "here, so the paragraphs after it count in the section before; write "
                    "it as e.g. \"Article 1 bis\", \"Статья 1 бис\", \"المادة 1 مكررا\" "
                    "or \"第一条之二\"")
    return ""


def _option_lines(before: Sequence[DraftParagraph],
                  between: Sequence[DraftParagraph]) -> str:
    """Advice where an option's line of its own ("Option 2") stands between two
    paragraphs with one label: the line before them naming the same option ("Option 1",
    then "Option 01"), else how its block of paragraphs is read, and how to type it."""
    for draft in between:
        if (named := option_named(draft.text)) is None:
            continue
        same = next((d for d in reversed(before) if option_named(d.text) == named), None)
        if same is not None:
            return (f". The option lines {same.text.strip()!r} "
                    f"({same.where.rsplit(', ', 1)[-1]}) and {draft.text.strip()!r} "
                    f"({draft.where.rsplit(', ', 1)[-1]}) both name Option {named} (an "
                    "option's number is read as a number, in whatever digits: 01 is 1); "
                    "give each option a number of its own")
        return (f". The option line {draft.text.strip()!r} "
                f"({draft.where.rsplit(', ', 1)[-1]}) heads paragraphs numbered from 1 "
                "again: such a block is read as a section of its own only where a "
                "numbered paragraph follows each option line (or a title in a heading "
                "style, then one); else number the options' paragraphs on (1., 2., "
                "3.), or type each option in one paragraph (\"Option 2: ...\")")
    return ""


def _again(shown: str, label: Label, heading: str | None) -> str:
    """The warning for a paragraph Word numbers ``shown`` a second time, read as ``label``:
    after no heading, or after the ``heading`` that gives its section no number."""
    if heading is None:
        return (f"Word's automatic numbering shows {shown} a second time (the list starts "
                f"again with no heading before it); kept as other text {label}. Put a "
                "heading (e.g. Annex) before it if its numbers start a new section")
    return (f"Word's automatic numbering shows {shown} a second time (the list starts "
            f"again after the heading {heading.strip()!r}, which numbers no section, as "
            f"\"Article 2\" would); kept as other text {label}. Number the headings "
            "(e.g. \"Article 2\") if their lists start again")


def _several_drafts(blocks: Sequence[Block]) -> None:
    """ReaderError naming them where the text holds several drafts, each with its own
    chapeau (a committee's report: "Draft resolution I", "Draft resolution II")."""
    chapeaus = [b for b in blocks if b.text and chapeau_like(b.text)]
    if len(chapeaus) > 1:
        raise ReaderError(
            f"{chapeaus[1].where}: a second chapeau ({chapeaus[1].text.strip()!r}): the "
            f"file holds {len(chapeaus)} drafts, each with its own paragraphs (a report "
            "with draft resolutions I, II, ...); import each draft as a document of its "
            "own, from a file holding only it")


def numbered_by_section(drafts: Sequence[DraftParagraph]) -> bool:
    """Whether operative numbers start again in each section (a treaty's articles).
    An annex's own numbering (a resolution's annex counting from 1 again) is the
    annex's: the text before it, numbered straight through, keeps ``OP5``."""
    sections: dict[tuple[int, int], set[str]] = {}
    for draft in drafts:
        if draft.label.kind is ParagraphKind.OPERATIVE and not annexed(draft.section):
            key = (draft.label.number, draft.label.suffix)
            sections.setdefault(key, set()).add(draft.section)
    return any(len(found) > 1 for found in sections.values())


def annexed(section: str) -> bool:
    """Whether ``section`` is an annex's or an appendix's (``ANNEX I``), numbered on its own."""
    return section.startswith(("ANNEX", "APPENDIX"))


def check_limits(blocks: list[Block], name: str) -> None:
    """LimitError naming ``name`` (and the block's place and label) if ``blocks`` are
    more than a document may hold or one is longer than a paragraph may be."""
    if len(blocks) > MAX_PARAGRAPHS:
        raise too_many_paragraphs(name, len(blocks))
    for block in blocks:
        if len(block.text) > MAX_PARAGRAPH_CHARS:
            raise too_long(labelled(block.where, block.text), len(block.text))


def labelled(where: str, text: str) -> str:
    """``where`` with the label ``text`` opens with, if any: ``eu.docx, paragraph 31 (OP3)``.
    Only the start of ``text`` is read."""
    label, _, _ = split_label(text[:200].lstrip())
    return f"{where} ({label})" if label is not None else where


def annex_decimal(text: str, section: str, *, mixed: bool, count: int,
                  other: Callable[[], Label]) -> tuple[Label | None, str]:
    """The label of a paragraph of the annex ``section`` whose ``text`` opens with a
    number on several levels ("1.1", "1.2.1"), which a label cannot hold (and "1.1" is
    no paragraph of Article 1), and why, for a warning: the annex's next (``ANNEX.3``,
    after ``count`` of its paragraphs), or ``other`` text where the annex also numbers
    paragraphs on one level ("1.", ``mixed``). Its typed number stays its text, which a
    revision does not renumber. (None, "") for any other text."""
    if not DECIMAL.match(text.lstrip("[")):
        return None, ""
    found = other() if mixed else Label("OP", count + 1, 0, section)
    why = (", other text (the annex numbers other paragraphs 1., 2., ...)" if mixed
           else f", a paragraph of {section} numbered in order (and so the next ones)")
    return found, (f"paragraph numbered {text.lstrip('[').split(maxsplit=1)[0]!r} in "
                   f"{section}: read as {found}{why}, its typed number kept as its text, "
                   "which a revision does not renumber")


def bracketed_paragraph(text: str, host: DraftParagraph | None,
                        series: DraftParagraph | None = None, *,
                        decision: bool = False) -> tuple[Label, int] | None:
    """The label of a paragraph whose number is typed in brackets, "(2) " or "2) ", and
    the length of that number; None where the number is a sub-paragraph's. It is a
    paragraph's when it goes on from the paragraph before (``host``), itself numbered so
    ("(2)" or "(1bis)" after "(1)"), or starts a series ("(1)") after a heading or a
    preambular paragraph that does not end with ":", or ends with the decision formula
    ("decided:", `closes_with_decision`) (after an operative paragraph, or a line
    introducing a list, it is the list's). After a paragraph so numbered that does
    not end with ":", a number not below its own opens one too: the same again, as a
    delegation's copy types a new item "(3)" before the "(3)" it has not renumbered, or
    one further on, as a copy deleting an item leaves the numbers (but not the next
    item of the list of that paragraph's lines: "(2)" after its line "(1) ..."). After
    other text (items a copy left after its new "(3)"), the paragraph before that
    numbered so (``series``) stands in for ``host``.

    A decision's items lettered "(a)", "(b)" (`lettered_label`: ``OP1``, ``OP2``) are
    read alike, but start a series only right after the decision formula: first after a
    chapeau that is a decision's opening (``decision``: "The General Assembly
    decides:"), or after a preambular paragraph ending with the formula; "(i)" after a
    lettered paragraph ending with ":" is its list's first item, not the letter i. A
    letter twice ("(aa)", ``OP27``) is an item only right after the one before ("(z)")."""
    found = bracketed_label(text)
    lettered = found is None and (found := lettered_label(text)) is not None
    if found is None:
        return None
    label = found[0]
    if host is not None and host.label.kind is ParagraphKind.OTHER and series is not None:
        host = series  # lines read as other text ("(a)" after a new "(3)"): the series'
    last = (host.options[-1] if host.options else host.text).rstrip() if host else ""
    listing = last.endswith((":", "\uff1a"))  # "Calls upon States:": a list follows
    if host is not None and (host.bracketed or (host.automatic and host.lettered)):
        if lettered != host.lettered or (lettered and listing):  # "(i)" of its list
            return None
        before = host.label
        goes_on = (label.number == before.number and label.suffix > before.suffix) or \
            (label.number == before.number + 1 and not label.suffix)
        again = (label.number, label.suffix) >= (before.number, before.suffix) and \
            not listing and not _next_item(last, text) and \
            not (lettered and label.number > _LETTERS)  # "(ii)" is no item past "(z)"
        return found if goes_on or again else None
    if lettered:
        starts = decision if host is None else (  # "Decides:" alone is other text
            host.label.kind in BEFORE_ITEMS and closes_with_decision(last))
    else:
        starts = host is None or host.label.kind is ParagraphKind.HEADING or (
            host.label.kind is ParagraphKind.PREAMBULAR and not listing) or (
            host.label.kind in BEFORE_ITEMS and closes_with_decision(last))
    return found if (label.number, label.suffix) == (1, 0) and starts else None


def joined_item(text: str, label: Label | None) -> str | None:
    """The letter ("(b)") of the first line of ``text`` (a Word paragraph's, its lines on
    manual line breaks) that opens a decision's item of its own: the next letter after
    the item ``label`` the paragraph is ("(b)" in the paragraph "(a) ...", ``OP1``), or
    the first, "(a)", after a line ending with the decision formula ("... decides:");
    None for none."""
    lines = text.split("\n")
    for before, line in pairwise(lines):
        found = lettered_label(line)
        if found is None:
            continue
        number, suffix = found[0].number, found[0].suffix
        if (number, suffix) == (1, 0) and closes_with_decision(before):
            return line[:found[1]].strip()
        listing = before.rstrip().endswith((":", "\uff1a"))  # "(i)" after "(h) To request:"
        if label is not None and not listing and (number, suffix) == (label.number + 1, 0):
            return line[:found[1]].strip()
        return None  # the paragraph's own list: "(a)" under "To request:"
    return None


BEFORE_ITEMS = (ParagraphKind.PREAMBULAR, ParagraphKind.OTHER)
"""What a paragraph ending with the decision formula is, before a decision's items: a
preambular paragraph ("Having considered ..., decides:"), or the formula alone, other
text ("Decides:", `drafting.readers.formulas`)."""
_LETTERS = 26
"""The items a single letter numbers: the next, "(aa)", only after "(z)"."""


def _next_item(text: str, typed: str) -> bool:
    """Whether the number ``typed`` opens with is the next item after the last line of
    ``text`` (a paragraph with lines), "(2)" after "(1) ..."."""
    lines = text.split("\n")
    last, this = SUBPARAGRAPH.match(lines[-1]), SUBPARAGRAPH.match(typed)
    return len(lines) > 1 and last is not None and this is not None and \
        follows(last.group().strip(), this.group().strip())
