"""The parts of a Word document a reader reads, parsed once: a small read-only view.

Readers use the main part (``w:document``), the style sheet, the numbering definitions,
the footnotes, the comments and their threads (Word's ``commentsExtended`` part); nothing
else of python-docx's object model. `load_parts` gives them from a package already checked
by `drafting.ooxml.package`, with zipfile and lxml alone: the package's relationships are
followed as python-docx follows them, and each part is parsed as python-docx parses it
(the same parser options, so the same tree), so a reader reads the same either way.
Whatever python-docx would find unusual, or refuse, `load_parts` leaves to python-docx (it
returns None): a part missing, a content type unknown, a part that is not XML, no style
sheet ...

The style sheet and numbering definitions a process has just parsed are parsed once for
every copy that holds them byte for byte (an inbox of copies of one draft): readers
never change a part.

`word_parts` gives the same view of a python-docx ``Document`` (the writers open the
secretariat's document with python-docx to write into it).
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from drafting.errors import ReaderError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOCUMENT, _BODY = f"{_W}document", f"{_W}body"
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
"""python-docx's own parser options (without its element classes): the same tree."""
_BLOB_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
"""For parts python-docx keeps as bytes (footnotes), as `part_root` parses them."""
PARSED_TYPES = frozenset({
    CT.OPC_CORE_PROPERTIES, CT.WML_COMMENTS, CT.WML_DOCUMENT_MAIN, CT.WML_FOOTER,
    CT.WML_HEADER, CT.WML_NUMBERING, CT.WML_SETTINGS, CT.WML_STYLES})
"""The content types python-docx parses as XML when it opens a package."""
COMMENTS_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
"""The relationship to Word's part threading the comments (replies, resolved ones)."""
_READ = {RT.STYLES: CT.WML_STYLES, RT.NUMBERING: CT.WML_NUMBERING,
         RT.FOOTNOTES: None, RT.COMMENTS: CT.WML_COMMENTS, COMMENTS_EXTENDED: None}
"""The main part's relationships a reader follows, with the content type it expects
(None: a part python-docx keeps as bytes)."""
_SHARED_TYPES = frozenset({CT.WML_STYLES, CT.WML_NUMBERING})
"""Parts that every copy of one draft holds byte for byte: each parsed once for all the
copies a process reads (an inbox), as readers never change a part."""
_SHARED_MAX = 4
_shared: dict[bytes, etree._Element] = {}
"""The last `_SHARED_MAX` such parts parsed, by their bytes."""


@dataclass(frozen=True, slots=True)
class WordParts:
    """A Word document's parts as readers read them: the main part's root
    (``w:document``) and the roots of its style sheet, numbering, footnotes and
    comments parts (None for a part the document does not have)."""

    document: etree._Element
    styles: etree._Element
    numbering: etree._Element | None = None
    footnotes: etree._Element | None = None
    comments: etree._Element | None = None
    footnotes_part: Any = None
    """python-docx's footnotes part, in a view of a python-docx ``Document`` (a writer
    puts changed footnotes back into it); else None."""
    comments_extended: etree._Element | None = None
    """The root of the part threading the comments (``w15:commentsEx``), or None."""
    custom: bytes | None = None
    """The bytes of the package's custom properties part (``docProps/custom.xml``), or
    None."""
    related: bool = True
    """Whether the main part relates to other parts at all: False when its relationships
    part (``word/_rels/document.xml.rels``) is missing, so its comments and footnotes,
    though marked in its text, cannot be reached."""

    @property
    def body(self) -> etree._Element:
        """The ``w:body``."""
        return self.document.find(_BODY)


class DocxParts:
    """The same view of a python-docx ``Document``, each part looked up when first used
    (as the readers looked it up before: a comments part that is not XML is refused only
    by a reader that reads comments)."""

    def __init__(self, document: Any) -> None:
        self.word = document
        self.document: etree._Element = document.element
        self._found: dict[str, Any] = {}

    @property
    def body(self) -> etree._Element:
        """The ``w:body``."""
        return self.document.find(_BODY)

    @property
    def styles(self) -> etree._Element:
        """The style sheet (python-docx makes a default one when there is none)."""
        return self._once("styles", lambda: self.word.styles.element)

    @property
    def numbering(self) -> etree._Element | None:
        return self._once("numbering", lambda: getattr(
            _related(self.word.part, RT.NUMBERING), "element", None))

    @property
    def footnotes_part(self) -> Any:
        return self._once("footnotes_part", lambda: _related(self.word.part, RT.FOOTNOTES))

    @property
    def footnotes(self) -> etree._Element | None:
        part = self.footnotes_part
        return None if part is None else self._once(
            "footnotes", lambda: part_root(part, "footnotes"))

    @property
    def comments(self) -> etree._Element | None:
        return self._once("comments", lambda: _comments(self.word.part))

    @property
    def comments_extended(self) -> etree._Element | None:
        part = self._once("comments_extended_part",
                          lambda: _related(self.word.part, COMMENTS_EXTENDED))
        return None if part is None else self._once(
            "comments_extended", lambda: part_root(part, "commentsExtended"))

    @property
    def custom(self) -> bytes | None:
        return self._once("custom", lambda: _custom(self.word.part.package))

    @property
    def related(self) -> bool:
        return bool(self.word.part.rels)

    def _once(self, name: str, find: Callable[[], Any]) -> Any:
        if name not in self._found:
            self._found[name] = find()
        return self._found[name]


