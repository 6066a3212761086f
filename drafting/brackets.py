"""Square brackets: the text of a paragraph that is not agreed yet.

A paragraph's text reads as a tree of plain text pieces and brackets::

    Requests [urgently / promptly] the report [of the Secretary-General];

Brackets nest. Inside a bracket, alternatives are separated by " / " at that
bracket's own level; a bare "/" is text (``A/RES/70/1``), except directly next
to a wide (CJK) character, where it separates alternatives: ``[提交/提出]``.
Adjacent brackets ``[submit][present]`` are separate nodes in the tree but one
*group* of alternatives for `groups`, `choose`, `agree` and `delete`.
Offsets are Python string indices, so Arabic and Chinese need no special care.
A footnote's marker ``[^3]`` is text, not a bracket.

Official texts have stray brackets (``development]],]``). `faults` lists them;
``parse(text, tolerant=True)`` and every function that reads a paragraph
(`count`, `groups`, `choose`, `agree`, `delete`) take them as plain text and
read the pairs that do close. Only strict `parse` refuses them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import FrozenInstanceError, dataclass, field
from itertools import accumulate, pairwise
from typing import TypeAlias

from drafting.errors import BracketError, InputError, excerpt
from drafting.lazy_re import lazy_compile

SPACED_SLASH = " / "
BARE_SLASH = "/"
_BLANK = " \t\u00a0\u3000"  # whitespace within a line, ideographic space included
_CLOSING = ",;.:!?)»”،؛؟，；。：、！？）"  # no space is left before these
_OPENING = "(«“（"  # nor after these
_END = object()


@dataclass(frozen=True, slots=True)
class Bracket:
    """One pair of square brackets and the alternatives it holds.

    An alternative may be empty (``[]`` or ``[a / ]``). ``separators`` are the
    strings written between alternatives (" / " or "/"); left empty, they
    default to " / " so a tree is easy to build by hand.
    """

    alternatives: tuple[tuple[Node, ...], ...]
    separators: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        needed = len(self.alternatives) - 1
        if needed < 0:
            raise ValueError("a bracket holds at least one alternative")
        if needed and not self.separators:
            object.__setattr__(self, "separators", (SPACED_SLASH,) * needed)
        if len(self.separators) != needed:
            raise ValueError(f"{needed + 1} alternatives need {needed} separators")
        if any(sep not in (SPACED_SLASH, BARE_SLASH) for sep in self.separators):
            raise ValueError(f"separators are {SPACED_SLASH!r} or {BARE_SLASH!r}")


Node: TypeAlias = str | Bracket


@dataclass(frozen=True, slots=True)
class BracketFault:
    """A stray bracket: a ``]`` with no ``[`` open before it, or a ``[`` never closed."""

    offset: int
    """Index of the stray character in the text."""
    char: str
    """``"["`` or ``"]"``."""

    @property
    def message(self) -> str:
        """What is wrong, as BracketError words it: "']' has no opening '['"."""
        return "'[' is never closed" if self.char == "[" else "']' has no opening '['"


class BracketGroup:
    """A maximal run of adjacent brackets: one choice still to make.

    ``start``/``end`` are the offsets of its first ``[`` and just past its last
    ``]``; ``alternatives`` the text of each alternative as written (nested
    brackets kept), adjacent brackets flattened: ``[a / b][c]`` -> a, b, c;
    ``depth`` the brackets around it (0 for a group at the paragraph's level).
    Immutable, compared and hashed by these five values. A group from `groups`
    holds the offsets of its alternatives in the paragraph's one string and slices
    them when asked: copies would cost n times the text for brackets n deep.
    """

    __slots__ = ("_spans", "_text", "depth", "end", "index", "start")
    __match_args__ = ("index", "start", "end", "alternatives", "depth")
    index: int
    start: int
    end: int
    depth: int
    _text: str
    _spans: tuple[tuple[int, int], ...]

    def __init__(self, index: int, start: int, end: int, alternatives: Iterable[str],
                 depth: int) -> None:
        texts = tuple(alternatives)
        spans = tuple(pairwise((0, *accumulate(map(len, texts)))))
        self._set(index, start, end, depth, "".join(texts), spans)

    @classmethod
    def _within(cls, text: str, index: int, start: int, end: int, depth: int,
                spans: tuple[tuple[int, int], ...]) -> BracketGroup:
        """The group whose alternatives are ``text[a:b]`` for each (a, b) of ``spans``."""
        group = cls.__new__(cls)
        group._set(index, start, end, depth, text, spans)
        return group

    def _set(self, index: int, start: int, end: int, depth: int, text: str,
             spans: tuple[tuple[int, int], ...]) -> None:
        for name, value in (("index", index), ("start", start), ("end", end),
                            ("depth", depth), ("_text", text), ("_spans", spans)):
            object.__setattr__(self, name, value)

    @property
    def alternatives(self) -> tuple[str, ...]:
        """The text of each alternative, sliced anew at each call."""
        return tuple(self._text[a:b] for a, b in self._spans)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BracketGroup):
            return NotImplemented
        return self._key() == other._key() and self.alternatives == other.alternatives

    def __hash__(self) -> int:
        return hash((*self._key(), self.alternatives))

    def __repr__(self) -> str:
        return (f"BracketGroup(index={self.index}, start={self.start}, end={self.end}, "
                f"alternatives={self.alternatives!r}, depth={self.depth})")

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type[BracketGroup], tuple[object, ...]]:
        return BracketGroup, (self.index, self.start, self.end, self.alternatives, self.depth)

    def _key(self) -> tuple[int, int, int, int]:
        return self.index, self.start, self.end, self.depth


def faults(text: str) -> tuple[BracketFault, ...]:
    """Every stray bracket in text, in order: a ']' with no '[' open before it, and
    each '[' still open at the end. An empty tuple when the brackets pair up.

    Brackets pair as a stack does: ``[a [b]`` -> the ``[`` at 0 is stray. Every
    stray ``]`` comes before every stray ``[``, and none stands inside a pair.
    """
    if "[" not in text and "]" not in text:
        return ()
    stray: list[BracketFault] = []
    opened: list[int] = []
    for found in _BRACKET.finditer(text):
        if len(found.group()) > 1:
            continue  # a footnote's marker
        if found.group() == "[":
            opened.append(found.start())
        elif opened:
            opened.pop()
        else:
            stray.append(BracketFault(found.start(), "]"))
    return (*stray, *(BracketFault(offset, "[") for offset in opened))


def parse(text: str, *, paragraph: str = "", tolerant: bool = False) -> tuple[Node, ...]:
    """Read ``text`` into a tree; ``unparse`` gives it back exactly.

    Empty text gives no nodes; text without brackets gives one ``str`` node.
    Raises BracketError (naming ``paragraph`` and the offset) for a ``]`` with
    no opening ``[`` (the first), else for a ``[`` never closed (the last one
    opened). With ``tolerant``, never raises: the stray brackets of `faults`
    are read as plain text, so ``unparse(parse(t, tolerant=True)) == t`` for any t.
    """
    return _read(text, paragraph, tolerant).read()


def unparse(nodes: Iterable[Node]) -> str:
    """Write a tree back as text: ``unparse(parse(t)) == t`` for every valid ``t``."""
    out: list[str] = []
    pending: list[Iterator[Node]] = [iter(nodes)]
    while pending:
        node = next(pending[-1], _END)
        if node is _END:
            pending.pop()
        elif isinstance(node, str):
            out.append(node)
        elif isinstance(node, Bracket):
            pending.append(_written(node))
        else:
            raise TypeError(f"a node is a str or a Bracket, not {type(node).__name__}")
    return "".join(out)


def count(text: str, *, paragraph: str = "") -> int:
    """The bracket pairs in ``text``, nested ones included; 0 for text without any.

    ``[a][b]`` -> 2, ``[a / b]`` -> 1, ``[a [b]]`` -> 2. Stray brackets (see
    `faults`) are not counted: ``[a [b]`` -> 1, ``a]`` -> 0. ``paragraph`` is
    accepted like the other functions take it; nothing here raises.
    """
    if "[" not in text:
        return 0
    markers = len(NOTE_MARKER.findall(text)) if "[^" in text else 0
    return text.count("[") - markers - sum(fault.char == "[" for fault in faults(text))


def nesting(text: str) -> int:
    """How deep the bracket pairs of ``text`` nest: 0 without any, ``[a]`` -> 1,
    ``[a [b] / c]`` -> 2, ``[a][b]`` -> 1. Stray brackets (see `faults`) and
    footnote markers do not count: ``[[a]`` -> 1."""
    if "[" not in text:
        return 0
    stray = {fault.offset for fault in faults(text)}
    deepest = level = 0
    for found in _BRACKET.finditer(text):
        if len(found.group()) > 1 or found.start() in stray:
            continue
        level += 1 if found.group() == "[" else -1
        deepest = max(deepest, level)
    return deepest


def groups(text: str, *, paragraph: str = "") -> list[BracketGroup]:
    """The bracket groups of ``text`` in document order, an outer group before
    the groups nested in it; an empty list for text without brackets. Stray
    brackets are text: they belong to no group and never raise."""
    return _survey(text)[0]


def lifted(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with its brackets lifted: ``old`` one bracket of one
    alternative, "[" to its "]" (``[promptly]``), ``new`` its words. Not ``[a / b]``
    (a choice to make), ``[a][b]``, ``[a] [b]``, ``[]`` or stray brackets."""
    if old[:1] != "[" or old[-1:] != "]" or new != old[1:-1] or not new.strip() or faults(old):
        return False
    found = groups(old)
    return found[0].end == len(old) and len(found[0].alternatives) == 1


def places(text: str, index: int, *, paragraph: str = "") -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets in ``text`` of each alternative of group ``index``
    (``[a / b][c]`` -> (1, 2), (5, 6), (8, 9)); InputError for no such group."""
    group, _ = _pick(text, index, paragraph)
    return group._spans


def choose(text: str, index: int, alternative: int, *, paragraph: str = "") -> str:
    """Replace group ``index`` by the text of its ``alternative`` (both 0-based).

    Choosing an empty alternative removes the group as `delete` does. Stray
    brackets (see `faults`) stay as they are here and in `agree` and `delete`.
    Raises InputError for a group or an alternative that does not exist.
    """
    group, context = _pick(text, index, paragraph)
    if not 0 <= alternative < len(group.alternatives):
        raise InputError(
            f"{_where(paragraph)}bracket group {index} has "
            f"{_numbered(len(group.alternatives), 'alternative')}; "
            f"there is no alternative {alternative}"
        )
    return _replace(text, group, group.alternatives[alternative], context)


def agree(text: str, index: int, *, paragraph: str = "") -> str:
    """Remove the brackets of group ``index`` and keep its text.

    Only for a group with one alternative; for more, raises InputError (use
    `choose`). Agreeing an empty ``[]`` removes it as `delete` does.
    """
    group, context = _pick(text, index, paragraph)
    if len(group.alternatives) != 1:
        raise InputError(
            f"{_where(paragraph)}bracket group {index} has {len(group.alternatives)} "
            "alternatives; choose one of them instead of agreeing the brackets"
        )
    return _replace(text, group, group.alternatives[0], context)


def delete(text: str, index: int, *, paragraph: str = "") -> str:
    """Remove group ``index`` with all its text, and tidy the whitespace at the
    cut: no doubled space, no space before ``,;.:`` and the like, none at the
    start or end of the paragraph (or of the alternative the group stood in).
    Text elsewhere is never changed."""
    group, context = _pick(text, index, paragraph)
    return _replace(text, group, "", context)


@dataclass(slots=True)
class _Open:
    """A bracket being read: where it opened and what it holds so far."""

    start: int
    alt_start: int
    alternatives: list[list[Node]] = field(default_factory=lambda: [[]])
    separators: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # alternatives read


@dataclass(frozen=True, slots=True)
class _Span:
    """Where one bracket stands: offsets, depth and each alternative's offsets."""

    start: int
    end: int
    depth: int
    alternatives: tuple[tuple[int, int], ...]


def _read(text: str, paragraph: str, tolerant: bool) -> _Reader:
    """A reader of ``text`` that skips its stray brackets; BracketError for the first
    fault a strict reading meets (a stray ']' first, else the last '[' opened)."""
    stray = faults(text)
    if stray and not tolerant:
        fault = stray[0] if stray[0].char == "]" else stray[-1]
        raise _error(text, fault.offset, fault.message, paragraph)
    return _Reader(text, frozenset(fault.offset for fault in stray))


class _Reader:
    """One left-to-right pass over a text, with a stack of open brackets.

    The brackets at ``stray`` offsets are read as text; the others pair up.
    """

    def __init__(self, text: str, stray: frozenset[int] = frozenset()) -> None:
        self.text = text
        self.stray = stray
        self.top: list[Node] = []
        self.stack: list[_Open] = []
        self.spans: list[_Span] = []
        self.piece = 0  # where the plain text not yet stored began

    def read(self) -> tuple[Node, ...]:
        text, i = self.text, 0
        while i < len(text):
            if not self.stack:  # outside brackets only brackets matter: skip to the next
                found = _BRACKET.search(text, i)
                if found is None:
                    break
                i = found.start()
                if i in self.stray:  # strays stand outside every pair: plain text
                    i += 1
                    continue
            if text[i] == "[" and (marker := NOTE_MARKER.match(text, i)):
                i = marker.end()  # a footnote's marker is text
                continue
            if text[i] == "[":
                self._flush(i)
                self.stack.append(_Open(i, i + 1))
                step = 1
            elif text[i] == "]":
                self._close(i)
                step = 1
            elif self.stack and (separator := _separator(text, i)):
                self._separate(i, separator)
                step = len(separator)
            else:
                i += 1
                continue
            i += step
            self.piece = i
        self._flush(len(text))
        return tuple(self.top)

    def _current(self) -> list[Node]:
        return self.stack[-1].alternatives[-1] if self.stack else self.top

    def _flush(self, end: int) -> None:
        if end > self.piece:
            self._current().append(self.text[self.piece : end])

    def _close(self, i: int) -> None:
        self._flush(i)
        opened = self.stack.pop()
        opened.spans.append((opened.alt_start, i))
        alternatives = tuple(tuple(nodes) for nodes in opened.alternatives)
        self._current().append(Bracket(alternatives, tuple(opened.separators)))
        self.spans.append(_Span(opened.start, i + 1, len(self.stack), tuple(opened.spans)))

    def _separate(self, i: int, separator: str) -> None:
        self._flush(i)
        opened = self.stack[-1]
        opened.spans.append((opened.alt_start, i))
        opened.separators.append(separator)
        opened.alternatives.append([])
        opened.alt_start = i + len(separator)


NOTE_MARKER = lazy_compile(r"\[\^(\d{1,4})\]")
"""Where a footnote is cited: ``[^3]`` stands in the text for footnote 3 (as in Markdown);
it is text, never a bracket."""
_BRACKET = lazy_compile(r"\[\^\d{1,4}\]|[\[\]]")


def _separator(text: str, i: int) -> str:
    """The alternative separator starting at ``text[i]``, or "" if there is none."""
    if text.startswith(SPACED_SLASH, i):
        return SPACED_SLASH
    if text[i] == BARE_SLASH and (_wide(text, i - 1) or _wide(text, i + 1)):
        return BARE_SLASH
    return ""


def _wide(text: str, i: int) -> bool:
    """Whether ``text[i]`` exists and is a wide (CJK ideograph, kana...) character."""
    return 0 <= i < len(text) and unicodedata.east_asian_width(text[i]) in "WF"


def _error(text: str, offset: int, what: str, paragraph: str) -> BracketError:
    where = f"{paragraph}, character {offset}" if paragraph else f"character {offset}"
    return BracketError(
        f"{where}: {what}", paragraph=paragraph, offset=offset, details=excerpt(text, offset)
    )


def _written(bracket: Bracket) -> Iterator[Node]:
    """The pieces of a bracket as written: "[", alternatives and separators, "]"."""
    yield "["
    for number, alternative in enumerate(bracket.alternatives):
        if number:
            yield bracket.separators[number - 1]
        yield from alternative
    yield "]"


def _survey(text: str) -> tuple[list[BracketGroup], list[tuple[int, int]]]:
    """The groups of ``text`` and the (start, end) offsets of every alternative,
    stray brackets read as text."""
    reader = _read(text, "", tolerant=True)
    reader.read()
    runs: list[list[_Span]] = []
    by_end: dict[int, list[_Span]] = {}  # a run still open to a bracket starting there
    for span in sorted(reader.spans, key=lambda span: span.start):
        run = by_end.pop(span.start, None)
        if run is None:
            run = []
            runs.append(run)
        run.append(span)
        by_end[span.end] = run
    found = [  # offsets, not copies: the text nested n deep is in n groups
        BracketGroup._within(text, index, run[0].start, run[-1].end, run[0].depth,
                             tuple(alt for span in run for alt in span.alternatives))
        for index, run in enumerate(runs)
    ]
    return found, [alt for span in reader.spans for alt in span.alternatives]


def _pick(text: str, index: int, paragraph: str) -> tuple[BracketGroup, tuple[int, int]]:
    """Group ``index`` and the offsets of the text it stands in (an alternative
    of the enclosing bracket, or the whole paragraph)."""
    found, alternatives = _survey(text)
    if not 0 <= index < len(found):
        have = _numbered(len(found), "bracket group") if found else "no brackets"
        raise InputError(
            f"{_where(paragraph)}there is no bracket group {index}; the text has {have}"
        )
    group = found[index]
    around = [(a, b) for a, b in alternatives if a <= group.start and group.end <= b]
    return group, max(around, default=(0, len(text)))


def _replace(text: str, group: BracketGroup, new: str, context: tuple[int, int]) -> str:
    if new:
        return text[: group.start] + new + text[group.end :]
    lo, hi = context
    left, right = _tidy(text[lo : group.start], text[group.end : hi])
    return text[:lo] + left + right + text[hi:]


def _tidy(left: str, right: str) -> tuple[str, str]:
    """Drop the whitespace made surplus by cutting the text between ``left`` and ``right``."""
    if not right:
        return left.rstrip(), right
    if not left:
        return left, right.lstrip()
    if right[0] in _CLOSING or (left[-1] in _BLANK and right[0] in "\r\n"):
        return left.rstrip(_BLANK), right
    if (left[-1].isspace() or left[-1] in _OPENING) and right[0] in _BLANK:
        return left, right.lstrip(_BLANK)
    return left, right


def _where(paragraph: str) -> str:
    return f"{paragraph}: " if paragraph else ""


def _numbered(n: int, noun: str) -> str:
    """'1 alternative, numbered 0' or '3 alternatives, numbered 0 to 2'."""
    return f"1 {noun}, numbered 0" if n == 1 else f"{n} {noun}s, numbered 0 to {n - 1}"
