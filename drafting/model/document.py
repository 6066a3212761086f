"""A negotiation text: the document, its revisions and their paragraphs."""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from drafting.model.marks import Mark


class ParagraphKind(StrEnum):
    """What a paragraph is in the structure of a resolution."""

    PREAMBULAR = "preambular"
    """PP: opens with a participle ("Recalling ..."), ends with a comma."""
    OPERATIVE = "operative"
    """OP: numbered, opens with a verb ("Decides ..."), ends with a semicolon."""
    HEADING = "heading"
    """A title or section heading."""
    OTHER = "other"
    """Anything else kept in the text (an unnumbered line after the operative ones)."""
    FOOTNOTE = "footnote"
    """A footnote (FN1, FN2, ...): its text, cited in a paragraph by the marker ``[^1]``."""


class ParagraphStatus(StrEnum):
    """How far negotiators are with a paragraph."""

    OPEN = "open"
    AGREED_AD_REF = "agreed ad ref"
    """Agreed subject to confirmation by capitals."""
    AGREED = "agreed"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as it stands in one revision.

    ``id`` is stable across revisions; ``label`` (``PP2``, ``OP5 bis``, ``H1``)
    is only how the paragraph is shown today and may change when a revision
    renumbers. ``text`` is the paragraph without its label; it may hold line
    breaks (sub-paragraphs ``(a)``, ``(b)``). ``level`` is the heading level
    (1 for a title) and is 0 for every other kind. ``marks`` are the text's inline
    formatting (italic, bold, ...: `drafting.model.marks`), sorted and merged.
    """

    id: str
    label: str
    kind: ParagraphKind
    text: str
    status: ParagraphStatus = ParagraphStatus.OPEN
    level: int = 0
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Revision:
    """An immutable snapshot of the text: "Zero draft", "Rev.1", ...

    ``label_table`` maps the labels of the previous revision to this one's
    (``{"OP4 bis": "OP5", "OP5": "OP6"}``); it only lists labels that changed.

    ``front_matter`` holds the lines that stand before the title and the chapeau
    (organ and symbol, "Distr.: Limited", date, session, agenda item, the sponsors
    line "Fiji and Samoa: draft resolution"), one string per line, and ``chapeau``
    the line that opens the paragraphs ("The General Assembly,"; "" when there is
    none). Both are kept and written back as they are: never negotiated, never
    labelled. ``after_title`` holds the lines that stand between the title and the
    chapeau where the document puts some there ("Preamble", as conventions of the ILO,
    UNESCO and the Council of Europe head their preamble; the sponsors line the World
    Health Assembly puts under the title), kept in that place. Writers put them in this
    order: front matter, the document's title, the lines after it, the chapeau, then the
    paragraphs.
    """

    label: str
    paragraphs: tuple[Paragraph, ...]
    created_at: datetime | None = None
    label_table: tuple[tuple[str, str], ...] = ()
    front_matter: tuple[str, ...] = ()
    chapeau: str = ""
    after_title: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[Paragraph]:
        return iter(self.paragraphs)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def by_label(self, label: str) -> Paragraph | None:
        """The paragraph shown as ``label`` (``op 5  BIS`` finds ``OP5 bis``), or None."""
        return _index_of(self)[1].get(label_key(label))

    def by_id(self, paragraph_id: str) -> Paragraph | None:
        """The paragraph with stable id ``paragraph_id``, or None."""
        return _index_of(self)[0].get(paragraph_id)


_Index = tuple[dict[str, Paragraph], dict[str, Paragraph]]
_INDEXES: dict[int, tuple[weakref.ref[Revision], _Index]] = {}
"""Each live revision's paragraphs by id and by label key, made on its first lookup:
thousands of amendments look up their paragraph among hundreds. Keyed by ``id()``; an
entry goes when its revision does."""


def _index_of(revision: Revision) -> _Index:
    key = id(revision)
    found = _INDEXES.get(key)
    if found is not None and found[0]() is revision:
        return found[1]
    ids: dict[str, Paragraph] = {}
    labels: dict[str, Paragraph] = {}
    for paragraph in revision.paragraphs:  # the first of each, as a search from the start
        ids.setdefault(paragraph.id, paragraph)
        labels.setdefault(label_key(paragraph.label), paragraph)
    index = (ids, labels)
    _INDEXES[key] = (weakref.ref(revision, lambda _, key=key: _INDEXES.pop(key, None)), index)
    return index


@dataclass(frozen=True, slots=True)
class Document:
    """A negotiation text, known by its ``symbol`` (``A/C.2/80/L.12`` or any slug).

    ``revisions`` run oldest first; the last one is the current text.
    """

    symbol: str
    title: str = ""
    revisions: tuple[Revision, ...] = field(default=())

    @property
    def current(self) -> Revision | None:
        """The latest revision, or None for a document with none yet."""
        return self.revisions[-1] if self.revisions else None

    def revision(self, label: str) -> Revision | None:
        """The revision called ``label`` as a negotiator reads it (``rev.1``, `` Rev.1 ``
        find ``Rev.1``: see `revision_key`), or None."""
        wanted = revision_key(label)
        return next((r for r in self.revisions if revision_key(r.label) == wanted), None)


def revision_key(label: str) -> str:
    """What two spellings of one revision label share: case, surrounding spaces and runs
    of spaces are not significant (``Rev.1``, ``rev.1 `` and ``REV.1`` are one label)."""
    return " ".join(label.split()).casefold()


def revision_label_problem(label: str) -> str | None:
    """Why ``label`` cannot name a revision, or None: it is empty, or it has spaces around
    it or doubled, which nobody reads (``'Rev.1 '`` would stand beside ``Rev.1``)."""
    tidy = " ".join(label.split())
    if not tidy:
        return "a revision needs a label (e.g. Zero draft, Rev.1)"
    if tidy != label:
        return (f"the revision label {label!r} has spaces around it or doubled; "
                f"write it {tidy!r}")
    return None


def label_key(label: str) -> str:
    """What two spellings of one label share: ``op 5  BIS``, ``OP5bis`` and ``5 bis`` ->
    ``5bis`` (an operative paragraph may be named by its number alone). ``OP5.21``
    keeps its prefix: a bare ``5.21`` is paragraph 21 of section 5."""
    key = "".join(label.split()).casefold()
    bare = key.startswith("op") and key[2:3].isdigit() and "." not in key
    return key[2:] if bare else key