Parts = WordParts | DocxParts
"""What readers read a Word document from."""


def word_parts(document: Any) -> Parts:
    """The view of ``document``: a `WordParts` or `DocxParts` (returned as it is), or a
    python-docx ``Document`` (its parts as python-docx holds them)."""
    if isinstance(document, WordParts | DocxParts):
        return document
    return DocxParts(document)


def unreached(parts: Parts, kind: str) -> str:
    """Why the ``kind`` part ("comments", "footnotes") the text of ``parts`` marks cannot
    be read, when ``parts`` has none: said to the secretariat."""
    if not parts.related:
        return ("the file's word/_rels/document.xml.rels, which relates its text to its "
                "other parts, is missing")
    return f"its text is related to no {kind} part"


def _related(part: Any, reltype: str) -> Any | None:
    try:
        return part.part_related_by(reltype)
    except (KeyError, AttributeError):
        return None


def _custom(package: Any) -> bytes | None:
    """The bytes of the custom properties part a python-docx package relates to."""
    part = _related(package, RT.CUSTOM_PROPERTIES)
    return part.blob if part is not None and \
        part.content_type == CT.OFC_CUSTOM_PROPERTIES else None


def _comments(part: Any) -> etree._Element | None:
    """The first comments part the main part relates to (by type, so nothing is made
    when there is none)."""
    try:
        rels = part.rels.values()
    except AttributeError:
        return None
    for rel in rels:
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            return part_root(rel.target_part, "comments")
    return None


