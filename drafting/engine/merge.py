"""Merge: every proposal on a text, in place, credited - the compilation's substance.

``merge(document, amendments)`` puts each amendment on the current revision
(mapping older ones through the text's changes, or setting them aside as stale
with the reason) and returns a `Compilation` of segments that every writer
renders. Identical proposals (the same text made, however typed:
`drafting.engine.equivalent`) become one change credited to all; proposals on
overlapping words become one bracket of alternatives; an insertion at the edge
of another's deletion stands beside it. Nothing is dropped: each amendment is
credited exactly once in the result, or listed as stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from contextlib import suppress
from dataclasses import replace

from drafting.brackets import lifted
from drafting.characters import visible
from drafting.engine.anchoring import rebase
from drafting.engine.proposed_marks import born_marks
from drafting.engine.segments import (
    Alternatives,
    Amended,
    Change,
    Compilation,
    Credit,
    Entry,
    MergedParagraph,
    NewParagraph,
    Option,
    Segment,
    StaleAmendment,
    Text,
)
from drafting.engine.subamend import accepted_made, split
from drafting.engine.units import Unit, clusters, units
from drafting.errors import LabelError, StaleError
from drafting.lazy_re import lazy_compile
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    Mark,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
    next_label,
    parse_label,
)
from drafting.model.amendment import SPAN_KINDS
from drafting.model.labels import Label, sub_clause
from drafting.model.marks import normalised, shifted, within


def submission_order(amendment: Amendment) -> tuple[float, str, tuple[str | int, ...]]:
    """Sort key: submission time, then the first proponent's code, then the id, its
    numbers read as numbers (A2 before A10: one file's amendments in the file's order)."""
    when = amendment.submitted_at
    stamp = when.timestamp() if when is not None else float("-inf")
    return (stamp, amendment.proponents[0] if amendment.proponents else "",
            _id_key(amendment.id))


_FIGURES = lazy_compile(r"(\d+)")


def _id_key(amendment_id: str) -> tuple[str | int, ...]:
    """``amendment_id`` in pieces, text at even places and numbers at odd ones:
    ``A12`` -> ``("A", 12, "")``."""
    head, figures = amendment_id[:1], amendment_id[1:]
    if figures.isdecimal() and not head.isdecimal():  # the usual A12, at once
        return (head, int(figures), "")
    pieces = _FIGURES.split(amendment_id)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(pieces))


def select(
    amendments: Iterable[Amendment],
    *,
    delegations: Collection[str] | None = None,
    statuses: Collection[AmendmentStatus] | None = (AmendmentStatus.SUBMITTED,),
) -> list[Amendment]:
    """The amendments to merge: by default those still submitted.

    ``delegations`` keeps only amendments one of whose proponents is listed;
    ``statuses=None`` keeps every status.
    """
    return [
        a
        for a in amendments
        if (statuses is None or a.status in statuses)
        and (delegations is None or any(code in delegations for code in a.proponents))
    ]


def merge(
    document: Document, amendments: Iterable[Amendment], *, revision: str | None = None
) -> Compilation:
    """Put ``amendments`` on ``revision`` (default: the current one) of ``document``.

    Amendments made against an earlier revision are mapped onto this one; those
    whose words changed meanwhile, whose paragraph is gone, or whose revision is
    unknown come back in ``Compilation.stale`` with the reason. Raises
    ValueError for a document with no such revision.
    """
    target = _target(document, revision)
    plain, nested = accepted_made(*split(sorted(amendments, key=submission_order)))
    placed, stale = place(document, target, plain)
    by_paragraph: dict[str, list[Amendment]] = defaultdict(list)
    for amendment in placed:
        by_paragraph[amendment.paragraph_id].append(amendment)
    entries: list[Entry] = [
        merge_paragraph(paragraph, by_paragraph.get(paragraph.id, [])) for paragraph in target
    ]
    parsed = [_label(entry) for entry in entries]
    kin = [None if label is None else label.family for label in parsed]  # read once
    families: dict[tuple[str, str, int], list[str]] = defaultdict(list)
    for label in parsed:
        if label is not None:
            families[label.family].append(str(label))
    paragraphs = list(target)
    openings = _section_openings(paragraphs) if any(
        p.kind is ParagraphKind.HEADING and p.id in by_paragraph for p in paragraphs) else {}
    for index, paragraph in enumerate(paragraphs):
        proposed = by_paragraph.get(paragraph.id, [])
        if any(a.precedes for a in proposed):  # before a first paragraph: OP0, PP0
            _lead(entries, parsed, kin, paragraph, _leading(paragraph, proposed, families))
        opening = openings.get(index) if proposed else None
        if opening is not None:  # after a heading: the section's new first paragraph
            guess = index + len(entries) - len(paragraphs)  # the new ones so far are before
            _open_section(entries, parsed, kin, paragraph, opening,
                          families[opening.family], proposed, guess)
            continue
        family = _family(paragraph.label, families)
        for new in _new_paragraphs(paragraph, proposed, family):
            family.append(new.label)
            wanted = parse_label(new.label)
            slot = _slot(parsed, wanted, kin)
            entries.insert(slot, new)
            parsed.insert(slot, wanted)
            kin.insert(slot, wanted.family)
    if nested:
        entries, stale = _amended(entries, placed, nested, stale)
    return Compilation(document.symbol, document.title, target.label, tuple(entries), tuple(stale),
                       front_matter=target.front_matter, chapeau=target.chapeau,
                       after_title=target.after_title)


def merge_paragraph(paragraph: Paragraph, amendments: Sequence[Amendment]) -> MergedParagraph:
    """One paragraph with its amendments (already on its text, in submission order)
    in place. New-paragraph proposals are left to `merge`, which places them."""
    of_kind: dict[AmendmentKind, list[Amendment]] = defaultdict(list)
    for amendment in amendments:
        of_kind[amendment.kind].append(amendment)
    retains = _credit(of_kind[AmendmentKind.RETAIN])
    retained_by = _codes(retains) if retains else ()
    spans = [a for a in amendments if a.kind in SPAN_KINDS]
    return MergedParagraph(
        paragraph,
        _segments(paragraph.text, units(paragraph.text, spans), retained_by, paragraph.marks),
        deletion=_credit(of_kind[AmendmentKind.DELETE_PARAGRAPH]),
        alternatives=_options(of_kind[AmendmentKind.ALTERNATIVE]),
        retains=retains,
    )


def _amended(entries: list[Entry], placed: list[Amendment], nested: list[Amendment],
             stale: list[StaleAmendment]) -> tuple[list[Entry], list[StaleAmendment]]:
    """``entries`` with the amendments to their proposals (``nested``) under each proposal;
    an amendment whose proposal is not in the compilation (stale, decided, or left out)
    is listed stale, saying so."""
    parents = {a.id: a for a in placed}
    gone = {item.amendment.id: item.reason for item in stale}
    mine: dict[str, list[Amendment]] = defaultdict(list)
    stale = list(stale)
    for amendment in nested:
        if amendment.amends in parents:
            mine[amendment.amends].append(amendment)
        else:
            why = "is stale" if amendment.amends in gone else "is not among the pending " \
                "proposals compiled (decided, withdrawn, or left out)"
            stale.append(StaleAmendment(amendment, f"it amends {amendment.amends}, which {why}"))
    result: list[Entry] = []
    for entry in entries:
        amended = []
        for credit in _proposal_credits(entry):
            subs = [a for i in credit.amendments for a in mine.get(i, [])]
            if subs:
                text = parents[credit.amendments[0]].new_text
                amended.append(Amended(credit, text, _segments(text, units(text, subs), ())))
        result.append(replace(entry, amended=tuple(amended)) if amended else entry)
    return result, stale


def _proposal_credits(entry: Entry) -> list[Credit]:
    """The credits of the proposals in ``entry`` that propose words of their own."""
    if isinstance(entry, NewParagraph):
        return [entry.credit]
    found = [segment.credit for segment in entry.segments if isinstance(segment, Change)]
    found += [option.credit for segment in entry.segments
              if isinstance(segment, Alternatives) for option in segment.options]
    return found + [option.credit for option in entry.alternatives]


def _target(document: Document, label: str | None) -> Revision:
    target = document.current if label is None else document.revision(label)
    if target is None:
        wanted = "any revision" if label is None else f"a revision '{label}'"
        raise ValueError(f"{document.symbol} has no {wanted}")
    return target


def place(
    document: Document, target: Revision, amendments: Iterable[Amendment]
) -> tuple[list[Amendment], list[StaleAmendment]]:
    """Each amendment moved onto ``target``'s text, or set aside as stale with
    the reason; the order given is kept."""
    placed: list[Amendment] = []
    stale: list[StaleAmendment] = []
    for amendment in amendments:
        try:
            placed.append(_on_target(document, target, amendment))
        except StaleError as error:
            stale.append(StaleAmendment(amendment, error.message))
    return placed, stale


def _on_target(document: Document, target: Revision, amendment: Amendment) -> Amendment:
    made_on = document.revision(amendment.revision)
    if made_on is None:
        raise StaleError(f"it was made against '{amendment.revision}', which this text never had")
    before = made_on.by_id(amendment.paragraph_id)
    now = target.by_id(amendment.paragraph_id)
    if before is None or now is None or now.status is ParagraphStatus.DELETED:
        raise StaleError(f"its paragraph is no longer in the {target.label}")
    if amendment.span is not None and before.text[amendment.span.start:amendment.span.end] != (
        amendment.old_text if amendment.kind is not AmendmentKind.INSERT else ""
    ):
        raise StaleError("the words it quotes are not where it says in the text it was made on")
    if made_on is target:
        return amendment
    return rebase(amendment, before.text, now.text, target.label)


def _segments(text: str, units: list[Unit], retained_by: tuple[str, ...],
              own: Sequence[Mark] = ()) -> tuple[Segment, ...]:
    """``text`` cut into the words kept and the changes proposed (``units``); ``own``:
    its formatting, which the options of a bracket keep on the words they keep."""
    segments: list[Segment] = []
    cursor = 0
    for cluster in clusters(units):
        start = cluster[0].start
        end = max(u.end for u in cluster)
        if start > cursor:
            segments.append(Text(text[cursor:start]))
        segments.append(_conflict(text, cluster, start, end, retained_by, own))
        cursor = end
    if cursor < len(text) or not segments:
        segments.append(Text(text[cursor:]))
    return tuple(s for s in segments if not (isinstance(s, Text) and not s.text))


def _conflict(
    text: str, cluster: list[Unit], start: int, end: int, retained_by: tuple[str, ...],
    own: Sequence[Mark] = (),
) -> Segment:
    if len(cluster) == 1 and not retained_by:
        unit = cluster[0]
        return Change(text[start:end], unit.new_text, _credit(unit.amendments), unit.bracket,
                      lift=lifted(text[start:end], unit.new_text), marks=unit.marks)
    versions: dict[str, list[Amendment]] = {}
    marks: dict[str, tuple[Mark, ...]] = {}  # each option's words as its proponents typed
    for unit in sorted(cluster, key=lambda u: submission_order(u.amendments[0])):
        version = _spliced(text[start:unit.start], unit.new_text, text[unit.end:end])
        versions.setdefault(version, []).extend(unit.amendments)
        if not marks.get(version):
            marks[version] = _option_marks(own, unit, start, end, len(version))
    options = tuple(Option(version, _credit(group), marks.get(version, ()))
                    for version, group in versions.items())
    return Alternatives(text[start:end], retained_by, options)


def _option_marks(own: Sequence[Mark], unit: Unit, start: int, end: int,
                  length: int) -> tuple[Mark, ...]:
    """The marks of the option ``unit`` makes of ``start:end`` of a text marked ``own``
    (``length`` characters long, `_spliced`): the text's own on the words it keeps around
    the proponents' words ("*Recalling* the decision"), theirs on those."""
    lead, typed = unit.start - start, len(unit.new_text)
    kept = length - lead - typed  # what stands after the proponents' words
    return normalised([*within(own, start, unit.start), *shifted(unit.marks, lead),
                       *shifted(within(own, end - kept, end), lead + typed)], length)


