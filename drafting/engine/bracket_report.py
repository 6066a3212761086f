"""How many brackets are left: the headline measure of a negotiation's progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from drafting import brackets
from drafting.engine.article_choices import article_blocks, choice_names
from drafting.engine.option_brackets import bracketed_blocks
from drafting.model import Paragraph, ParagraphKind, ParagraphStatus
from drafting.model.closing_notes import closing_note
from drafting.model.document import label_key


@dataclass(frozen=True, slots=True)
class BracketCount:
    """The bracket pairs (nested included) left in one paragraph.

    ``previous`` is the count the same paragraph (by id) had in the previous
    revision: None when there is no previous revision or the paragraph is new.
    ``groups`` lists the choices still to make, as `drafting.brackets.groups`
    numbers them (0-based; people see them numbered from 1). ``unbalanced``
    counts the stray brackets (`drafting.brackets.faults`), which ``brackets``
    leaves out: ``Decides [to act]];`` has 1 bracket and 1 unbalanced. A bracketed
    option block ("[Option 1", its paragraphs, the last ending "...Parties.]") or
    article ("[Article 13 alt", its title, its paragraphs, the last ending "...]":
    `drafting.engine.option_brackets`) is one bracket, counted on its heading; neither
    of its two brackets is unbalanced. ``choice``, on the heading of an article that has
    alternatives set out after it and on each alternative's, lists how ``revise
    --choose`` names each ("13=original", "13=alt": `drafting.engine.article_choices`).
    """

    label: str
    brackets: int
    status: ParagraphStatus = ParagraphStatus.OPEN
    previous: int | None = None
    groups: tuple[brackets.BracketGroup, ...] = ()
    unbalanced: int = 0
    choice: tuple[str, ...] = ()

    @property
    def change(self) -> int | None:
        """Brackets gained (positive) or removed (negative) since the previous revision."""
        return None if self.previous is None else self.brackets - self.previous


@dataclass(frozen=True, slots=True)
class BracketReport:
    """Bracket pairs per paragraph, in text order, and their total; with the
    previous revision's figures when one was given."""

    paragraphs: tuple[BracketCount, ...]
    previous_label: str | None = None
    previous_total: int | None = None

    @property
    def total(self) -> int:
        """All bracket pairs left in the text."""
        return sum(count.brackets for count in self.paragraphs)

    @property
    def unbalanced(self) -> int:
        """All stray brackets in the text, counted apart from the pairs."""
        return sum(count.unbalanced for count in self.paragraphs)

    @property
    def change(self) -> int | None:
        """Brackets gained (positive) or removed (negative) in total since the previous
        revision; None without one."""
        return None if self.previous_total is None else self.total - self.previous_total

    def count_of(self, label: str) -> BracketCount | None:
        """The count of the paragraph shown as ``label`` (spelt as `Revision.by_label`
        accepts it: ``op 24`` finds ``OP24``), else of the heading of the article that
        ``label`` numbers where it has alternatives (``13``: "Article 13"), or None."""
        key = label_key(label)
        chosen = "".join(label.split()).casefold() + "="
        return next((c for c in self.paragraphs if label_key(c.label) == key), None) or \
            next((c for c in self.paragraphs if c.choice and c.choice[0].casefold(
            ).startswith(chosen)), None)

    def to_json(self) -> dict[str, Any]:
        """``{"total": N, "unbalanced": U, "previous": {"revision": label, "total": M} |
        null, "paragraphs": [{"label", "brackets", "unbalanced", "previous", "status",
        "groups", "choice"}]}``; each group is ``{"number": n (from 1), "alternatives":
        [...]}``; "choice" lists an article's choices (`BracketCount.choice`), or is []."""
        previous = (None if self.previous_total is None
                    else {"revision": self.previous_label, "total": self.previous_total})
        return {
            "total": self.total,
            "unbalanced": self.unbalanced,
            "previous": previous,
            "paragraphs": [
                {"label": c.label, "brackets": c.brackets, "unbalanced": c.unbalanced,
                 "previous": c.previous, "status": str(c.status),
                 "groups": [{"number": g.index + 1, "alternatives": list(g.alternatives)}
                            for g in c.groups],
                 "choice": list(c.choice)}
                for c in self.paragraphs
            ],
        }


def bracket_report(paragraphs: Iterable[Paragraph], *,
                   previous: Iterable[Paragraph] | None = None,
                   previous_label: str | None = None) -> BracketReport:
    """Count the bracket pairs in each paragraph. Deleted paragraphs count none.

    With ``previous`` (the paragraphs of the revision before), each count also
    carries the count its paragraph had there, matched by paragraph id, and the
    report the previous total. Stray brackets never raise: they are counted
    apart, as ``unbalanced``, and the pairs that do close are counted as usual.
    A bracketed option block counts as one bracket on its heading (`BracketCount`):
    pass the whole text, as a part of it may not hold both of a block's brackets. An
    editorial closing note ("[Adopted by a recorded vote ...]", other text) counts none.
    """
    before: dict[str, int] | None = None
    if previous is not None:
        earlier = list(previous)
        blocks = bracketed_blocks(earlier)
        before = {p.id: _count(p, i in blocks) for i, p in enumerate(earlier)}
    listed = list(paragraphs)
    blocks = bracketed_blocks(listed)
    choices = {indices[0]: choice_names(base, found)
               for base, found in article_blocks(listed).items() for indices in found.values()}
    counts = tuple(replace(_counted(p, None if before is None else before.get(p.id),
                                    i in blocks, i in blocks.values()),
                           choice=choices.get(i, ()))
                   for i, p in enumerate(listed))
    return BracketReport(counts, previous_label if before is not None else None,
                         None if before is None else sum(before.values()))


def _counted(paragraph: Paragraph, previous: int | None, opens: bool = False,
             closes: bool = False) -> BracketCount:
    """``paragraph``'s count; ``opens`` (or ``closes``) a bracketed option block: its
    stray bracket is the block's, one bracket counted on the heading that opens it."""
    if paragraph.status is ParagraphStatus.DELETED or _editorial(paragraph):
        return BracketCount(paragraph.label, 0, paragraph.status, previous)
    text, label = paragraph.text, paragraph.label
    strays = 0 if opens or closes else len(brackets.faults(text))
    return BracketCount(label, _count(paragraph, opens), paragraph.status,
                        previous, tuple(brackets.groups(text, paragraph=label)), strays)


def _count(paragraph: Paragraph, opens: bool = False) -> int:
    """``paragraph``'s bracket pairs, and one more if it ``opens`` an option block."""
    if paragraph.status is ParagraphStatus.DELETED or _editorial(paragraph):
        return 0
    return brackets.count(paragraph.text, paragraph=paragraph.label) + opens


def _editorial(paragraph: Paragraph) -> bool:
    """Whether ``paragraph`` is other text that is an editorial closing note ("[Adopted
    without a vote.]"): the editor's brackets, none of the negotiation's to count."""
    return paragraph.kind is ParagraphKind.OTHER and closing_note(paragraph.text)
