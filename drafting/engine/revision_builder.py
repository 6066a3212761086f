"""The paragraphs of a new revision built in order, before renumbering: each paragraph of
the revision revised with its bracket decisions and accepted amendments applied (or
deleted), the accepted new paragraphs placed among them, the headings numbered on
(`drafting.engine.heading_numbers`). `drafting.engine.revise` drives it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import replace

from drafting.characters import normalised
from drafting.engine.applied import (
    accepted_steps,
    decide_brackets,
    moot,
    options_added,
    refuse_together,
)
from drafting.engine.article_choices import article_ends, lifted, not_chosen
from drafting.engine.decisions import ArticleChoice, BracketDecision, Decisions
from drafting.engine.footnotes import retext
from drafting.engine.heading_numbers import headings_renumbered
from drafting.engine.known_edits import Step
from drafting.engine.new_sections import new_section
from drafting.engine.proposed_marks import born_marks, with_proposed_marks
from drafting.engine.sublists import relettered
from drafting.errors import AmendmentError, LabelError
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import (
    Amendment,
    AmendmentKind,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
)
from drafting.model.labels import Label, next_label, parse_label, section_of, sub_clause
from drafting.model.sections import heading_line, section_key, section_kind

_AGREED = (ParagraphStatus.AGREED, ParagraphStatus.AGREED_AD_REF)

class RevisionBuilder:
    """Builds the paragraphs of the new revision, in order, before renumbering."""

    def __init__(
        self,
        current: Revision,
        decisions: Decisions,
        accepted: list[Amendment],
        new_labels: dict[str, str],
    ) -> None:
        self.current = current
        self.decisions = decisions
        self.new_labels = new_labels
        self.sectioned = any(section_of(p.label) for p in current)
        self.emptied: list[str] = []
        self.reopened: list[str] = []
        self.moot: dict[str, str] = {}  # accepted, in an alternative not chosen
        self.shown: dict[str, str] = {}  # a new paragraph's label -> the compilation's
        self.was: dict[str, str] = {}  # id -> the label it had, where it was placed anew
        self.accepted: dict[str, list[Amendment]] = defaultdict(list)
        self.steps: dict[str, list[Step]] = {}  # how each paragraph's text was made
        for amendment in accepted:
            self.accepted[amendment.paragraph_id].append(amendment)
        self.choices: dict[str, list[BracketDecision]] = defaultdict(list)
        for decision in decisions.brackets:
            self.choices[decision.paragraph_id].append(decision)
        # an article chosen among its alternatives: the others' paragraphs go, and the
        # brackets around the one kept whole (its heading's "[", its last paragraph's "]")
        self.removed: dict[str, ArticleChoice] = {
            i: choice for choice in decisions.articles for i in choice.removed}
        lifts = [choice.lifted for choice in decisions.articles if choice.lifted]
        self.opens = {opens for opens, _ in lifts}
        self.closes = {closes for _, closes in lifts}
        self.ends = article_ends(current.paragraphs, decisions.articles)

    def build(self) -> tuple[list[Paragraph], list[str]]:
        refuse_together((p, self.accepted.get(p.id, [])) for p in self.current
                        if p.id not in self.removed)
        paragraphs: list[Paragraph] = []
        deleted: list[str] = []
        after: list[Paragraph] = []  # new paragraphs, held past the footnotes cited before
        held: tuple[str, str, int] | None = None  # and past the sub-clauses of their clause
        kept: list[tuple[int, list[Paragraph], str]] = []  # new articles, past the chosen
        for index, paragraph in enumerate(self.current):
            under = held is not None and _sub_clause(paragraph.label, held)
            if paragraph.kind is not ParagraphKind.FOOTNOTE and not under:
                self._place(after, paragraphs, following=paragraph)
                after, held = [], None
                kept = self._place_kept(kept, paragraphs, index)
            mine = self.accepted.get(paragraph.id, [])
            if (choice := self.removed.get(paragraph.id)) is not None:  # not chosen
                why = f"{not_chosen(choice, paragraph.id, paragraph.label)}; it has no effect"
                if article := self._new_article(paragraph, mine):
                    kept.append((self.ends[paragraph.id], article, why))
                taken = {p.id for p in article}
                self.moot.update((a.id, why) for a in mine if f"{a.id}.p" not in taken)
                deleted.append(paragraph.label)
                continue
            paragraphs.extend(self._born(paragraph, mine, before=True))
            revised = None if any(a.kind is AmendmentKind.DELETE_PARAGRAPH for a in mine) \
                else self._revised(paragraph, mine)
            if revised is not None and _wordless(revised.text) and not _wordless(
                    paragraph.text):  # every bracket dropped: no word left, a ";" at most
                self.emptied.append(paragraph.label)
                revised = None
            if revised is None:
                deleted.append(paragraph.label)
            else:
                paragraphs.append(revised)
            born = self._born(paragraph, mine)  # a paragraph's footnotes come first
            if under:  # a sub-clause's new ones before its clause's: 1.2.1 bis, 1.2 bis
                after = [*born, *after]
            elif born:
                after, held = [*after, *born], _family(paragraph.label)
        self._place(after, paragraphs, following=None)
        self._place_kept(kept, paragraphs, len(self.current.paragraphs))
        # "Article 4" after a new Article 4 is Article 5, its 4.1 5.1; after a deleted one, 3
        paragraphs, moved = headings_renumbered(list(self.current), paragraphs)
        was = {**moved, **self.was}  # a new paragraph by the label the compilation showed
        self.shown = {p.label: was[p.id] for p in paragraphs if was.get(p.id, p.label) != p.label}
        return _unique_labels(_in_family_order(paragraphs)), deleted

    def _place(self, born: list[Paragraph], paragraphs: list[Paragraph], *,
               following: Paragraph | None) -> None:
        """Add the new paragraphs ``born`` after ``paragraphs``: a new article where they
        open one after a section's last paragraph (`new_section`; ``following`` is the
        paragraph they stand before), else each a heading where it is one
        (`_as_heading`)."""
        closing = following is None or following.kind is ParagraphKind.HEADING or \
            section_of(following.label) != section_of(born[0].label) if born else False
        section = new_section(born, paragraphs, self.current.paragraphs) \
            if self.sectioned and closing else None
        for new, placed in zip(born, section or [None] * len(born), strict=True):
            placed = placed or self._as_heading(new, paragraphs) or new
            paragraphs.append(placed)
            self.was[placed.id] = new.label

    def _new_article(self, paragraph: Paragraph, accepted: list[Amendment]
                     ) -> list[Paragraph]:
        """The new paragraphs accepted after ``paragraph``, the last of an alternative not
        chosen, where the first opens a section ("Article 13 bis"): a new article, which
        stands on after the article chosen; [] for any other (they go with it)."""
        if paragraph.id not in self.ends:
            return []
        born = self._born(paragraph, accepted)
        return born if born and section_key(born[0].text) is not None else []

    def _place_kept(self, kept: list[tuple[int, list[Paragraph], str]],
                    paragraphs: list[Paragraph], index: int
                    ) -> list[tuple[int, list[Paragraph], str]]:
        """Add after ``paragraphs`` the new articles of ``kept`` (each with the index of
        the last paragraph of the article whose alternative it followed, and why it
        would be moot) whose article ends before ``index``, each as a section
        (`new_section`), or moot where it cannot be one; the others, still to place."""
        for end, born, why in kept:
            if end >= index:
                continue
            section = new_section(born, paragraphs, self.current.paragraphs)
            if section is None:  # "Article 13" again, say: it goes with its alternative
                self.moot.update((p.id.removesuffix(".p"), why) for p in born)
                continue
            for new, placed in zip(born, section, strict=True):
                paragraphs.append(placed)
                self.was[placed.id] = new.label
        return [item for item in kept if item[0] >= index]

    def _as_heading(self, born: Paragraph, before: list[Paragraph]) -> Paragraph | None:
        """A new paragraph a delegation typed as a heading that numbers itself ("B.
        Technology", proposed after OP3) as the heading it is, labelled after the last
        heading ``before`` it (``H3 bis``) and numbered with the headings; None for text,
        and in a text numbered by section (a new section would renumber its paragraphs)."""
        if self.sectioned or born.kind is ParagraphKind.HEADING or \
                not heading_line(born.text):
            return None
        headings = [p for p in reversed(before) if p.kind is ParagraphKind.HEADING]
        heading = headings[0] if headings else None
        kind = section_kind(born.text)  # "Article 2 Objective": at the articles' level
        alike = next((p for p in headings if kind and section_kind(p.text) == kind), heading)
        after = parse_label(heading.label) if heading is not None else Label("H", 0)
        taken = [p.label for p in before if p.label.startswith("H")]
        label = str(after) if after.number == 0 and str(after) not in taken \
            else next_label(str(after), taken)
        return replace(born, label=label, kind=ParagraphKind.HEADING, level=alike.level
                       if alike is not None else 1)

    def _revised(self, paragraph: Paragraph, accepted: list[Amendment]) -> Paragraph:
        """``paragraph`` with its bracket decisions and accepted amendments applied; agreed,
        it stays so unless the amendments change its text (the bracket decisions are
        settled with the agreement)."""
        choices = self.choices.get(paragraph.id, [])
        self.moot.update(gone := moot(paragraph, choices, accepted))
        accepted = [a for a in accepted if a.id not in gone]
        opened = options_added(paragraph, choices, accepted)
        steps = accepted_steps(paragraph, paragraph.text, opened) if opened else []
        added = steps[-1].after if steps else paragraph.text
        # an option an amendment adds is chosen: added first, then chosen
        settled = lifted(decide_brackets(retext(paragraph, added), choices),
                         opens=paragraph.id in self.opens, closes=paragraph.id in self.closes)
        accepted = [a for a in accepted if a.id not in {o.id for o in opened}]
        steps += [Step(added, settled, cut=True),
                  *accepted_steps(paragraph, settled, accepted)]
        self.steps[paragraph.id] = steps
        text = steps[-1].after
        status = self.decisions.agreed.get(paragraph.id, paragraph.status)
        if status in _AGREED and text != settled:
            self.reopened.append(paragraph.label)
            status = ParagraphStatus.OPEN
        if text != paragraph.text:  # a deleted last word leaves no space behind it
            text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
            text = relettered(paragraph.text, text, between=True)  # the next items move on
            text = normalised(text)  # NFC, as every text is kept (a mark recorded on its own)
        return with_proposed_marks(retext(replace(paragraph, status=status), text), accepted)

    def _born(self, paragraph: Paragraph, accepted: list[Amendment], *,
              before: bool = False) -> list[Paragraph]:
        """The accepted new paragraphs after ``paragraph`` (or before it: a new first one)."""
        born: dict[str, Paragraph] = {}
        for amendment in accepted:
            if amendment.kind is AmendmentKind.NEW_PARAGRAPH and amendment.precedes == before:
                label = self.new_labels[amendment.id]
                kind = paragraph.kind  # after a heading: what its label says (OP2 bis)
                if kind is ParagraphKind.HEADING:
                    with suppress(LabelError):
                        kind = parse_label(label).kind
                text = amendment.new_text.strip()
                born.setdefault(label, Paragraph(f"{amendment.id}.p", label, kind, text,
                                                 marks=born_marks(text, amendment)))
        return list(born.values())


def refuse_too_long(paragraphs: list[Paragraph],
                     accepted: Mapping[str, list[Amendment]]) -> None:
    """AmendmentError naming a paragraph the accepted amendments make longer than a
    paragraph may be: the revision could not be read back (`show -o`, `import`)."""
    for paragraph in paragraphs:
        if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
            ids = [a.id for a in accepted.get(paragraph.id, [])
                   if a.kind is not AmendmentKind.NEW_PARAGRAPH] or [
                paragraph.id.removesuffix(".p")]  # an accepted new paragraph: "A3.p"
            raise AmendmentError(
                f"{paragraph.label}: the accepted amendments ({', '.join(ids)}) make it "
                f"{len(paragraph.text):,} characters long, more than the "
                f"{MAX_PARAGRAPH_CHARS:,} a paragraph may have (see \"Input limits\" in the "
                f"README); nothing was issued: reopen one (drafting decide {ids[0]} reopen "
                "--note \"...\")")


def _wordless(text: str) -> bool:
    """Whether ``text`` holds no letter or digit (nothing, or punctuation alone)."""
    return not any(char.isalnum() for char in text)


def _in_family_order(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Each run of neighbours of one family (OP5, OP5 bis, and OP5 ter proposed after OP5)
    in label order, as the compilation showed them."""
    out: list[Paragraph] = []
    run: list[tuple[Label, Paragraph]] = []
    for paragraph in [*paragraphs, None]:
        label = None
        if paragraph is not None:
            with suppress(LabelError):
                label = parse_label(paragraph.label)
        if run and (label is None or label.family != run[0][0].family):
            out.extend(p for _, p in sorted(run, key=lambda pair: pair[0]))
            run = []
        if label is not None:
            run.append((label, paragraph))
        elif paragraph is not None:
            out.append(paragraph)
    return out


def _family(label: str) -> tuple[str, str, int] | None:
    """The family of ``label`` (`Label.family`), None for a label that does not parse."""
    try:
        return parse_label(label).family
    except LabelError:
        return None


def _sub_clause(label: str, family: tuple[str, str, int]) -> bool:
    """Whether ``label`` numbers a sub-clause of the clause ``family`` (`sub_clause`)."""
    try:
        return sub_clause(parse_label(label), family)
    except LabelError:
        return False



def _unique_labels(paragraphs: list[Paragraph]) -> list[Paragraph]:
    seen: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.label in seen:
            raise AmendmentError(f"two paragraphs would both be {paragraph.label}")
        seen.add(paragraph.label)
    return paragraphs