def _spliced(before: str, words: str, after: str) -> str:
    """An alternative's text: ``words`` put between ``before`` and ``after``, one space
    where a deletion leaves two ("a  high-level meeting" for "one-day" struck out of "a
    one-day high-level meeting" reads "a high-level meeting")."""
    if not words and before.endswith(" ") and after.startswith(" "):
        after = after[1:]
    return before + words + after


def _options(amendments: list[Amendment]) -> tuple[Option, ...]:
    """Whole-paragraph texts (alternatives, new paragraphs), identical ones merged: the
    same as a reader sees them (`drafting.characters.visible`), shown as the first has it."""
    by_text: dict[str, tuple[str, list[Amendment]]] = {}
    for amendment in amendments:
        text = amendment.new_text.strip()
        by_text.setdefault(visible(text), (text, []))[1].append(amendment)
    return tuple(Option(text, _credit(group), next(
        (marks for a in group if (marks := born_marks(text, a))), ()))
        for text, group in by_text.values())


def _new_paragraphs(
    paragraph: Paragraph, amendments: list[Amendment], family: list[str]
) -> list[NewParagraph]:
    """The new paragraphs proposed after ``paragraph``, labelled after those of its
    ``family`` (the labels sharing its prefix and number)."""
    proposals = [a for a in amendments
                 if a.kind is AmendmentKind.NEW_PARAGRAPH and not a.precedes]
    new: list[NewParagraph] = []
    for option in _options(proposals):
        label = next_label(paragraph.label, [*family, *(n.label for n in new)])
        new.append(NewParagraph(label, paragraph.label, option.text, option.credit,
                                marks=option.marks))
    return new


