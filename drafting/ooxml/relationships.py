"""The package's and the main part's relationships, checked before python-docx follows
them (`drafting.ooxml.package`).

python-docx takes the one relationship of a type it looks for (the style sheet, the
numbering, the footnotes ...) as the part it names, and fails, far from any message a
secretariat could act on, when there are two, when the one there is names the main
part itself (it recursed without end), or when it names a place outside the file
(``TargetMode="External"``: it has no part to give). Word holds each of these parts
inside the file, so any of the three is a damaged package, refused here in words that
name the file, the relationship and what to do. External relationships that are no
part of the document (a hyperlink, a linked picture, a template: `drafting.ooxml.external`)
are left alone.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from drafting.errors import ReaderError
from drafting.ooxml.unpack import SAVE_AGAIN, parse_part

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_ONE_OF_EACH = {
    "_rels/.rels": frozenset({"officeDocument", "core-properties", "extended-properties"}),
    "main": frozenset({"styles", "numbering", "footnotes", "endnotes", "comments", "settings",
                       "fontTable", "webSettings", "theme"}),
}
"""What a package, and its main part, relate to once at most (by the relationship type's
last word): python-docx takes each as the one there is, and fails on two."""

_INSIDE = {
    "_rels/.rels": _ONE_OF_EACH["_rels/.rels"] | {"custom-properties"},
    "main": _ONE_OF_EACH["main"] | {"header", "footer", "commentsExtended", "commentsIds",
                                    "commentsExtensible", "people", "stylesWithEffects"},
}
"""What a package, and its main part, relate to that Word holds inside the file (by the
relationship type's last word): never outside it."""

_SHOWN = 80
"""The characters of an external target a message shows."""


def check_relationships(path: Path, package: zipfile.ZipFile, main: str,
                        unpacked: dict[str, bytes], type_of: Callable[[str], str]) -> None:
    """Refuse a package, or a main part (``main``), with two relationships of a type a
    Word document has once (two style sheets ...), one of them naming the main part, or
    one to a part Word holds inside the file naming a place outside it. ``type_of``
    gives a part's content type ("" when unknown)."""
    folder, _, name = main.rpartition("/")
    for rels, owner, key in (
            ("_rels/.rels", "the package", "_rels/.rels"),
            (f"{folder}/_rels/{name}.rels".lstrip("/"), f"part {main}", "main")):
        if rels not in package.NameToInfo:
            continue
        found = list(parse_part(path, package, rels, unpacked).iter(f"{_RELS_NS}Relationship"))
        _check_inside(path, found, owner, _INSIDE[key])
        kinds = _ONE_OF_EACH[key]
        counts = Counter(_kind(rel) for rel in found if rel.get("TargetMode") != "External")
        if twice := sorted(kind for kind in kinds if counts[kind] > 1):
            said = ", ".join(f"{counts[kind]} {kind} parts" for kind in twice)
            raise ReaderError(
                f"{path}: {owner} names {said}, where a Word document has one; the file is "
                f"damaged or was not written by Word: {SAVE_AGAIN}"
            )
        _check_targets(path, rels, found, owner, kinds, main, type_of)


def _kind(rel: etree._Element) -> str:
    """A relationship's type by its last word ("styles", "header" ...)."""
    return (rel.get("Type") or "").rsplit("/", 1)[-1]


def _check_inside(path: Path, found: list[etree._Element], owner: str,
                  kinds: frozenset[str]) -> None:
    """Refuse a relationship of one of ``kinds`` (a style sheet, a header, the comments
    ...) whose target is outside the file: there is no such part to read, and python-docx
    fails on it."""
    for rel in found:
        if rel.get("TargetMode") != "External" or (kind := _kind(rel)) not in kinds:
            continue
        target = " ".join((rel.get("Target") or "").split())
        shown = target if len(target) <= _SHOWN else f"{target[:_SHOWN - 3]}..."
        raise ReaderError(
            f"{path}: {owner} names its {kind} part outside the file ('{shown}', "
            f"relationship {rel.get('Id', '?')}), where a Word document holds it inside; "
            f"the file is damaged or was not written by Word: {SAVE_AGAIN}"
        )


def _check_targets(path: Path, rels: str, found: list[etree._Element], owner: str,
                   kinds: frozenset[str], main: str, type_of: Callable[[str], str]) -> None:
    """Refuse a relationship of one of ``kinds`` (a style sheet ...) whose target is the
    main part, or a part of the main part's own type: python-docx would take the document
    for its own style sheet and recurse without end."""
    folder = rels.rpartition("_rels/")[0]
    main_type = type_of(main)
    for rel in found:
        kind = _kind(rel)
        if kind not in kinds or kind == "officeDocument" or rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join("/" + folder, rel.get("Target", "")))[1:]
        if target.lower() == main.lower() or (main_type and type_of(target) == main_type):
            what = "the main part itself" if target.lower() == main.lower() else (
                f"a part of the main part's type ({main_type})")
            raise ReaderError(
                f"{path}: {owner} names {target} as its {kind} part (relationship "
                f"{rel.get('Id', '?')}), which is {what}; the file is damaged or was not "
                f"written by Word: {SAVE_AGAIN}"
            )
