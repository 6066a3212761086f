"""The floor: the least a process can do to turn a draft and its submissions into Word.

``python benchmarks/floor.py DRAFT.md SUBMISSIONS_DIR OUT.docx`` reads the Markdown draft
and every JSON submission, and writes a .docx holding the same paragraphs and one tracked
change per amendment (the quoted words as a deletion, the new words as an insertion,
attributed to the delegation), built naively: the changes are put at the end of their
paragraph, not anchored where the quoted words stand; no checks, no store, no python-docx,
only string building and ``zipfile``. What ``drafting compile`` and ``drafting merge`` do
on top of this (parsing, checking, anchoring, merging, the store, a styled document) is
what the benchmark's ratios measure. With ``DRAFTING_TIMING=1`` it tells its own work (from
after its imports to the end) on stderr, as ``drafting`` does.
"""

from __future__ import annotations

import json
import os
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DATE = "2025-01-01T00:00:00Z"


def _blocks(draft: Path) -> list[tuple[str, str]]:
    """(label, text) of each block of the draft; headings keep their hashes as label."""
    blocks = []
    for block in draft.read_text(encoding="utf-8").split("\n\n"):
        block = " ".join(block.split())
        if block:
            label, _, text = block.partition(" ")
            blocks.append((label, text))
    return blocks


def _changes(folder: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Paragraph label -> (delegation, old words, new words) of every amendment."""
    changes: dict[str, list[tuple[str, str, str]]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for item in data["amendments"]:
            old = item.get("replace") or item.get("delete") or item.get("bracket") or ""
            new = (item.get("with") or item.get("insert") or item.get("new_paragraph")
                   or item.get("alternative") or "")
            changes.setdefault(item["paragraph"], []).append((data["delegation"], old, new))
    return changes


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def document_xml(blocks: list[tuple[str, str]],
                 changes: dict[str, list[tuple[str, str, str]]]) -> str:
    """The body: each paragraph, then its changes as w:del / w:ins pairs."""
    parts = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
             f'xmlns:w="{_W}"><w:body>']
    number = 0
    for label, text in blocks:
        parts.append("<w:p>" + _run(f"{label}\t{text}"))
        for author, old, new in changes.get(label, ()):
            who = escape(author, {'"': "&quot;"})
            if old:
                number += 1
                parts.append(f'<w:del w:id="{number}" w:author="{who}" w:date="{_DATE}"><w:r>'
                             f'<w:delText xml:space="preserve">{escape(old)}</w:delText>'
                             "</w:r></w:del>")
            if new:
                number += 1
                parts.append(f'<w:ins w:id="{number}" w:author="{who}" w:date="{_DATE}">'
                             f"{_run(new)}</w:ins>")
        parts.append("</w:p>")
    parts.append("</w:body></w:document>")
    return "".join(parts)


def write_floor(draft: Path, submissions: Path, out: Path) -> int:
    """Write the floor document; returns the number of amendments written."""
    changes = _changes(submissions)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document_xml(_blocks(draft), changes))
    return sum(len(found) for found in changes.values())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: python benchmarks/floor.py DRAFT.md SUBMISSIONS_DIR OUT.docx")
    started = time.perf_counter()
    count = write_floor(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
    print(f"wrote {sys.argv[3]}: {count} amendments")
    if os.environ.get("DRAFTING_TIMING"):
        print(f"floor: timing: work {time.perf_counter() - started:.3f} s", file=sys.stderr)