def _section_openings(paragraphs: Sequence[Paragraph]) -> dict[int, Label]:
    """For each heading (by index), the label its new paragraphs are numbered after:
    they are the text's paragraphs, not headings, and open its section. They follow the
    last paragraph of the series the section's first paragraph is in (``OP2`` before
    "II. ...", whose first is ``OP3``: ``OP2 bis``), or start it (``3.0`` in Article 3,
    whose first is ``3.1``); at the end of the text they follow its last paragraph. A
    heading in a text of headings alone has none. One pass each way, however many."""
    labels: list[Label | None] = [None] * len(paragraphs)
    for k, paragraph in enumerate(paragraphs):
        if paragraph.kind not in (ParagraphKind.HEADING, ParagraphKind.FOOTNOTE):
            with suppress(LabelError):
                labels[k] = parse_label(paragraph.label)
    following: list[Label | None] = [None] * len(paragraphs)
    ahead: Label | None = None
    for k in range(len(paragraphs) - 1, -1, -1):
        following[k] = ahead
        ahead = labels[k] or ahead
    openings: dict[int, Label] = {}
    last: dict[tuple[str, str], Label] = {}  # the last label of each series so far
    behind: Label | None = None
    for k, paragraph in enumerate(paragraphs):
        if (label := labels[k]) is not None:
            last[(label.prefix, label.section)] = behind = label
        elif paragraph.kind is ParagraphKind.HEADING:
            first = following[k]
            if first is None:
                if behind is not None:
                    openings[k] = behind
            else:
                openings[k] = last.get((first.prefix, first.section),
                                       Label(first.prefix, 0, 0, first.section))
    return openings


