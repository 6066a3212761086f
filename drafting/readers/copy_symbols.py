"""The document symbols a delegation's Word copy shows, and where: its front matter (its
first lines, up to the text) and its page headers (`front_lines`, `header_lines`); and
whether one of them says the copy is of another document (`other_document`).

- **The draft's own**: the copy shows the document's symbol as a line of its own, or its
  corrigendum's ("A/C.2/81/L.60/Corr.1": the same text, corrected, `corrigendum`); then
  no other symbol refuses it, whatever it cites.
- **Another document's**: a symbol standing where the draft shows its own (the page
  header, or the front matter's symbol line: between the lines the draft's front matter
  has around its symbol, or above the title where the draft's front matter shows none),
  of a United Nations series (`UN_SERIES`, or the draft's own: "UNEP/EA.6/L.3" for
  "UNEP/EA.6/L.2"), that neither the draft's front matter nor its own Word sources show.
  An addendum ("/Add.1") is another document. A symbol cited below the title
  ("A/RES/79/144") stands in no symbol's place.
- **A file reference**: a symbol-like line of another series ("EU/2026/123",
  "EEAS/2026/0412") in that place is the sender's own reference, not a document's
  symbol: the copy is read, with a warning.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from lxml import etree

from drafting.engine.revision_symbols import symbol_pattern
from drafting.errors import ReaderError
from drafting.lazy_re import lazy_compile
from drafting.model import Document
from drafting.readers.result import ReadWarning

UN_SERIES = frozenset({"A", "S", "E", "ST"})
"""The series letters of the United Nations' principal organs' symbols (General Assembly,
Security Council, Economic and Social Council, Secretariat): a symbol in one of them, or
in the draft's own series, is a document's; other symbol-like lines are references."""

_FRONT_PARAGRAPHS = 60
"""How many Word paragraphs, at most, the front matter is looked for in."""

_SYMBOL = lazy_compile(r"[A-Z](?:[A-Z]* (?=\d))?[A-Za-z0-9]*(?:/[A-Za-z0-9.()-]+)+"
                     r"(?:[/ ](?:Rev|Corr|Add|Amend)\.\d+)*")
"""A UN-style document symbol standing alone: "A/C.2/81/L.12", "A/HRC/61/L.12/Rev.1",
"UNEP/EA.6/L.2", WHO's "A77/4 Rev.1", IMO's "MSC 110/WP.5" (a digit is asked for
besides)."""

_SERIES = lazy_compile(r"[A-Z]+")
_NUMBERED = lazy_compile(r"\s*(?:\d+(?:\.\d+)*\.?|\(?[a-z]\)|[IVX]+\.)\t")
"""A paragraph typed with its number ("1.<tab>", "(a)<tab>", "2.1<tab>"): the body's."""
_REVISION = lazy_compile(r"[/ ]Rev\.\d+$")
_CORRIGENDUM = lazy_compile(r"(?<=\S)[/ ]Corr\.\d+$")
_WORD = lazy_compile(r"\w+")
_W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                 "http://purl.oclc.org/ooxml/wordprocessingml/main")
_HEADER = lazy_compile(r"word/header\d*\.xml")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def own_named(lines: Iterable[str], own: re.Pattern[str]) -> list[re.Match[str]]:
    """Where ``lines`` show the document's symbol (``own``, `symbol_pattern`) as a line of
    its own, or its corrigendum's ("A/C.2/81/L.60/Corr.1", "A/C.2/81/L.60/Rev.1/Corr.1":
    the revision named is the same)."""
    return [found for line in lines
            if (found := own.fullmatch(line) or own.fullmatch(_CORRIGENDUM.sub("", line)))]


def corrigendum(path: Path, document: Document, lines: Iterable[str]) -> ReadWarning | None:
    """The warning for a copy (``lines``: its front matter and page headers) that names
    the document's corrigendum, not the document: read as a copy of it."""
    own = symbol_pattern(document.symbol)
    named = [line for line in lines if not own.fullmatch(line)
             and own.fullmatch(_CORRIGENDUM.sub("", line))]
    if not named:
        return None
    return ReadWarning(str(path), (
        f"the file is a copy of {named[0]}, a corrigendum of {document.symbol}: read as a "
        f"copy of {document.symbol}; a correction it made that {document.symbol} does not "
        "hold reads as the delegation's change"))


