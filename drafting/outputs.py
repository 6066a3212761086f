"""Every view of a negotiation written to a file: the compilation, the merged draft, the
diff between two revisions, and a revision to circulate.

Word outputs of a draft imported from Word are written into the secretariat's own
document while it holds the revision's text (`drafting.writers.docx_source`,
`drafting.writers.docx_revision`); others use our template. Each of them is also written
as ``.pdf``: the Word file, converted by LibreOffice (`drafting.pdf`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting import atomic, characters
from drafting.errors import InputError
from drafting.workflow import Step, compilation_of, revision_of

if TYPE_CHECKING:
    from drafting.engine import Compilation
    from drafting.model import Amendment, Document, Revision
    from drafting.store import Store
    from drafting.writers.docx_un import UnLayout

COMPILATION_FORMATS = ("docx", "pdf", "html", "md", "txt")
"""The extensions `compile_to` and `diff_to` write."""
REVISION_FORMATS = ("docx", "pdf", "md", "txt")
"""The extensions `write_revision` writes."""
MERGED_FORMATS = ("docx", "pdf")
"""The extensions `merge_to` writes."""


def _quiet(_: str) -> None:
    """A step reporter that says nothing."""


def compile_to(store: Store, symbol: str, path: str | Path, *,
               delegations: Collection[str] | None = None,
               statuses: Collection[str] | None = None, step: Step = _quiet) -> Compilation:
    """Write the compilation of ``symbol`` to ``path``, in the format its extension names
    (.docx, .pdf, .html, .md, .txt). Three steps."""
    from drafting.writers import COMPILATION_WRITERS

    path = atomic.file_path(path)
    fmt = _format(path, COMPILATION_FORMATS)
    compilation, chosen = compilation_of(store, symbol, delegations=delegations,
                                         statuses=statuses, step=step)
    step(f"writing {path.name}")
    if fmt in ("docx", "pdf"):
        _word_safe(chosen)
        from drafting.writers.docx_compilation import write_compilation_docx

        # its page setup and styles: the draft's own document, else our UN layout
        base = store.source(symbol, compilation.revision) or _layout_of(compilation)
        _word(path, lambda target: write_compilation_docx(compilation, target, base=base))
    else:
        atomic.write_atomically(path, COMPILATION_WRITERS[fmt](compilation))
    return compilation


def merge_to(store: Store, symbol: str, path: str | Path, *,
             delegations: Collection[str] | None = None,
             statuses: Collection[str] | None = None, step: Step = _quiet,
             warn: Step = _quiet) -> Compilation:
    """Write the merged draft of ``symbol`` to ``path`` (.docx, .pdf): every proposal a
    Word tracked change by its delegation, dated when it was submitted. A draft imported
    from Word is written into its own document while that document holds the revision's
    text; others into our template, and ``warn`` says why when a draft's own document
    could not be used, and names any proposal its document cannot show as a tracked
    change (named in a comment there instead). The file says it is the merged draft of
    that revision (`drafting.writers.merged_mark`), for the copies delegations send back.
    Three steps."""
    from drafting.writers.docx_merged import write_merged_docx

    path = atomic.file_path(path)
    _format(path, MERGED_FORMATS)
    compilation, chosen = compilation_of(store, symbol, delegations=delegations,
                                         statuses=statuses, step=step)
    step(f"writing {path.name}")
    _word_safe(chosen)
    dates = {a.id: a.submitted_at for a in chosen if a.submitted_at is not None}
    own = store.source(symbol, compilation.revision)
    source = own if own is not None else _layout_of(compilation)  # else our UN layout

    def write(target: Path) -> None:
        from drafting.writers.docx_source import NOT_WOVEN, write_merged_into_source

        try:  # marked: a copy of it says so
            lost = write_merged_into_source(source, compilation, target, dates=dates,
                                            marked=True)
        except NOT_WOVEN as error:  # its Word document does not hold this revision's text
            if own is not None:
                warn(_not_own(symbol, compilation.revision, path, error))
            write_merged_docx(compilation, target, dates=dates, marked=True)
        else:
            _unshown(path, lost, warn)

    _word(path, write)
    return compilation


def _word_safe(amendments: Collection[Amendment]) -> None:
    """RecordMismatch naming the first amendment that holds a text the library never records
    (`drafting.store.eventcheck.text_problems`: a control character, a bidi override, a
    text past the limit), which only a write behind the library's back can have stored
    and which a Word document cannot hold or would show falsely."""
    from drafting.store.errors import RecordMismatch
    from drafting.store.eventcheck import all_clean, text_problems

    if all_clean(amendments):  # nearly always: no amendment need be looked at alone
        return
    for amendment in amendments:
        for problem in text_problems(amendment):
            raise RecordMismatch(
                f"amendment {amendment.id}: {characters.escaped(problem)}; the library never "
                "records such a text, so it was written behind drafting's back (`drafting "
                "verify` names the event); nothing was written")


def _unshown(path: Path, lost: list[str], warn: Step) -> None:
    """Warn of the proposals ``lost``, which ``path`` names in comments, not as changes."""
    if lost:
        warn(f"{path.name}: {len(lost)} proposal{'s' if len(lost) > 1 else ''} not shown "
             f"as tracked changes, named in comments on their paragraphs instead: "
             f"{'; '.join(lost)}")


def _not_own(symbol: str, revision: str, path: Path, error: Exception) -> str:
    """Why ``path`` is not the secretariat's own document of ``symbol``'s ``revision``."""
    reason = str(error) or type(error).__name__
    return (f"{path.name}: written in drafting's own layout, not in the Word document of "
            f"{symbol} {revision} ({reason})")


def diff_to(store: Store, symbol: str, old: str, new: str, path: str | Path, *,
            step: Step = _quiet, warn: Step = _quiet) -> Compilation:
    """Write the changes from revision ``old`` to ``new`` of ``symbol`` to ``path``
    (.docx, .pdf, .html, .md, .txt). In Word, they are tracked changes in ``old``'s own
    document when it came from Word (Reject All gives ``old``, Accept All ``new``);
    ``warn`` says why when that document could not be used, and names any change it
    cannot show as a tracked change. The changes' author is ``new`` ("Rev.1"), their date
    its creation. Three steps."""
    from drafting.engine import diff_revisions
    from drafting.ooxml.revisions import Stamp
    from drafting.writers import COMPILATION_WRITERS

    path = atomic.file_path(path)
    fmt = _format(path, COMPILATION_FORMATS)
    step(f"loading {symbol}")
    document, _ = store.check_document(symbol, "nothing was written")
    before = revision_of(document, old)
    later = revision_of(document, new)
    author = Stamp(later.label, later.created_at)
    step(f"comparing {old} with {new}")
    compilation = diff_revisions(document, old, new, renumbered=fmt in ("docx", "pdf"))
    step(f"writing {path.name}")
    if fmt not in ("docx", "pdf"):
        atomic.write_atomically(path, COMPILATION_WRITERS[fmt](compilation))
        return compilation
    source = store.source(symbol, before.label)

    def write(target: Path) -> None:
        from drafting.writers.docx_merged import write_merged_docx

        if source is not None:
            from drafting.writers.docx_source import NOT_WOVEN, write_merged_into_source

            try:
                lost = write_merged_into_source(source, compilation, target,
                                                revised=(symbol, new), author=author)
            except NOT_WOVEN as error:
                warn(_not_own(symbol, before.label, path, error))
            else:
                _unshown(path, lost, warn)
                return
        write_merged_docx(compilation, target, author=author)

    _word(path, write)
    return compilation


POSITION_FORMATS = ("docx", "pdf", "html", "md")
"""The extensions `positions_to` writes."""


def positions_to(store: Store, symbol: str, path: str | Path, *,
                 paragraph: str | None = None) -> Any:
    """Write who stands where on ``symbol`` (`drafting.workflow.position_matrix`) to
    ``path`` (.docx, .pdf, .html, .md); returns the matrix."""
    from drafting.workflow import positions_of
    from drafting.writers import render_positions_markdown
    from drafting.writers.positions_tables import render_positions_html, write_positions_docx

    path = atomic.file_path(path)
    fmt = _format(path, POSITION_FORMATS)
    document, amendments = store.check_document(symbol, "nothing was written")
    matrix = positions_of(document, amendments, paragraph=paragraph)
    title = document.title
    if fmt == "md":
        atomic.write_atomically(path, render_positions_markdown(matrix))
    elif fmt == "html":
        atomic.write_atomically(path, render_positions_html(matrix, symbol=symbol, title=title))
    else:
        _word(path, lambda target: write_positions_docx(matrix, target, symbol=symbol,
                                                        title=title))
    return matrix


def write_revision(document: Document, path: str | Path, *,
                   revision: str | None = None, source: bytes | None = None,
                   warn: Step = _quiet) -> Revision:
    """Write ``revision`` of ``document`` (default: the current one) to ``path`` as a clean
    Word document (.docx, or .pdf) or as text (.md, .txt) that `drafting import` reads
    back. With ``source`` (the revision's own Word document, `Store.source`) that holds
    the revision, the Word file is that document; one that no longer does is said to
    ``warn``, and the file written in drafting's own layout. Returns the revision written."""
    chosen = revision_of(document, revision)
    path = atomic.file_path(path)
    if _format(path, REVISION_FORMATS) in ("docx", "pdf"):
        from drafting.writers.docx_clean import write_docx_revision
        from drafting.writers.docx_source import source_holds
        from drafting.writers.docx_un import un_document

        def write(target: Path) -> None:
            if source is not None and source_holds(source, chosen):
                atomic.write_atomically(target, source)
            elif source is None:  # a text that did not come from Word: our UN layout
                atomic.write_atomically(target, un_document(document, revision=chosen.label))
            else:
                warn(f"{path.name}: written in drafting's own layout, not in the Word "
                     f"document of {document.symbol} {chosen.label} (that document does not "
                     f"read as {chosen.label}'s paragraphs)")
                write_docx_revision(document, target, revision=chosen.label)

        _word(path, write)
    else:
        from drafting.writers import write_text

        atomic.write_atomically(path, write_text(document.title, chosen.paragraphs,
                                                 front_matter=chosen.front_matter,
                                                 after_title=chosen.after_title,
                                                 chapeau=chosen.chapeau,
                                                 markdown=path.suffix.lower() == ".md"))
    return chosen


def write_stored_revision(store: Store, symbol: str, path: str | Path, *,
                          revision: str | None = None, warn: Step = _quiet) -> Revision:
    """`write_revision` for a document in the store: the Word file is the revision's own
    document when it has one. Returns the revision written."""
    document, _ = store.check_document(symbol, "nothing was written")
    chosen = revision_of(document, revision)
    source = store.source(symbol, chosen.label)
    return write_revision(document, path, revision=chosen.label, source=source, warn=warn)


def _layout_of(compilation: Compilation) -> UnLayout:
    """The UN-layout Word document of the revision ``compilation`` was made on, built
    when a writer asks for it."""
    from drafting.engine.segments import MergedParagraph
    from drafting.model import Document, Revision
    from drafting.writers.docx_un import UnLayout

    paragraphs = tuple(e.paragraph for e in compilation.entries
                       if isinstance(e, MergedParagraph))
    revision = Revision(compilation.revision, paragraphs, front_matter=compilation.front_matter,
                        chapeau=compilation.chapeau, after_title=compilation.after_title)
    return UnLayout(Document(compilation.symbol, compilation.title, (revision,)))


def _word(path: Path, write: Callable[[Path], None]) -> None:
    """``write`` the Word file at ``path``, or, for a .pdf, into a temporary Word file
    that LibreOffice converts."""
    if path.suffix.lower() == ".pdf":
        from drafting.pdf import write_pdf

        write_pdf(path, write)
    else:
        write(path)


def _format(path: Path, allowed: tuple[str, ...]) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in allowed:
        raise InputError(f"{path}: cannot write '{path.suffix or 'no extension'}' files here; "
                         f"use {', '.join('.' + a for a in allowed)}")
    return fmt