def _open_section(entries: list[Entry], parsed: list[Label | None],
                  kin: list[tuple[str, str, int] | None], heading: Paragraph, after: Label,
                  family: list[str], proposed: list[Amendment], guess: int) -> None:
    """The new paragraphs proposed after ``heading`` (at ``guess`` in ``entries``, or
    looked for), numbered after ``after`` (in its ``family``) and put right after the
    heading, each after those before it."""
    if not (0 <= guess < len(entries) and isinstance(found := entries[guess], MergedParagraph)
            and found.paragraph is heading):
        guess = next(k for k, e in enumerate(entries)
                     if isinstance(e, MergedParagraph) and e.paragraph is heading)
    at = guess + 1
    proposals = [a for a in proposed if a.kind is AmendmentKind.NEW_PARAGRAPH and not a.precedes]
    for option in _options(proposals):
        label = str(after) if after.number == 0 and str(after) not in family \
            else next_label(str(after), family)
        family.append(label)
        wanted = parse_label(label)
        entries.insert(at, NewParagraph(label, heading.label, option.text, option.credit,
                                        marks=option.marks))
        parsed.insert(at, wanted)
        kin.insert(at, wanted.family)
        at += 1


def _lead(entries: list[Entry], parsed: list[Label | None],
          kin: list[tuple[str, str, int] | None], first: Paragraph,
          leading: list[NewParagraph]) -> None:
    """Put ``leading`` (`_leading`) right before ``first``, the paragraph they precede."""
    at = next(k for k, e in enumerate(entries)
              if isinstance(e, MergedParagraph) and e.paragraph is first)
    entries[at:at] = leading
    parsed[at:at] = labels = [parse_label(new.label) for new in leading]
    kin[at:at] = [label.family for label in labels]


