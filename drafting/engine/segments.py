"""The merged form: one paragraph as a list of segments, every proposal in place.

Merge produces it; every writer (compilation Markdown, text, HTML, Word) renders
it. A paragraph's segments are, in text order:

- ``Text``: words nobody proposes to change;
- ``Change``: one proposal (or identical proposals from several delegations)
  with the words it deletes, the words it inserts and its proponents;
- ``Alternatives``: where proposals overlap (or a delegation asked to retain
  the text): the original words with who wants them kept, then each option
  with its proponents - shown as one bracket ``[submit / present (EU)]``.

Joining ``Text``, ``Change.deleted`` and ``Alternatives.original`` gives the
paragraph as it stands (`original_text`); a paragraph with no ``Alternatives``
can be accepted whole (`accepted_text`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeAlias

from drafting.model import Amendment, Mark, Paragraph


@dataclass(frozen=True, slots=True)
class Credit:
    """Who stands behind a proposal: proponents (in order of first submission),
    supporters, the amendment ids it merges, and their reasons (non-empty ones)."""

    proponents: tuple[str, ...]
    amendments: tuple[str, ...]
    supporters: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Text:
    """Unchanged words."""

    text: str


@dataclass(frozen=True, slots=True)
class Change:
    """An attributed change: ``deleted`` words out, ``inserted`` words in.

    An insertion has ``deleted == ""``, a deletion ``inserted == ""``. A request
    to bracket a span has ``bracket=True`` and ``inserted == "[" + deleted + "]"``; one to
    lift a bracket has ``lift=True``, ``deleted == "[" + inserted + "]"``
    (`drafting.brackets.lifted`): its brackets are struck, its words stay. ``marks``:
    the formatting its proponents typed ``inserted`` in (`Amendment.marks`).
    """

    deleted: str
    inserted: str
    credit: Credit
    bracket: bool = False
    lift: bool = False
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True)
class Option:
    """One alternative in a bracket: the words as this proposal would have them."""

    text: str
    credit: Credit
    marks: tuple[Mark, ...] = ()
    """The formatting its proponents typed ``text`` in (`Amendment.marks`): over a whole
    paragraph's words (a new paragraph, an alternative), or over the words one proposes
    in a bracket of alternatives (offsets in ``text``, which the paragraph's own words
    around them may open); () where they typed them plain."""


@dataclass(frozen=True, slots=True)
class Alternatives:
    """Overlapping proposals on the same words, shown as one bracket.

    ``original`` is the current text of the whole overlapping stretch (empty
    where the proposals are competing insertions at one point), ``retained_by``
    the delegations that asked to keep the text, and ``options`` each
    proposal's version of the stretch, in submission order.
    """

    original: str
    retained_by: tuple[str, ...]
    options: tuple[Option, ...]


Segment: TypeAlias = Text | Change | Alternatives


@dataclass(frozen=True, slots=True)
class Amended:
    """Amendments to one proposal (sub-amendments), shown under it: the words it proposes
    (``text``) with every amendment to them in place, merged as a paragraph's are."""

    of: Credit
    """The proposal amended: its proponents and amendment ids."""
    text: str
    segments: tuple[Segment, ...]

    def credits(self) -> Iterator[Credit]:
        """The credit of each amendment to the proposal."""
        yield from _segment_credits(self.segments)


@dataclass(frozen=True, slots=True)
class MergedParagraph:
    """An existing paragraph with every proposal on it in place.

    ``deletion`` credits those who propose deleting the whole paragraph,
    ``alternatives`` are whole new formulations (shown as ``OP7 Alt``), and
    ``retains`` credits those who asked to keep the text as it is.
    """

    paragraph: Paragraph
    segments: tuple[Segment, ...]
    deletion: Credit | None = None
    alternatives: tuple[Option, ...] = ()
    retains: Credit | None = None
    amended: tuple[Amended, ...] = ()
    """Amendments to the proposals on this paragraph, one `Amended` per proposal."""