def other_document(path: Path, document: Document, front: list[str], headers: list[str],
                   shown: Callable[[], Collection[str]] | None) -> list[ReadWarning]:
    """ReaderError when the copy's front matter (``front``) or page headers (``headers``;
    neither shows the document's own symbol) show another document's symbol in place of
    the document's own: one of a UN series that neither its revisions' front matter nor
    its own Word sources (``shown``, asked for only then) show. The warnings for
    symbol-like lines of other series there (the sender's file references)."""
    known = {_base(line.strip()) for revision in document.revisions  # its own front
             for line in (*revision.front_matter, *revision.after_title,
                          document.title)}  # matter shows
    places = [(line, "front matter") for line in _symbol_places(front, document)] + [
        (line, "page header") for line in headers]
    others = [(line, where) for line, where in places if _symbol_like(line)
              and _base(line) not in known]
    series = {_series(line) for line in (document.symbol, *known) if _symbol_like(line)}
    if others and shown is not None:  # the secretariat's own file shows it (page header)
        symbols = list(shown())
        known |= {_base(line) for line in symbols}
        series |= {_series(line) for line in symbols}
        others = [(line, where) for line, where in others if _base(line) not in known]
    claims = [(line, where) for line, where in others if _series(line) in UN_SERIES | series]
    for place in ("front matter", "page header"):
        _refuse(path, document, [line for line, where in claims if where == place], place)
    return [ReadWarning(f"{path}, {where}", (
        f"it reads {line} where {document.symbol} shows its symbol: taken for the sender's "
        f"own reference (no United Nations document symbol), and read as a copy of "
        f"{document.symbol}")) for line, where in dict.fromkeys(others) if
        (line, where) not in claims]


def _refuse(path: Path, document: Document, lines: list[str], where: str) -> None:
    if lines:
        shown = " and ".join(dict.fromkeys(lines))
        raise ReaderError(
            f"{path}: the file is {shown} (so its {where} reads), not {document.symbol}: "
            f"it is a copy of another document. Send the copy of {document.symbol}, or "
            f"submit this one to {lines[0]}")


def _symbol_places(front: list[str], document: Document) -> list[str]:
    """The lines of the copy's front matter (``front``) standing where the document's
    front matter shows its symbol: between the lines it has around it (either), or as
    its line so many lines down; where no revision's front matter shows it, the lines
    above the title (all of them, where the copy shows no title)."""
    own = symbol_pattern(document.symbol)
    lines = [_collapsed(line) for line in front]
    places = set()
    for revision in document.revisions:
        theirs = [_collapsed(line) for line in _cut((*revision.front_matter,
                                                     *revision.after_title))]
        places |= {(n, theirs[n - 1] if n else None, theirs[n + 1] if n + 1 < len(theirs)
                    else None) for n, line in enumerate(theirs) if own.fullmatch(line)}
    if not places:
        title = _collapsed(document.title)
        return front[:lines.index(title)] if title in lines else front
    return [line for n, line in enumerate(front) if any(
        n == at or (n and lines[n - 1] == before) or (n + 1 < len(lines) and
                                                      lines[n + 1] == after)
        for at, before, after in places)]


def _base(symbol: str) -> str:
    """``symbol`` without the corrigendum and the revision it names ("A/C.2/81/L.60/Rev.1/
    Corr.1": "A/C.2/81/L.60")."""
    return _REVISION.sub("", _CORRIGENDUM.sub("", symbol))


def _symbol_like(line: str) -> bool:
    return bool(_SYMBOL.fullmatch(line) and re.search(r"\d", line))


def _series(symbol: str) -> str:
    """A symbol's series: the letters it opens with ("A" of "A/C.2/81/L.60" and of WHO's
    "A77/4", "UNEP" of "UNEP/EA.6/L.2", "EU" of a reference "EU/2026/123")."""
    found = _SERIES.match(symbol)
    return found.group() if found else ""


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def front_lines(originals: list[str], document: Document) -> Iterator[str]:
    """The lines of the copy's front matter: its first Word paragraphs (``originals``,
    table cells among them), each cut at line breaks and tabs, up to the chapeau or the
    first paragraph of the text (its typed number aside)."""
    ends, bodies = _text_opening(document)
    for text in originals[:_FRONT_PARAGRAPHS]:
        words = " ".join(text.split())
        if words in ends or words.partition(" ")[2] in ends or _NUMBERED.match(text):
            return
        if _edited(set(_WORD.findall(words.casefold())), bodies):
            return  # the first paragraph, edited: the body begins
        yield from _cut([text])