def part_root(part: Any, name: str) -> etree._Element:
    """The root element of a package ``part``: python-docx's own when it parsed the part,
    else parsed here from its bytes (no entities, no network). ReaderError naming the
    part (``name``) when it is not XML."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return etree.fromstring(part.blob, _BLOB_PARSER)
    except etree.XMLSyntaxError as error:
        raise ReaderError(f"the {name} part is not readable XML: {error}") from error


class _Unusual(Exception):
    """Something python-docx should judge (it may refuse the file, or read it its way)."""


def load_parts(package: zipfile.ZipFile, unpacked: dict[str, bytes]) -> WordParts | None:
    """The view of a checked ``package`` (``unpacked``: the bytes of parts already
    unpacked, by name; used and emptied), or None when python-docx should open it."""
    try:
        return _Loader(package, unpacked).load()
    except (_Unusual, etree.XMLSyntaxError, KeyError, ValueError, TypeError, AttributeError,
            zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
            NotImplementedError):  # a part not unpacked before (an image) may be damaged
        return None


class _Loader:
    """Every part python-docx would load, found and read as it does (relationships
    followed depth first from the package's), the parts python-docx parses parsed."""

    def __init__(self, package: zipfile.ZipFile, unpacked: dict[str, bytes]) -> None:
        self.package, self.unpacked = package, unpacked
        self.types = _ContentTypes(self._parse("/[Content_Types].xml"))
        self.parts: dict[str, tuple[str, etree._Element | bytes]] = {}
        """By part name (``/word/document.xml``): content type and root (or bytes)."""
        self.rels: dict[str, list[tuple[str, str | None, str | None]]] = {}
        """By part name ("/" for the package): (type, target part name, or None when
        external; id) of each relationship."""

    def load(self) -> WordParts:
        self._walk("/")
        main = _one(self.rels["/"], RT.OFFICE_DOCUMENT)
        kind, root = self.parts[main]
        if kind != CT.WML_DOCUMENT_MAIN or not _is_document(root):
            raise _Unusual(main)
        found: dict[str, etree._Element | None] = {}
        for reltype, expected in _READ.items():
            target = _optional(self.rels[main], reltype)
            if target is None:
                found[reltype] = None
                continue
            kind, content = self.parts[target]
            if expected is None:  # kept as bytes: parsed as `part_root` parses them
                if kind in PARSED_TYPES:
                    raise _Unusual(target)
                found[reltype] = _blob_root(content)
            elif kind != expected:
                raise _Unusual(target)
            else:
                found[reltype] = content
        styles = found[RT.STYLES]
        if styles is None:  # python-docx makes a default style sheet
            raise _Unusual(main)
        return WordParts(root, styles, found[RT.NUMBERING], found[RT.FOOTNOTES],
                         found[RT.COMMENTS], comments_extended=found[COMMENTS_EXTENDED],
                         custom=self._custom())

    def _custom(self) -> bytes | None:
        """The bytes of the first custom properties part the package relates to."""
        for reltype, target, _ in self.rels["/"]:
            if reltype == RT.CUSTOM_PROPERTIES and target is not None:
                kind, content = self.parts[target]
                if kind == CT.OFC_CUSTOM_PROPERTIES and isinstance(content, bytes):
                    return content
        return None

    def _walk(self, source: str) -> None:
        rels = self.rels[source] = self._relationships(source)
        for _, target, _ in rels:
            if target is None or target in self.parts:
                continue
            kind = self.types.of(target)
            self.parts[target] = (kind, self._parse(target, kind in _SHARED_TYPES)
                                  if kind in PARSED_TYPES else self._read(target))
            self._walk(target)

    def _relationships(self, source: str) -> list[tuple[str, str | None, str | None]]:
        folder, name = posixpath.split(source)
        item = posixpath.join(folder, "_rels", f"{name}.rels")
        if item[1:] not in self.package.NameToInfo:
            return []
        found = []
        ids = set()
        for rel in self._parse(item).findall(f"{_RELS_NS}Relationship"):
            reltype, target, rel_id = rel.get("Type"), rel.get("Target"), rel.get("Id")
            if reltype is None or target is None or rel_id in ids:
                raise _Unusual(item)
            ids.add(rel_id)
            external = rel.get("TargetMode", "Internal") == "External"
            found.append((reltype, None if external else posixpath.abspath(
                posixpath.join(folder, target)), rel_id))
        return found

    def _read(self, name: str) -> bytes:
        data = self.unpacked.pop(name[1:], None)
        return data if data is not None else self.package.read(name[1:])

    def _parse(self, name: str, shared: bool = False) -> etree._Element:
        data = self._read(name)
        if not shared:
            return etree.fromstring(data, _PARSER)
        root = _shared.get(data)
        if root is None:
            root = etree.fromstring(data, _PARSER)
            if len(_shared) >= _SHARED_MAX:
                del _shared[next(iter(_shared))]
            _shared[data] = root
        return root


def _blob_root(content: etree._Element | bytes) -> etree._Element:
    if not isinstance(content, bytes):
        raise _Unusual("a part kept as bytes")
    return etree.fromstring(content, _BLOB_PARSER)


def _is_document(root: etree._Element | bytes) -> bool:
    return (not isinstance(root, bytes) and root.tag == _DOCUMENT
            and root.find(_BODY) is not None)


def _one(rels: list[tuple[str, str | None, str | None]], reltype: str) -> str:
    found = _optional(rels, reltype)
    if found is None:
        raise _Unusual(reltype)
    return found


def _optional(rels: list[tuple[str, str | None, str | None]], reltype: str) -> str | None:
    """The part the one relationship of ``reltype`` names, or None when there is none;
    _Unusual for two, or an external one (python-docx fails on either)."""
    targets = [target for kind, target, _ in rels if kind == reltype]
    if len(targets) > 1 or None in targets:
        raise _Unusual(reltype)
    return targets[0] if targets else None


class _ContentTypes:
    """``[Content_Types].xml`` as python-docx reads it: overrides by part name, then
    defaults by extension, both without regard to case."""

    def __init__(self, root: etree._Element) -> None:
        self.overrides = _by_lower(root, "Override", "PartName")
        self.defaults = _by_lower(root, "Default", "Extension")

    def of(self, name: str) -> str:
        lower = name.lower()
        if lower in self.overrides:
            return self.overrides[lower]
        extension = posixpath.splitext(lower)[1]
        extension = extension[1:] if extension.startswith(".") else extension
        if extension in self.defaults:
            return self.defaults[extension]
        raise _Unusual(name)


def _by_lower(root: etree._Element, tag: str, key: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in root.findall(f"{_CT_NS}{tag}"):
        name, kind = item.get(key), item.get("ContentType")
        if name is None or kind is None:
            raise _Unusual(tag)
        found[name.lower()] = kind
    return found

