"""The Word reader's speed beside lxml's: what reading a delegation's copy costs over parsing it.

    python benchmarks/reader.py                    # 600 paragraphs, 20 changes, best of 5
    python benchmarks/reader.py --repeat 9         # best of nine
    python benchmarks/reader.py --paragraphs 60 --changes 5 --repeat 1   # does it work?

A synthetic draft (``samples/synthetic.py``, deterministic by ``--seed``) is written as
Word, with a delegation's copy carrying ``--changes`` tracked changes; accepting every
change in that copy (here, with lxml) gives the same delegation's edited copy, with no
tracked changes. In one process, each file is then read, best of ``--repeat`` runs:

- *lxml*: the yardstick, what reading the file cannot be quicker than: unzip
  ``word/document.xml``, parse it (``etree.fromstring``) and list its paragraphs' text
  (every ``w:p``, its ``w:t`` texts joined);
- *ours*: the copy read as ``drafting submit`` reads it (`read_docx_submission` against
  the draft read from Word), and the draft itself read as ``drafting import`` reads it
  (`read_draft`: its structure, and the place and formatting of every character). Each
  copy is read as the first of its draft; the *next tracked copy* is one more read after
  it, as the other copies of an inbox are (their paragraphs' roles, laid out alike
  before their tracked changes, are read once: `drafting.readers.copy_roles`).

The table shows each time and its ratio to lxml's on the same file; a second table reads
one paragraph near the length limit (`drafting.limits.MAX_PARAGRAPH_CHARS`) edited in a
few places, with its peak memory (tracemalloc). The last line of output is every figure
as one JSON object.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "samples"))

from synthetic import write_workload  # noqa: E402

from drafting.limits import MAX_PARAGRAPH_CHARS  # noqa: E402
from drafting.model import Document, Paragraph, ParagraphKind, Revision  # noqa: E402
from drafting.readers import read_docx_submission, read_draft  # noqa: E402
from drafting.readers.copy_roles import forget_layouts  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SYMBOL = "A/C.2/81/L.60"
DELEGATION = "AFG"


def lxml_paragraphs(path: Path) -> list[str]:
    """The yardstick: the text of every paragraph of ``path``, as lxml reads it."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def accept_all(tracked: Path, edited: Path) -> None:
    """Write ``tracked`` with every tracked change accepted (insertions kept, deletions
    dropped, revision marks gone) to ``edited``: the same delegation's edited copy."""
    with zipfile.ZipFile(tracked) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    for gone in list(root.iter(f"{W}del", f"{W}moveFrom")):
        gone.getparent().remove(gone)
    for kept in list(root.iter(f"{W}ins", f"{W}moveTo")):
        parent = kept.getparent()
        if parent.tag != f"{W}rPr":  # a paragraph mark's own mark only goes
            for child in kept:
                kept.addprevious(child)
        parent.remove(kept)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True,
                                                encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def best(runs: list[Callable[[], Any]], repeat: int) -> list[float]:
    """The quickest of ``repeat`` runs of each of ``runs``, in seconds. The runs take
    turns, so that the machine's ups and downs touch them alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, taken in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            taken.append(time.perf_counter() - started)
    return [min(taken) for taken in times]


def copies(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """The draft and its two copies read, each beside lxml."""
    workload = write_workload(folder, seed=args.seed, paragraphs=args.paragraphs,
                              delegations=1, per_delegation=args.changes)
    edited = folder / "edited.docx"
    accept_all(workload.tracked_docx, edited)
    draft = read_draft(workload.draft_docx)
    document = draft.to_document(SYMBOL)
    figures: dict[str, Any] = {}
    for name, path in (("draft (import)", workload.draft_docx),
                       ("tracked copy", workload.tracked_docx), ("edited copy", edited)):
        if path == workload.draft_docx:
            def ours(path: Path = path) -> Any:
                return read_draft(path)
            count = len(draft.paragraphs)
        else:
            def ours(path: Path = path) -> Any:
                forget_layouts()  # each time the first copy of its draft
                return read_docx_submission(path, document, delegation=DELEGATION)
            count = len(ours().amendments)
        base, seconds = best([lambda path=path: lxml_paragraphs(path), ours], args.repeat)
        figures[name] = {"lxml_ms": round(base * 1000, 2), "ours_ms": round(seconds * 1000, 2),
                         "ratio": round(seconds / base, 1), "read": count,
                         "word_paragraphs": len(lxml_paragraphs(path))}
        if path == workload.tracked_docx:  # the next copies of an inbox: laid out alike
            def next_copy(path: Path = path) -> Any:
                return read_docx_submission(path, document, delegation=DELEGATION)
            base, seconds = best([lambda path=path: lxml_paragraphs(path), next_copy],
                                 args.repeat)
            figures["next tracked copy"] = {
                "lxml_ms": round(base * 1000, 2), "ours_ms": round(seconds * 1000, 2),
                "ratio": round(seconds / base, 1), "read": count,
                "word_paragraphs": len(lxml_paragraphs(path))}
    return figures


def long_paragraph(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """One paragraph just under ``--long`` characters (the length limit), edited in five
    places (a clean copy, diffed word by word): the time and peak memory of reading it."""
    import docx

    words, n, length = [], 0, 0
    while length < args.long - 200:
        words.append(f"measure{n % 3000} of item {n},")
        length += len(words[-1]) + 1
        n += 1
    text = "Noting " + " ".join(words) + " done;"
    revision = Revision("Zero draft", (
        Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolutions,"),
        Paragraph("pp2", "PP2", ParagraphKind.PREAMBULAR, text),
        Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;")))
    document = Document(SYMBOL, "A long paragraph", (revision,))
    edited = text
    for k in range(1, 6):  # five words replaced, spread over the paragraph
        item = f" of item {k * n // 6},"
        edited = edited.replace(item, f" of item {k * n // 6} bis,", 1)
    word = docx.Document()
    for label, body in (("PP1", revision.paragraphs[0].text), ("PP2", edited),
                        ("OP1", revision.paragraphs[2].text)):
        word.add_paragraph(f"{label}\t{body}")
    path = folder / "long.docx"
    saved = io.BytesIO()
    word.save(saved)
    path.write_bytes(saved.getvalue())
    tracemalloc.start()  # the first reading: nothing remembered from an earlier one
    read = read_docx_submission(path, document, delegation=DELEGATION)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    base, seconds = best([lambda: lxml_paragraphs(path),
                          lambda: read_docx_submission(path, document, delegation=DELEGATION)],
                         args.repeat)
    return {"characters": len(text), "read": len(read.amendments),
            "lxml_ms": round(base * 1000, 2), "ours_ms": round(seconds * 1000, 2),
            "ratio": round(seconds / base, 1), "peak_mb": round(peak / 1e6, 1)}


def table(figures: dict[str, Any], long: dict[str, Any]) -> str:
    rows = [f"{'file':<18}{'paragraphs':>9}{'read':>6}{'lxml ms':>10}{'ours ms':>10}"
            f"{'ratio':>8}"]
    for name, row in figures.items():
        rows.append(f"{name:<18}{row['word_paragraphs']:>9}{row['read']:>6}"
                    f"{row['lxml_ms']:>10.2f}{row['ours_ms']:>10.2f}{row['ratio']:>7.1f}x")
    rows.append("")
    rows.append(f"one paragraph of {long['characters']:,} characters, edited in five places: "
                f"{long['read']} amendments in {long['ours_ms']:.1f} ms "
                f"({long['ratio']:.1f}x lxml's {long['lxml_ms']:.2f} ms), "
                f"peak memory {long['peak_mb']:.1f} MB")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--changes", type=int, default=20,
                        help="tracked changes in the delegation's copy")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5, help="runs per file (best shown)")
    parser.add_argument("--long", type=int, default=MAX_PARAGRAPH_CHARS,
                        help="characters of the long paragraph (at most the limit)")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="drafting-reader-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        figures = copies(args, folder)
        long = long_paragraph(args, folder)
    print(table(figures, long))
    print(json.dumps({"benchmark": "reader", "seed": args.seed, "repeat": args.repeat,
                      "paragraphs": args.paragraphs, "changes": args.changes,
                      "files": figures, "long_paragraph": long}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
