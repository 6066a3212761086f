"""Importing a draft: the file read, its symbol taken from it where none is given, and
the zero draft stored with its Word source (`drafting.workflow.import_draft`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import InputError
from drafting.given_files import read_given
from drafting.issuing import Step

if TYPE_CHECKING:
    from drafting.model import Document
    from drafting.readers import ReadWarning
    from drafting.store import Store

def _quiet(_: str) -> None:
    """A `Step` that shows nothing."""


def import_draft(store: Store, path: str | Path, symbol: str | None,
                 title: str | None = None, actor: str = "", step: Step = _quiet,
                 ) -> tuple[Document, list[ReadWarning]]:
    """Read the draft at ``path`` (.md, .txt, .docx) and store it as document ``symbol``
    (None: the one symbol its front matter shows, or else its page headers:
    `copy_symbols.draft_symbols`; InputError where it shows none, or several), its zero
    draft; a ``.docx`` is kept with it, byte for byte, as its source
    (`Store.source`): one saved as Strict Open XML in the transitional form Word saves
    by default (`drafting.ooxml.strict`). Returns the document and the reader's
    warnings. Two steps."""
    from drafting.ooxml.accept import accept_all
    from drafting.ooxml.external import without_loaded
    from drafting.ooxml.package import word_package
    from drafting.readers import ReadWarning, read_draft

    path = Path(path)
    step(f"reading {path.name}")
    word = path.suffix.lower() == ".docx"
    source = _source_bytes(path) if word else None
    result = read_draft(path)  # reads the file again: what it read must be what is kept
    if word and _source_bytes(path) != source:
        raise InputError(f"{path}: the file changed while it was read; nothing was imported: "
                         "wait until it is saved and import it again")
    if not result.paragraphs:
        lines = len(result.front_matter) + len(result.after_title) + bool(result.title)
        raise InputError(f"{path}: no paragraph found; nothing was imported" + (
            f" (its {lines} lines of text were read as front matter and title, as the text "
            "of a table at the top is: a draft laid out inside a table is read so; take "
            "the text out of the table)" if lines > 1 else ""))
    warnings = list(result.warnings)
    if source is not None:  # a document saved as Strict Open XML: kept as Word saves it
        source, loaded = without_loaded(word_package(path, source))
        warnings += [ReadWarning(str(path), f"{what} was left out of the document kept "
                                 "for the outputs") for what in loaded]
        source, accepted = accept_all(source)  # kept as the text was read
        if accepted:
            warnings.append(ReadWarning(str(path), (
                f"its {accepted} tracked change{'s are' if accepted != 1 else ' is'} accepted "
                "in the document kept for the outputs (show, merge, revise), as the text "
                "was imported")))
    if symbol is None:
        symbol = _shown_symbol(path, (*result.front_matter, *result.after_title), word)
    document = result.to_document(symbol, title=title)
    step(f"storing {len(result.paragraphs)} paragraphs")
    store.add_document(document, source=source, actor=actor)
    return store.document(symbol), warnings


def _shown_symbol(path: Path, front_matter: Sequence[str], word: bool) -> str:
    """The one document symbol the draft at ``path`` shows (its front matter, else its
    page headers); InputError, importing nothing, where it shows none or several."""
    from drafting.readers.copy_symbols import draft_symbols, header_lines

    found = draft_symbols(front_matter, header_lines(path) if word else ())
    if len(found) == 1:
        return found[0]
    if found:
        raise InputError(f"{path}: the draft shows {len(found)} document symbols "
                         f"({', '.join(found)}); nothing was imported: say which is its own "
                         f"with --doc (e.g. --doc {found[0]})")
    raise InputError(f"{path}: the draft shows no document symbol on a line of its own in "
                     "its front matter or page headers; nothing was imported: give it with "
                     "--doc (e.g. --doc A/C.2/81/L.7)")


def _source_bytes(path: Path) -> bytes:
    """The bytes of the Word file at ``path``, to keep as its source: ReaderError (before
    anything is read) if it is no file or cannot be read (`drafting.given_files`),
    StoreError if it is more than the store keeps."""
    from drafting.store import sources

    try:
        size = path.stat().st_size  # 0 for a pipe or a device, which read_given refuses
    except OSError:
        size = 0  # read_given says what is wrong
    sources.check_size(size)
    return read_given(path, sources.MAX_SOURCE_BYTES, kind="a .docx file",
                      limit_said="the store keeps as a draft's source")