def _text_opening(document: Document) -> tuple[set[str], list[set[str]]]:
    """What ends a copy's front matter: every paragraph and chapeau of ``document``'s
    revisions (spaces collapsed), and the words of those the text opens with. Kept for
    the last document asked about (an inbox reads every copy against one)."""
    if _LAST_OPENING and _LAST_OPENING[0] is document:
        return _LAST_OPENING[1]
    ends = ({" ".join(r.chapeau.split()) for r in document.revisions} | {
        " ".join(p.text.split()) for r in document.revisions for p in r}) - {""}
    firsts = {" ".join(p.text.split()) for r in document.revisions  # where the text opens
              for p in r.paragraphs[:_FRONT_PARAGRAPHS]} | {
                  " ".join(r.chapeau.split()) for r in document.revisions}
    found = ends, [set(_WORD.findall(text.casefold())) for text in firsts - {""}]
    _LAST_OPENING[:] = [document, found]
    return found


_LAST_OPENING: list[Any] = []


def _edited(words: set[str], bodies: list[set[str]]) -> bool:
    """Whether a Word paragraph of ``words`` is one of the text's (``bodies``: the words
    of each of its paragraphs), edited: it holds two thirds of one's words, four at
    least (a front-matter line, "Oceans and the law of the sea", is shorter than the
    paragraph citing it)."""
    return any(len(body) >= 4 and 3 * len(words & body) >= 2 * len(body)
               and len(words) <= 2 * len(body) for body in bodies)


def source_symbols(content: bytes) -> list[str]:
    """The document symbols a draft's own Word source (``content``, a .docx) shows in
    its page headers (those its front matter shows are the revision's): a copy showing
    one of them is no copy of another document, whatever the draft was imported as
    (``--doc oceans-2026``)."""
    return [line for line in header_lines(io.BytesIO(content)) if _symbol_like(line)]


def draft_symbols(front_matter: Iterable[str], headers: Iterable[str] = ()) -> list[str]:
    """The document symbols a draft shows, each a line of its own ("A/C.2/81/L.99", the
    "*" of a reissue aside), once each in order: those of its front matter (``front``),
    or where it shows none, those of its page headers (``headers``): what `drafting
    import` takes for the document's symbol when it is not given one."""
    for lines in (front_matter, headers):
        found = [line for line in _cut(lines) if _symbol_like(line)]
        if found:
            return list(dict.fromkeys(found))
    return []


def header_lines(path: Path | IO[bytes]) -> list[str]:
    """The lines of the copy's page headers (read from the package: a reader reads no
    header otherwise); none where they cannot be read (the package was checked, and a
    header is never text)."""
    texts: list[str] = []
    try:
        with zipfile.ZipFile(path) as package:
            for name in package.namelist():
                if _HEADER.fullmatch(name):
                    root = etree.fromstring(package.read(name), _PARSER)
                    texts += [_text(p) for ns in _W_NAMESPACES for p in root.iter(f"{{{ns}}}p")]
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError):
        return []
    return list(_cut(texts))


def _text(p: etree._Element) -> str:
    """A header paragraph's visible text, deleted words aside; a tab as a tab."""
    found = []
    for node in p.iter():
        name = etree.QName(node).localname if isinstance(node.tag, str) else ""
        if name == "t":
            found.append(node.text or "")
        elif name in ("tab", "br", "cr"):
            found.append("\t")
    return "".join(found)


def _cut(texts: Iterable[str]) -> Iterator[str]:
    """The lines of ``texts`` as a masthead lays them out: apart where a tab, a line break
    or three spaces or more set them apart ("United Nations<tab>A/C.2/81/L.99"; a text
    copied from a PDF: "United Nations      A/C.2/81/L.99"), and a symbol after the name
    of the United Nations ("Nations Unies A/C.3/81/L.12") a line of its own."""
    for text in texts:
        for line in _APART.split(text):
            if line := line.strip().rstrip("*").rstrip():  # "A/C.2/81/L.99*": a note
                named = _MASTHEAD.match(line)
                if named and _symbol_like(rest := line[named.end():]):
                    yield from (named[1], rest)
                else:
                    yield line


_APART = lazy_compile(r"[\t\n\r\v]+| {3,}")
_MASTHEAD = lazy_compile("(United Nations|Nations Unies|Naciones Unidas|"
                         "Организация Объединенных Наций|联合国|الأمم المتحدة)\\s+")
"""The name of the United Nations as a document's masthead prints it, in its six
official languages."""
