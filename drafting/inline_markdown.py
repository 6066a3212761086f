"""Inline formatting written in Markdown: ``*italic*``, ``**bold**``, a few HTML tags.

What `drafting.writers.textfile` writes for a paragraph's marks, read back: asterisks
around words (one for italics, two for bold, three for both) that open before a
character that is not a space and close after one; ``<u>``, ``<sup>``, ``<sub>``,
``<em>``/``<i>``, ``<strong>``/``<b>`` and ``<span class="smallcaps">``. A backslash
before an ASCII punctuation character is that character, as CommonMark says (pandoc
writes ``\\(a\\)``, ``\\[arbitrary\\]``). What pandoc writes for a Word draft's other
formatting is read too: ``[words]{.underline}`` and ``[words]{.smallcaps}`` (a span's
other attributes are dropped: its brackets are no negotiators' brackets),
``^superscript^``, ``~subscript~``, and ``~~struck~~`` as its words (strikethrough is
no mark, as in a Word draft); a link, ``[words](address)`` (a Word hyperlink), or
``<https://...>``, as the words it shows (its brackets are no negotiators' brackets; the
Word reader keeps a hyperlink's words, not the link, too); an HTML entity (``&nbsp;``)
as its character. The writer escapes ``\\``, ``*``, ``<``, ``^``, ``~``, an ``&`` that
would open an entity and a hyphen before another (two read as a dash:
`drafting.readers.textfile`). Anything else (a lone asterisk, ``A/C.2/81/L.7*``) is text as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import cache

from drafting import characters
from drafting.lazy_re import lazy_compile
from drafting.model.marks import Mark, Style, normalised, pieces

_ASTERISKS = {1: (Style.ITALIC,), 2: (Style.BOLD,), 3: (Style.ITALIC, Style.BOLD)}
_TAGS = {"u": Style.UNDERLINE, "sup": Style.SUPERSCRIPT, "sub": Style.SUBSCRIPT,
         "em": Style.ITALIC, "i": Style.ITALIC, "strong": Style.BOLD, "b": Style.BOLD,
         'span class="smallcaps"': Style.SMALL_CAPS}
_TAG = lazy_compile(r"<(/?)(u|sup|sub|em|i|strong|b|span class=\"smallcaps\"|span)>")
_WRITTEN = {Style.UNDERLINE: "u", Style.SUPERSCRIPT: "sup", Style.SUBSCRIPT: "sub",
            Style.SMALL_CAPS: 'span class="smallcaps"'}
_ESCAPED = lazy_compile(r"([\\*<^~]|&(?=#?\w+;))")
_LINK = lazy_compile(r"(?<=\])[({]|!(?=\[)")
"""What would make a link, an image or a span of the negotiators' brackets: "](", "]{"
and "!["."""
_HYPHENS = lazy_compile(r"-(?=-)")
"""A hyphen before another: escaped, as two or three read as a dash (pandoc's "--")."""
_LINE_OPENING = lazy_compile(r"^([ \t]*)([#>+=-])", re.MULTILINE)
"""What opens a line that Markdown would read as a heading, a block quote, a bullet or a
heading's underline ("# ", "> ", "- ", "+ ", "=====")."""
_ESCAPE = lazy_compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape: a backslash before an ASCII punctuation character."""
_STARS = lazy_compile(r"\*+")
_SPAN = lazy_compile(r"\[(?P<words>[^\[\]\n]*)\]\{(?P<attributes>\s*(?:(?:[.#][\w:.-]+"
                     r"|[A-Za-z][\w-]*=(?:\"[^\"\n]*\"|[^\s}\"]+))\s*)+)\}")
"""A bracketed span with attributes, as pandoc writes formatting it has no mark for."""
_LINKED = lazy_compile(r"\[(?P<words>[^\[\]\n]*)\]\((?:https?://|ftp://|mailto:|www\.|#)"
                       r"[^()\s]*(?:\s+\"[^\"\n]*\")?\)")
"""A link to an address (``[words](https://... "title")``, as pandoc writes a Word
hyperlink): its words. Brackets before other words in brackets ("[shall](should)",
"[x](javascript:...)") are text."""
_AUTOLINK = lazy_compile(r"<(?P<address>(?:https?|ftp|mailto):[^\s<>]*)>")
"""An address written as a link (``<https://undocs.org/A/RES/70/1>``): the address."""
_ENTITY = lazy_compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""An HTML entity, as Markdown reads it (``&nbsp;``, ``&#8211;``)."""
_CLASS = lazy_compile(r"\.([\w-]+)")
_SPAN_STYLES = {"underline": Style.UNDERLINE, "ul": Style.UNDERLINE,
                "smallcaps": Style.SMALL_CAPS}
_SUPERSCRIPT = lazy_compile(r"\^(?:[^\s^\\]|\\.)+\^")
_SUBSCRIPT = lazy_compile(r"~(?:[^\s~\\]|\\.)+~(?!~)")
_STRUCK = lazy_compile(r"~~(?=\S)(?:[^~\n]|~(?!~))+?(?<=\S)~~")
MARKUP = "\\*<^~{&"
"""The characters whose escapes `unmarked` must see (the rest can be read before)."""


def unmarked(text: str) -> tuple[str, tuple[Mark, ...]]:
    """``text`` without its inline Markdown, and the marks it made."""
    out: list[str] = []
    marks: list[Mark] = []
    opened: list[tuple[str, int, tuple[Style, ...]]] = []  # (delimiter, start, styles)
    closing = _last_closing(text) if "*" in text else {}
    last = cache(text.rfind)  # where each closing tag is last found: one search each
    ends: dict[int, int] = {}  # where a pandoc form opened closes: its closing's length
    at = length = 0  # length: of what ``out`` holds, kept as it grows
    while at < len(text):
        char = text[at]
        if char == "\\" and _ESCAPE.match(text, at):
            out.append(text[at + 1])
            length += 1
            at += 2
            continue
        if ends and at in ends and opened and opened[-1][0] == f"@{at}":
            _, start, styles = opened.pop()
            marks += [Mark(start, length, s) for s in styles if length > start]
            at += ends.pop(at)
            continue
        if char in "[^~" and (form := _pandoc(text, at)) is not None:
            styles, opening, close, closing = form
            opened.append((f"@{close}", length, styles))
            ends[close] = closing
            at += opening
            continue
        if char == "*":
            run = _STARS.match(text, at).end() - at  # type: ignore[union-attr]
            size = min(run, 3)
            before = text[at - 1] if at else " "
            after = text[at + size] if at + size < len(text) else " "
            delimiter = "*" * size
            if opened and opened[-1][0] == delimiter and not before.isspace():
                _, start, styles = opened.pop()
                marks += [Mark(start, length, s) for s in styles if length > start]
                at += size
                continue
            if not after.isspace() and closing.get(size, -1) > at + size:
                opened.append((delimiter, length, _ASTERISKS[size]))
                at += size
                continue
        if char == "&" and (entity := _entity(text, at)) is not None:  # "&nbsp;": U+00A0
            out.append(entity[0])
            length += 1
            at = entity[1]
            continue
        if char == "<" and (address := _AUTOLINK.match(text, at)):  # <https://...>: shown
            out.append(address["address"])
            length += len(address["address"])
            at = address.end()
            continue
        if char == "<" and (tag := _TAG.match(text, at)):
            name = tag[2]
            closer = f"</{name.split()[0]}>"
            if tag[1] and opened and opened[-1][0] == f"</{name}>":
                _, start, styles = opened.pop()
                marks += [Mark(start, length, s) for s in styles if length > start]
                at = tag.end()
                continue
            if not tag[1] and name in _TAGS and last(closer) >= tag.end():
                opened.append((closer, length, (_TAGS[name],)))
                at = tag.end()
                continue
        out.append(char)
        length += 1
        at += 1
    plain = "".join(out)
    if opened:  # never closed: the text as written
        return unescaped(text), ()
    return plain, normalised(marks, len(plain))


def _entity(text: str, at: int) -> tuple[str, int] | None:
    """The character an HTML entity at ``at`` stands for (``&amp;``, ``&nbsp;``,
    ``&#8211;``) and where the entity ends; None for none, or for a character that is no
    text (``&#x202E;``: a direction override hidden as an entity stays as written, the
    characters' checks having read it so)."""
    found = _ENTITY.match(text, at)
    if found is None:
        return None
    char = html.unescape(found[0])
    if len(char) != 1 or char in (found[0], "\ufffd") or characters.problem(char) is not None:
        return None
    return char, found.end()


def _pandoc(text: str, at: int) -> tuple[tuple[Style, ...], int, int, int] | None:
    """The form pandoc writes that opens at ``at`` (`unmarked`'s docstring): its styles,
    the length of its opening, where its closing stands and that closing's length; None
    where none opens there."""
    char = text[at]
    if char == "[":
        if (found := _LINKED.match(text, at)) is not None:  # the words, not the address
            return (), 1, found.end("words"), found.end() - found.end("words")
        if (found := _SPAN.match(text, at)) is not None:
            styles = {_SPAN_STYLES[name] for name in _CLASS.findall(found["attributes"])
                      if name in _SPAN_STYLES}
            return tuple(sorted(styles)), 1, found.end("words"), found.end() - found.end("words")
    elif char == "^":
        if (found := _SUPERSCRIPT.match(text, at)) is not None:
            return (Style.SUPERSCRIPT,), 1, found.end() - 1, 1
    elif text.startswith("~~", at):
        if (found := _STRUCK.match(text, at)) is not None:
            return (), 2, found.end() - 2, 2
    elif (at == 0 or text[at - 1] != "~") and (found := _SUBSCRIPT.match(text, at)):
        return (Style.SUBSCRIPT,), 1, found.end() - 1, 1
    return None


def _last_closing(text: str) -> dict[int, int]:
    """For each size of asterisk run (1 to 3), where the last run of exactly that many
    that could close one opened before it begins: after a character that is not a space
    (escaped asterisks are text). An opening run closes if such a run begins after it.
    Found in one pass: looking ahead from each opening took time growing as the square of
    a paragraph of lone asterisks."""
    last: dict[int, int] = {}
    at = 0
    while at < len(text):
        if text[at] == "\\" and _ESCAPE.match(text, at):
            at += 2
            continue
        if text[at] == "*":
            run = _STARS.match(text, at).end() - at  # type: ignore[union-attr]
            if run <= 3 and at and not text[at - 1].isspace():
                last[run] = at
            at += run
            continue
        at += 1
    return last


def unescaped(text: str, keep: str = "") -> str:
    """``text`` with each backslash escape read as its character (``\\[`` is ``[``),
    except the escapes of the characters in ``keep``, left as written. A backslash
    before anything else (a letter, a space, the end) is text."""
    return _ESCAPE.sub(lambda found: found[0] if found[1] in keep else found[1], text)


def marked(text: str, marks: Sequence[Mark]) -> str:
    """``text`` written in inline Markdown with its ``marks`` (`unmarked` reads it back).
    Italics and bold are asterisks around words, unless they touch other formatted
    words or begin or end with a space (then ``<em>``, ``<strong>``, which say exactly
    where they begin and end)."""
    parts = pieces(text, marks)
    out = []
    for n, (piece, styles) in enumerate(parts):
        touching = (n and parts[n - 1][1]) or (n + 1 < len(parts) and parts[n + 1][1])
        out.append(_piece(piece, styles, tags=bool(touching) or piece != piece.strip()))
    return "".join(out)


def unlinked(text: str) -> str:
    """Markdown ``text`` whose brackets open no link, image or span ("](", "]{", "!["
    escaped) and whose hyphens make no dash (one before another escaped): what every
    writer of Markdown does to what a draft holds."""
    return _HYPHENS.sub(r"\\-", _LINK.sub(r"\\\g<0>", text))


def lines_as_text(text: str) -> str:
    """Markdown ``text`` whose lines each open as the text does, never as a heading, a
    block quote, a bullet or an underline (`_LINE_OPENING` escaped)."""
    return _LINE_OPENING.sub(r"\1\\\2", text)


def _piece(text: str, styles: Iterable[Style], *, tags: bool) -> str:
    shown = set(styles)
    inner = unlinked(_ESCAPED.sub(r"\\\1", text))
    if not shown:
        return inner
    written = {**_WRITTEN, Style.ITALIC: "em", Style.BOLD: "strong"} if tags else _WRITTEN
    for style, tag in written.items():
        if style in shown:
            inner = f"<{tag}>{inner}</{tag.split()[0]}>"
    stars = "" if tags else "*" * ((Style.ITALIC in shown) + 2 * (Style.BOLD in shown))
    return f"{stars}{inner}{stars}"
