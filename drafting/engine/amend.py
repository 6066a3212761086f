"""From what a delegation asks to an `Amendment` placed on one revision.

A `Proposal` holds one request in the words of the JSON submission and the
``drafting amend`` options; `draft_amendment` finds the paragraph and the
quoted words (`locate`), checks the change and builds the `Amendment`;
`apply` gives a paragraph's text with one span amendment made.
Quoted text is matched exactly; when it is missing only by case, spacing or
typographic quotes and dashes, the error says where the near miss is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from drafting import brackets
from drafting.characters import describe, keyboard_spaces, on_screen, shows_nothing
from drafting.engine.insert_spaces import spaced_fields
from drafting.engine.new_words import refuse_disguise
from drafting.engine.option_brackets import closing_note
from drafting.engine.series import before_refusal
from drafting.errors import (
    AmbiguousText,
    AmendmentError,
    LabelError,
    StaleError,
    TextNotFound,
    excerpt,
)
from drafting.limits import (
    MAX_BRACKET_DEPTH,
    MAX_PARAGRAPH_CHARS,
    bracket_depth,
    nested_too_deep,
)
from drafting.lookalikes import as_shown
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Paragraph, Revision, Span
from drafting.model.document import ParagraphStatus
from drafting.model.labels import Label, parse_label

_K = AmendmentKind
_CONTEXT = 25  # characters shown either side of each occurrence of ambiguous text
_SHOWN = 300  # characters of a paragraph shown under "text not found"
_LIKE = {"'": "'‘’‛′", '"': '"“”„″', "-": "-‐‑‒–—―−"}  # typographic look-alikes
_PLAIN = str.maketrans({c: plain for plain, group in _LIKE.items() for c in group})


@dataclass(frozen=True, slots=True)
class Proposal:
    """What a delegation asks for one paragraph, in the words of the JSON submission
    and the ``drafting amend`` options. Exactly one action is set.

    ``paragraph`` is the label as written (``op 2 bis`` is fine). ``replace`` goes
    with ``with_``; ``insert`` with exactly one of ``after`` / ``before`` (the text
    it goes next to); ``new_paragraph`` is a paragraph after ``paragraph``, or before it
    with ``place_before`` (only the text's first paragraph, or a series' first, OP1 after
    the preambular ones, takes one before it: `drafting.engine.series`).
    ``occurrence`` (1-based) says which occurrence of the quoted text is meant,
    for the kinds that quote text (replace, delete, insert, bracket). ``spaced`` puts one
    space where an insertion would run into the quoted words (`insert_spaces`).
    """

    paragraph: str
    replace: str | None = None
    with_: str | None = None
    delete: str | None = None
    insert: str | None = None
    after: str | None = None
    before: str | None = None
    new_paragraph: str | None = None
    place_before: bool = False
    delete_paragraph: bool = False
    alternative: str | None = None
    retain: bool = False
    bracket: str | None = None
    occurrence: int | None = None
    reason: str = ""
    supporters: tuple[str, ...] = ()
    spaced: bool = False

    @property
    def kind(self) -> AmendmentKind:
        """The action asked for. Raises AmendmentError for none or several, ``with_``
        without ``replace`` (or the reverse), an insertion without exactly one of
        ``after``/``before`` (or those without an insertion), and an ``occurrence``
        on a kind that quotes no text."""
        where = f"{self.paragraph}: "
        actions = {_K.REPLACE: self.replace, _K.DELETE: self.delete, _K.INSERT: self.insert,
                   _K.NEW_PARAGRAPH: self.new_paragraph, _K.ALTERNATIVE: self.alternative,
                   _K.BRACKET: self.bracket, _K.DELETE_PARAGRAPH: self.delete_paragraph or None,
                   _K.RETAIN: self.retain or None}
        chosen = [kind for kind, value in actions.items() if value is not None]
        if len(chosen) > 1:
            raise AmendmentError(where + f"the proposal asks for {' and '.join(chosen)} at "
                                 "once; make each its own proposal")
        kind = chosen[0] if chosen else None
        if (kind is _K.REPLACE) != (self.with_ is not None):
            raise AmendmentError(where + "'replace' and 'with' go together: say which text to "
                                 "replace and what to put in its place")
        if (kind is _K.INSERT) != (self.after is not None or self.before is not None):
            raise AmendmentError(where + "'after' and 'before' only place an insertion; an "
                                 "insertion needs one of them")
        if kind is None:
            raise AmendmentError(where + "the proposal asks for nothing; give one of replace, "
                                 "delete, insert, new paragraph, delete paragraph, "
                                 "alternative, retain or bracket")
        if self.place_before and kind is not _K.NEW_PARAGRAPH:
            raise AmendmentError(where + "only a new paragraph is placed before a paragraph; "
                                 f"a {kind} proposal acts on the paragraph itself")
        if self.after is not None and self.before is not None:
            raise AmendmentError(where + "an insertion goes after some text or before it; "
                                 "give one of 'after' and 'before', not both")
        if self.occurrence is not None and kind not in SPAN_KINDS:
            raise AmendmentError(where + f"an occurrence number only picks quoted text; a "
                                 f"{kind} proposal quotes none")
        return kind


def locate(text: str, quoted: str, *, occurrence: int | None = None, paragraph: str = "") -> Span:
    """Where ``quoted`` occurs in ``text``: an exact, case-sensitive match, or, where there
    is none, one that reads the same on the screen: a space of the quote may stand for a
    no-break or fixed-width space of the text (typed on a keyboard, "25 September" quotes
    a draft's "25<no-break>September"), and the text may hold invisible characters (a
    zero-width space, a soft hyphen) that the quote leaves out.

    Occurrences may overlap (``aa`` occurs twice in ``aaa``); without ``occurrence``, a
    quote found once as whole words is that one ("sources" in "resources from all
    sources"). Raises AmendmentError for empty ``quoted`` or an ``occurrence`` out of
    range, TextNotFound (with a hint if it differs only by case, spacing or typographic
    quotes) and AmbiguousText when it occurs more than once (as whole words or not) and
    ``occurrence`` is None. Messages start with ``paragraph``.
    """
    where = f"{paragraph}: " if paragraph else ""
    if not quoted:
        raise AmendmentError(where + "the quoted text is empty; quote the words you mean")
    found = [(s, s + len(quoted)) for s in _starts(text, quoted)]
    if not found and on_screen(text) != text:  # "25 September" quotes 25<no-break>...
        found = _seen_spans(text, quoted)
    if not found:
        raise _not_found(text, quoted, where)
    if occurrence is None and len(found) > 1 and len(whole := _whole_words(text, found)) == 1:
        return Span(*whole[0])  # "sources", not the end of "resources"
    if occurrence is None and len(found) > 1:
        lines = [f"  {n}: {_context(text, s, e)}" for n, (s, e) in enumerate(found, 1)]
        raise AmbiguousText(where + f"{_show(quoted)} occurs {len(found)} times; say which "
                            f"with an occurrence number (1 to {len(found)})",
                            details="\n".join(lines))
    number = 1 if occurrence is None else occurrence
    if not 1 <= number <= len(found):
        times = "once" if len(found) == 1 else f"{len(found)} times"
        raise AmendmentError(where + f"{_show(quoted)} occurs {times}; there is no occurrence "
                             f"{_number(number)} (occurrences are numbered 1 to {len(found)})")
    return Span(*found[number - 1])


def _whole_words(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in ``found`` that do not start or end inside a word of ``text``."""
    return [(start, end) for start, end in found
            if not (start > 0 and text[start - 1].isalnum() and text[start].isalnum())
            and not (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())]


def _seen_spans(text: str, quoted: str) -> list[tuple[int, int]]:
    """Where ``quoted`` stands in ``text`` as a reader sees both (`characters.on_screen`:
    invisible characters left out, every space a space): found in linear time, as `_starts`
    finds, then given back as places in ``text``."""
    visible = [i for i, char in enumerate(text) if not shows_nothing(char)]
    wanted = on_screen(quoted)
    if not wanted:
        return []
    shown = keyboard_spaces("".join(text[i] for i in visible))
    return [(visible[s], visible[s + len(wanted) - 1] + 1) for s in _starts(shown, wanted)]


def _starts(text: str, quoted: str) -> list[int]:
    """Where ``quoted`` starts in ``text``, every occurrence, overlapping ones too."""
    starts = []
    found = text.find(quoted)
    while found != -1:
        starts.append(found)
        found = text.find(quoted, found + 1)
    return starts


def draft_amendment(revision: Revision, proposal: Proposal, *, id: str, proponents: Sequence[str],
                    submitted_by: str = "", submitted_at: datetime | None = None,
                    delegations: Collection[str] = ()) -> Amendment:
    """Build the Amendment that ``proposal`` asks for, against ``revision``.

    The paragraph is found by label (case and spacing forgiven) and must not be
    deleted. Span kinds record the quoted words (for an insertion: the empty
    span at the insertion point, and the quoted text as ``anchor``/``old_text``);
    the text they leave must have balanced brackets or, in a paragraph that
    already has stray brackets, no stray bracket it did not have. A new
    paragraph or an alternative is stripped of surrounding whitespace and must
    be non-empty and balanced (an alternative may keep as many stray brackets as
    the paragraph has). ``proponents`` may be one code as a string. Raises AmendmentError
    (or TextNotFound / AmbiguousText) naming the paragraph and what to do, also for a
    text longer than a paragraph may be (`drafting.limits.MAX_PARAGRAPH_CHARS`) or whose
    brackets nest deeper (`drafting.limits.MAX_BRACKET_DEPTH`); a refusal naming the "]"
    that closes a bracketed option block says so (`drafting.engine.option_brackets`).
    New words are checked by `drafting.engine.new_words.refuse_disguise` (``delegations``:
    the codes no tag in them may credit words to; a new paragraph cites no footnote).
    """
    _check_lengths(proposal)
    kind = proposal.kind
    codes = (proponents,) if isinstance(proponents, str) else tuple(proponents)
    if not codes or not all(code.strip() for code in codes):
        raise AmendmentError(f"{proposal.paragraph}: a proposal needs at least one proponent "
                             "delegation (and no blank codes)")
    target = _paragraph(revision, proposal.paragraph)
    try:
        fields = _whole(kind, proposal, target) if kind not in SPAN_KINDS else draft_span(
            kind, proposal, target)
    except AmendmentError as refused:  # "Parties.]" quoted where "]" closes an option
        if type(refused) is AmendmentError and \
                (note := closing_note(revision.paragraphs, target, refused.message)):
            raise AmendmentError(f"{refused}; {note}", details=refused.details) from refused
        raise
    if proposal.place_before:
        _refuse_before(revision, target)
        fields["span"] = Span(0, 0)
    span = fields["span"] if kind in SPAN_KINDS else None
    refuse_disguise(target.label, fields["new_text"], target.text, delegations=delegations,
                    at=None if span is None else span.start,
                    end=None if span is None else span.end,
                    kept="" if kind is _K.INSERT else fields["old_text"], own=codes,
                    cites="" if kind is _K.NEW_PARAGRAPH else None)
    fields = spaced_fields(fields, target.text, proposal)  # once its words are checked
    return Amendment(id=id, kind=kind, paragraph_id=target.id, revision=revision.label,
                     proponents=codes, supporters=tuple(proposal.supporters),
                     reason=proposal.reason, submitted_by=submitted_by,
                     submitted_at=submitted_at, **fields)


def _check_lengths(proposal: Proposal) -> None:
    for name in ("replace", "with_", "delete", "insert", "after", "before", "new_paragraph",
                 "alternative", "bracket", "reason"):
        text, what = getattr(proposal, name), f"the text of '{name.rstrip('_')}'"
        if text is not None and len(text) > MAX_PARAGRAPH_CHARS:
            raise AmendmentError(
                f"{proposal.paragraph[:40]}: {what} has "
                f"{len(text):,} characters, more than the {MAX_PARAGRAPH_CHARS:,} a paragraph "
                "may have (see \"Input limits\" in the README); shorten it")
        if text is not None and (depth := bracket_depth(text)) > MAX_BRACKET_DEPTH:
            raise AmendmentError(f"{proposal.paragraph[:40]}: {nested_too_deep(what, depth)}; "
                                 "take out the brackets that stand inside others")


def apply(text: str, amendment: Amendment) -> str:
    """``text`` with a span amendment (replace, delete, insert, bracket) made.

    ``text`` must be the paragraph as the amendment saw it: StaleError if the
    quoted words (the anchor, for an insertion) are no longer at their span.
    AmendmentError for a whole-paragraph kind: those have no span to apply.
    """
    span = amendment.span
    if amendment.kind not in SPAN_KINDS or span is None:
        raise AmendmentError(f"a {amendment.kind} amendment acts on the whole paragraph; "
                             "there is no span to apply")
    quoted = amendment.anchor if amendment.kind is _K.INSERT else span
    if quoted is None or text[quoted.start:quoted.end] != amendment.old_text:
        raise StaleError(f"the text {_show(amendment.old_text)} is no longer at characters "
                         f"{span.start} to {span.end}; the amendment was made against "
                         f"{amendment.revision}")
    return text[:span.start] + amendment.new_text + text[span.end:]


def _paragraph(revision: Revision, label: str) -> Paragraph:
    """The paragraph labelled ``label``: ``op 2`` finds OP2, ``OP5  BIS`` finds OP5 bis."""
    found = revision.by_label(label)
    if found is None:
        wanted = _parsed(label)
        labels = [p.label for p in revision]
        alike = [x for x in labels if wanted and (_parsed(x) or wanted).prefix == wanted.prefix]
        shown = alike or labels
        some = ", ".join(shown[:8]) + (f" and {len(shown) - 8} more" if len(shown) > 8 else "")
        raise AmendmentError(f"{label}: there is no such paragraph in {revision.label}; "
                             f"it has {some or 'no paragraphs'}")
    if found.status is ParagraphStatus.DELETED:
        raise AmendmentError(f"{found.label}: the paragraph is deleted in {revision.label}; "
                             "propose a new paragraph instead")
    return found


def _refuse_before(revision: Revision, target: Paragraph) -> None:
    """A new paragraph goes before the text's first paragraph or the first of a series
    (`drafting.engine.series`); elsewhere it follows the one before."""
    refusal = before_refusal(list(revision), target, revision.label)
    if refusal is not None:
        raise AmendmentError(refusal)


def draft_span(kind: AmendmentKind, proposal: Proposal, target: Paragraph) -> dict[str, Any]:
    """The span fields (span, anchor, old and new text) of a span ``proposal`` on the text of
    ``target``, checked: the quoted words found, brackets left balanced."""
    text, label, number = target.text, target.label, proposal.occurrence
    anchor = None
    if kind is _K.INSERT:
        old = proposal.after if proposal.after is not None else proposal.before
        anchor = locate(text, old or "", occurrence=number, paragraph=label)
        point = anchor.end if proposal.after is not None else anchor.start
        span, old, new = Span(point, point), text[anchor.start:anchor.end], proposal.insert or ""
        if not new:
            raise AmendmentError(f"{label}: the insertion is empty; give the text to insert")
        if not on_screen(new):
            raise AmendmentError(f"{label}: inserting {_named(new)} changes nothing a "
                                 "reader sees (it holds only characters that show nothing); give "
                                 "the words to insert")
    else:
        old = {_K.REPLACE: proposal.replace, _K.DELETE: proposal.delete}.get(kind, proposal.bracket)
        span = locate(text, old or "", occurrence=number, paragraph=label)
        old = text[span.start:span.end]  # the paragraph's own words, its spaces as they are
        new = {_K.REPLACE: proposal.with_ or "", _K.DELETE: ""}.get(kind, f"[{old}]")
    if kind is _K.REPLACE and new in (old, ""):
        raise AmendmentError(f"{label}: replacing {_show(old)} with " + (
            "the same text changes nothing; give the new wording" if new
            else "nothing is a deletion; propose it as a deletion"))
    if kind is _K.DELETE and not on_screen(old):
        raise AmendmentError(f"{label}: deleting {_named(old)} changes nothing a reader "
                             "sees (it holds only characters that show nothing); give the words "
                             "to delete")
    if kind is _K.REPLACE and as_shown(new) == as_shown(old):
        raise AmendmentError(f"{label}: replacing {_show(old)} with {_show(new)} changes "
                             "nothing a reader sees (they differ only in characters that "
                             "look alike or show nothing); give the new wording")
    if kind is _K.BRACKET and text[span.start - 1:span.start] + text[span.end:span.end + 1] \
            == "[]" and _balanced(old):
        raise AmendmentError(f"{label}: {_show(old)} is already in brackets")
    _check_brackets(kind, label, text[:span.start] + new + text[span.end:], old, new, span,
                    _kept_faults(text, span, len(new)))
    return {"span": span, "anchor": anchor, "old_text": old, "new_text": new}


def _whole(kind: AmendmentKind, proposal: Proposal, target: Paragraph) -> dict[str, Any]:
    label, current = target.label, target.text
    if kind in (_K.DELETE_PARAGRAPH, _K.RETAIN):
        return {"old_text": current, "new_text": ""}
    new = (proposal.new_paragraph if kind is _K.NEW_PARAGRAPH else proposal.alternative) or ""
    new = new.strip()
    what = "the new paragraph" if kind is _K.NEW_PARAGRAPH else "the alternative"
    if not new:
        raise AmendmentError(f"{label}: {what} is empty; give its text")
    if kind is _K.ALTERNATIVE and new == current:
        raise AmendmentError(f"{label}: the alternative is the paragraph as it stands and "
                             "changes nothing; propose 'retain' to keep the text")
    own = len(brackets.faults(current)) if kind is _K.ALTERNATIVE else 0
    if not own:
        _refuse_unbalanced(new, f"{label}: {what} has unbalanced brackets",
                           "close every '[' you open")
    elif (stray := len(brackets.faults(new))) > own:  # a copy may keep the paragraph's strays
        raise AmendmentError(f"{label}: {what} has {stray} stray brackets where the paragraph "
                             f"has {own}; close every '[' you open")
    return {"old_text": current if kind is _K.ALTERNATIVE else "", "new_text": new}


def _check_brackets(kind: AmendmentKind, label: str, result: str, old: str, new: str,
                    span: Span, kept: frozenset[int] = frozenset()) -> None:
    """Refuse a span change that unbalances the paragraph, or a bracket around half a one.
    ``kept`` are the offsets in ``result`` of the paragraph's own stray brackets."""
    if kind is _K.BRACKET:  # "[" + old + "]" balances even when old holds half a bracket
        _refuse_unbalanced(old, f"{label}: bracketing {_show(old)} would cut a bracket in half",
                           "quote whole brackets", shift=span.start)
        return
    new_at_fault = kind is _K.INSERT or (kind is _K.REPLACE and not _balanced(new))
    verb = {_K.REPLACE: "replacing", _K.DELETE: "deleting", _K.INSERT: "inserting"}[kind]
    what = _show(new if kind is _K.INSERT else old)
    if kind is _K.REPLACE and new_at_fault:
        what += f" with {_show(new)}"
    _refuse_unbalanced(result, f"{label}: {verb} {what} would leave unbalanced brackets",
                       "close every '[' you open" if new_at_fault else "quote whole brackets",
                       kept=kept)


def _refuse_unbalanced(text: str, message: str, advice: str, shift: int = 0,
                       kept: frozenset[int] = frozenset()) -> None:
    """AmendmentError ``message (fault at character N); advice`` if ``text`` has a stray
    bracket other than those at ``kept`` offsets; the fault named is the one strict
    `brackets.parse` names. ``shift`` is added to the offset when ``text`` is a piece
    of the paragraph."""
    stray = [fault for fault in brackets.faults(text) if fault.offset not in kept]
    if not stray:
        return
    fault = stray[0] if stray[0].char == "]" else stray[-1]
    raise AmendmentError(f"{message} ({fault.message} at character {fault.offset + shift}); "
                         f"{advice}", details=excerpt(text, fault.offset))


def _kept_faults(text: str, span: Span, written: int) -> frozenset[int]:
    """Where the stray brackets of ``text`` outside ``span`` stand once ``written``
    characters replace the span: the paragraph's own faults, not the proposal's."""
    shift = written - (span.end - span.start)
    return frozenset(fault.offset if fault.offset < span.start else fault.offset + shift
                     for fault in brackets.faults(text)
                     if not span.start <= fault.offset < span.end)


def _parsed(label: str) -> Label | None:
    try:
        return parse_label(label)
    except LabelError:
        return None


def _balanced(text: str) -> bool:
    return not brackets.faults(text)


def _not_found(text: str, quoted: str, where: str) -> TextNotFound:
    message = f"{where}the text {_show(quoted)} does not occur in the paragraph"
    shown = text if len(text) <= _SHOWN else text[:_SHOWN] + "..."
    details = "  " + " ".join(shown.splitlines())
    if unicodedata.normalize("NFD", quoted) in unicodedata.normalize("NFD", text):
        return TextNotFound(message + "; it does occur with its accents encoded another way "
                            "(Unicode composed vs decomposed): it looks the same but is not "
                            "the same text; copy the words from the paragraph as stored",
                            details=details)
    near = _loose_span(text, quoted)
    if near:
        found = text[near[0]:near[1]]
        differs = [what for what, same in (
            ("case", lambda s: " ".join(s.translate(_PLAIN).split())),
            ("spacing", lambda s: s.translate(_PLAIN).casefold()),
            ("quotation marks or dashes", lambda s: " ".join(s.casefold().split())),
        ) if same(found) != same(quoted)]
        message += (f"; it does occur with different {' and '.join(differs) or 'form'} as "
                    f"{_show(found)} at character {near[0]}: quote it exactly")
        details += "\n" + excerpt(text, near[0])
    return TextNotFound(message, details=details)


def _loose_span(text: str, quoted: str) -> tuple[int, int] | None:
    """Where ``quoted`` stands in ``text`` with any run of spacing for any other, any
    typographic look-alike for another and any case: the first place, found in linear
    time (a long quote on a long paragraph made a pattern search take seconds)."""
    loose_text, where = _loosened(text)
    loose_quote, _ = _loosened(quoted)
    if not loose_quote.strip():
        return None
    start = loose_text.find(loose_quote)
    if start < 0:
        return None
    return where[start], where[start + len(loose_quote) - 1] + 1


def _loosened(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of spacing one space, look-alikes plain and letters in lower
    case (where that keeps one character one), and where each character came from."""
    out: list[str] = []
    where: list[int] = []
    spacing = False  # within a run of spacing: its first character stands for it
    for index, char in enumerate(text):
        if char.isspace():
            if not spacing:
                out.append(" ")
                where.append(index)
            spacing = True
            continue
        spacing = False
        low = char.translate(_PLAIN).lower()
        out.append(low if len(low) == 1 else char)
        where.append(index)
    return "".join(out), where


def _context(text: str, start: int, end: int) -> str:
    """One line: the words at start..end in «», with some context either side."""
    left, right = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
    line = (("..." if left else "") + text[left:start] + "«" + text[start:end] + "»"
            + text[end:right] + ("..." if right < len(text) else ""))
    return " ".join(line.splitlines())


def _named(text: str) -> str:
    """The characters of a text that shows nothing, by name, for a message."""
    return ", ".join(describe(char) for char in dict.fromkeys(text))


def _number(number: int) -> str:
    """A number for a message: itself, or, past 15 digits (a JSON file may give thousands),
    how many digits it has, as an echo of it would bury the message."""
    if -10**15 < number < 10**15:
        return str(number)
    size = abs(number)
    digits = int((size.bit_length() - 1) * 0.30102999566398)  # never past log10(size)
    while 10 ** (digits + 1) <= size:
        digits += 1
    return f"of {digits + 1:,} digits"


def _show(text: str, limit: int = 60) -> str:
    """Quoted text for a message: in single quotes, on one line, shortened if long."""
    text = text.replace("\n", "\\n")
    return f"'{text if len(text) <= limit else text[:limit - 3] + '...'}'"
