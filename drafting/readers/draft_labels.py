"""The labels of a draft's paragraphs, once `drafting.readers.structure` has read them
all: numbered straight through (``OP5``) or within their sections (``3.1``, a treaty's
articles), an annex numbered on its own (``ANNEX.1``), and a label used twice refused
(or, for a list that Word numbers again, kept as other text)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from drafting.errors import ReaderError
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import Label
from drafting.readers.blocks import Block
from drafting.readers.lines import chapeau_like
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
    out = []
    for number, draft in enumerate(drafts, start=1):
        label = draft.label
        if (sectioned or annexed(draft.section)) and draft.section and \
                not label.section and label.kind is ParagraphKind.OPERATIVE:
            label = Label(label.prefix, label.number, label.suffix, draft.section)
        shown = str(label)
        if shown in seen and draft.automatic:  # a list numbered again from 1
            label = other()
            warnings.append(ReadWarning(draft.where, (
                f"Word's automatic numbering shows {shown} a second time (the list starts "
                f"again with no heading before it); kept as other text {label}. Put a "
                "heading (e.g. Annex) before it if its numbers start a new section")))
            shown = str(label)
        if shown in seen and unique:
            _several_drafts(blocks)
            first = seen[shown]
            raise ReaderError(f"{draft.where}: the label {shown} is used twice (first "
                              f"{'on' if first.startswith('line') else 'in'} {first}); "
                              "each paragraph needs its own")
        seen[shown] = draft.where.rsplit(", ", 1)[-1]
        text = draft.text if draft.options is None else "".join(
            f"[{option}]" for option in draft.options)
        out.append(Paragraph(f"p{number}", shown, label.kind, text, level=draft.level))
    return tuple(out)


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
