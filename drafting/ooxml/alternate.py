"""Which branch of an ``mc:AlternateContent`` Word shows (Markup Compatibility, ECMA-376
part 3): the first ``mc:Choice`` whose ``Requires`` names only namespaces Word
understands, else the ``mc:Fallback``.

The readers take that branch, as Word does: the text of a paragraph is what Word shows,
and the Word document kept as a revision's source (where merges and revisions are
written) shows it too. The namespaces understood are those Word 2010 and later write:
its own extensions of WordprocessingML (``w14`` ... ``w16du``), its shapes, groups,
canvases and ink (``wps``, ``wpg``, ``wpc``, ``wpi``, ``wp14``) and DrawingML's 2010
extensions (``a14``). A prefix not declared where it is used (invalid, but LibreOffice
reads it by name) is taken by its usual name. A branch holding other text than the one
read is named by `other_texts`, for a warning: another program may show it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ALTERNATE, CHOICE, FALLBACK = f"{MC}AlternateContent", f"{MC}Choice", f"{MC}Fallback"
_OFFICE = "http://schemas.microsoft.com/office/"
UNDERSTOOD = {
    "w14": f"{_OFFICE}word/2010/wordml",
    "w15": f"{_OFFICE}word/2012/wordml",
    "w16se": f"{_OFFICE}word/2015/wordml/symex",
    "w16cid": f"{_OFFICE}word/2016/wordml/cid",
    "w16": f"{_OFFICE}word/2018/wordml",
    "w16cex": f"{_OFFICE}word/2018/wordml/cex",
    "w16sdtdh": f"{_OFFICE}word/2020/wordml/sdtdatahash",
    "w16du": f"{_OFFICE}word/2023/wordml/word16du",
    "wp14": f"{_OFFICE}word/2010/wordprocessingDrawing",
    "wps": f"{_OFFICE}word/2010/wordprocessingShape",
    "wpg": f"{_OFFICE}word/2010/wordprocessingGroup",
    "wpc": f"{_OFFICE}word/2010/wordprocessingCanvas",
    "wpi": f"{_OFFICE}word/2010/wordprocessingInk",
    "a14": f"{_OFFICE}drawing/2010/main",
}
"""The namespaces (by their usual prefix) whose ``mc:Choice`` Word shows."""
_URIS = frozenset(UNDERSTOOD.values())


def shown(alternate: Any) -> Any:
    """The branch of the ``mc:AlternateContent`` ``alternate`` that Word shows (an
    ``mc:Choice`` or the ``mc:Fallback``), or None when it shows none."""
    for branch in alternate:
        if branch.tag == CHOICE and _understood(branch):
            return branch
    return alternate.find(FALLBACK)


def _understood(choice: Any) -> bool:
    required = (choice.get("Requires") or "").split()
    names = choice.nsmap
    return bool(required) and all(
        (names[prefix] in _URIS) if prefix in names else prefix in UNDERSTOOD
        for prefix in required)


def other_texts(alternate: Any, read: Any, text_of: Callable[[Any], str]) -> list[str]:
    """The texts (``text_of`` each branch) of the branches of ``alternate`` other than
    ``read`` that differ from the text of ``read``, in order, each once."""
    own = text_of(read) if read is not None else ""
    others: list[str] = []
    for branch in alternate:
        if branch is not read and branch.tag in (CHOICE, FALLBACK):
            text = text_of(branch)
            if text.strip() != own.strip() and text not in others:
                others.append(text)
    return others
