"""Compile the sample negotiation: the zero draft and five delegations' submissions.

Run ``python samples/compile_samples.py`` to (re)write the golden files in
``samples/golden/`` (or ``python samples/compile_samples.py OUTDIR`` to write
them elsewhere); ``tests/test_samples.py`` checks that the library still
produces exactly them. Submissions are taken in a fixed order, five minutes
apart, so the result does not depend on the clock.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from drafting.engine.merge import merge
from drafting.engine.positions import positions
from drafting.engine.segments import Compilation
from drafting.readers import load_submission, read_draft
from drafting.writers import COMPILATION_WRITERS, render_positions_markdown

HERE = Path(__file__).parent
SYMBOL = "A/C.2/81/L.7"
ORDER = ("eu", "g77", "usa", "jpn", "aosis")
"""The order the delegations' files came in."""
OPENED = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def sample_compilation() -> Compilation:
    """The sample zero draft with every sample submission merged on it."""
    document = read_draft(HERE / "zero-draft.md").to_document(SYMBOL)
    amendments = []
    for number, name in enumerate(ORDER):
        when = OPENED + timedelta(minutes=5 * number)
        path = HERE / "submissions" / f"{name}.json"
        _, found = load_submission(path, document, submitted_at=when)
        amendments.extend(found)
    return merge(document, amendments)


def golden_files(compilation: Compilation) -> dict[str, str]:
    """File name -> content of every golden rendering."""
    files = {f"compilation.{ext}": render(compilation) for ext, render in
             COMPILATION_WRITERS.items()}
    files["positions.md"] = render_positions_markdown(positions(compilation))
    return files


def write_word_files(compilation: Compilation, folder: Path) -> list[Path]:
    """The compilation as a Word document, and the merged draft with every
    proposal as a Word tracked change (reasons as comments)."""
    from drafting.writers.docx_compilation import write_compilation_docx
    from drafting.writers.docx_merged import write_merged_docx

    written = [folder / "compilation.docx", folder / "merged.docx"]
    write_compilation_docx(compilation, written[0])
    write_merged_docx(compilation, written[1])
    return written


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else HERE / "golden"
    folder.mkdir(parents=True, exist_ok=True)
    compilation = sample_compilation()
    for name, content in golden_files(compilation).items():
        (folder / name).write_text(content, encoding="utf-8")
        print(f"wrote {folder / name}")
    if argv:  # the goldens are text; Word files only where asked for
        for path in write_word_files(compilation, folder):
            print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