def _leading(first: Paragraph, proposed: list[Amendment],
             families: dict[tuple[str, str, int], list[str]]) -> list[NewParagraph]:
    """The new paragraphs proposed before ``first`` (the text's first paragraph, or a
    series' first: `drafting.engine.series`), in order: numbered 0 in its series (``PP0``,
    then ``PP0 bis``; ``OP0`` before OP1), so that a revision numbers them first. They
    follow no paragraph of theirs (``after`` ""); ``before`` names ``first``."""
    try:
        own = parse_label(first.label)
    except LabelError:
        own = Label("T", 1)
    base = Label(own.prefix, 0, 0, own.section)
    family = families[base.family]
    new: list[NewParagraph] = []
    for option in _options([a for a in proposed if a.precedes]):
        label = str(base) if str(base) not in family else next_label(family[-1], family)
        family.append(label)
        new.append(NewParagraph(label, "", option.text, option.credit, before=first.label,
                                marks=option.marks))
    return new


def _family(label: str, families: dict[tuple[str, str, int], list[str]]) -> list[str]:
    """The labels of ``label``'s family (OP5, OP5 bis, ...); [] for a label that does not
    parse (no new paragraph can be numbered after it)."""
    try:
        parsed = parse_label(label)
    except LabelError:
        return []
    return families[parsed.family]


def _slot(parsed: list[Label | None], wanted: Label,
          kin: list[tuple[str, str, int] | None]) -> int:
    """Where a new paragraph goes among entries with labels ``parsed`` (of families
    ``kin``): after the last of its family that sorts before it (OP5, OP5 bis, here:
    OP5 ter), which the paragraph it follows is; or after its sub-clauses (`sub_clause`)."""
    family = wanted.family
    for index in range(len(parsed) - 1, -1, -1):
        if kin[index] == family and (other := parsed[index]) is not None and other < wanted:
            return _past_sub_clauses(parsed, index + 1, family)
    return len(parsed)


def _past_sub_clauses(parsed: list[Label | None], at: int, family: tuple[str, str, int]) -> int:
    """``at``, or past the footnotes and the sub-clauses of the clause ``family`` that
    stand right there (and theirs): PP2 bis goes after PP2's footnote, which follows the
    paragraph citing it, and 1.2 bis after 1.2.1 (`sub_clause`)."""
    end = at
    for index in range(at, len(parsed)):
        other = parsed[index]
        if other is None or (other.prefix != "FN" and not sub_clause(other, family)):
            break
        end = index + 1
    return end


def _label(entry: Entry) -> Label | None:
    label = entry.label if isinstance(entry, NewParagraph) else entry.paragraph.label
    try:
        return parse_label(label)
    except LabelError:
        return None


def _credit(amendments: Sequence[Amendment]) -> Credit | None:
    """One credit for identical proposals: proponents in order of first
    submission, supporters who are not already proponents, every reason."""
    if not amendments:
        return None
    proponents = _unique(code for a in amendments for code in a.proponents)
    supporters = _unique(c for a in amendments for c in a.supporters if c not in proponents)
    reasons = _unique(a.reason for a in amendments if a.reason)
    return Credit(proponents, tuple(a.id for a in amendments), supporters, reasons)


def _codes(credit: Credit) -> tuple[str, ...]:
    return credit.proponents + credit.supporters


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