@dataclass(frozen=True, slots=True)
class NewParagraph:
    """A proposed new paragraph, in place after the one it follows (``OP5 bis``), or
    before a first paragraph (``OP0`` before OP1)."""

    label: str
    after: str
    """The label of the paragraph it follows."""
    text: str
    credit: Credit
    amended: tuple[Amended, ...] = ()
    """Amendments to this proposal (at most one `Amended`)."""
    before: str = ""
    """The label of the paragraph it stands before, for a new first paragraph of the text
    or of a series (``OP0`` before OP1: `drafting.engine.series`); "" for one that follows
    ``after``."""
    marks: tuple[Mark, ...] = ()
    """The formatting its proponents typed ``text`` in (`Amendment.marks`)."""


Entry: TypeAlias = MergedParagraph | NewParagraph


@dataclass(frozen=True, slots=True)
class StaleAmendment:
    """An amendment the merge could not place, and why (never silently dropped)."""

    amendment: Amendment
    reason: str


COMPILED_ON = "compilation of proposals on the"
"""What the compilation's subtitle says between the symbol and the revision's label
("A/C.2/81/L.7 — compilation of proposals on the Zero draft"): every writer writes it
(`Compilation.subtitle`), and the Word reader knows a compilation sent back by it."""

COMPARED = "comparison of revisions:"
"""What a comparison of two revisions (`drafting diff`) says in its subtitle instead
("A/C.2/81/L.7 — comparison of revisions: Zero draft to Rev.1"): it shows what changed
between them, no proposals."""

WORD_LEGEND = ("Insertions in bold underline, deletions struck through, proponents in bold "
               "parentheses; [ / ] alternatives not agreed.")
"""The line under the subtitle of the compilation in Word, saying how it marks proposals;
the Word reader knows a compilation sent back by it too."""


@dataclass(frozen=True, slots=True)
class Compilation:
    """A whole text with every proposal in place: what every writer renders.

    ``entries`` run in text order, new paragraphs after the one they follow.
    ``front_matter``, ``after_title`` and ``chapeau`` are the revision's own (see
    `Revision`): writers show them as they are, the front matter before the title, the
    lines after the title after it and the chapeau before the first entry, never with a
    proposal or a label.
    """

    symbol: str
    title: str
    revision: str
    entries: tuple[Entry, ...]
    stale: tuple[StaleAmendment, ...] = ()
    front_matter: tuple[str, ...] = ()
    chapeau: str = ""
    comparison: bool = False
    """Whether it compares two revisions (``revision``: "Zero draft to Rev.1",
    `drafting.engine.diff`) rather than compiling proposals on one."""
    after_title: tuple[str, ...] = ()

    @property
    def what(self) -> str:
        """"compilation of proposals on the Zero draft", or for a comparison
        "comparison of revisions: Zero draft to Rev.1"."""
        return f"{COMPARED if self.comparison else COMPILED_ON} {self.revision}"

    @property
    def subtitle(self) -> str:
        """"A/C.2/81/L.7 — compilation of proposals on the Zero draft" (`what`)."""
        return f"{self.symbol} \u2014 {self.what}"

    def credits(self) -> Iterator[Credit]:
        """Every credit in the text, in order. Each stands for one proposal: the
        amendments it names proposed the same thing."""
        for entry in self.entries:
            if isinstance(entry, NewParagraph):
                yield entry.credit
            else:
                yield from _segment_credits(entry.segments)
                yield from (c for c in (entry.deletion, entry.retains) if c is not None)
                yield from (option.credit for option in entry.alternatives)
            for amended in entry.amended:
                yield from amended.credits()


def _segment_credits(segments: Iterable[Segment]) -> Iterator[Credit]:
    for segment in segments:
        if isinstance(segment, Change):
            yield segment.credit
        elif isinstance(segment, Alternatives):
            yield from (option.credit for option in segment.options)


def original_text(segments: Iterable[Segment]) -> str:
    """The paragraph as it stands, every proposal rejected."""
    return "".join(_original(segment) for segment in segments)


def accepted_text(segments: Iterable[Segment]) -> str:
    """The paragraph with every change accepted.

    Raises ValueError on ``Alternatives``: a conflict has no single outcome.
    """
    return "".join(_accepted(segment) for segment in segments)


def _original(segment: Segment) -> str:
    if isinstance(segment, Text):
        return segment.text
    if isinstance(segment, Change):
        return segment.deleted
    return segment.original


def _accepted(segment: Segment) -> str:
    if isinstance(segment, Text):
        return segment.text
    if isinstance(segment, Change):
        return segment.inserted
    raise ValueError("a bracket of alternatives has no single accepted text; choose an option")
