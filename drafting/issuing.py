"""What issuing a revision needs around the engine's work (`drafting.workflow.
revise_document`): a record that verifies, so that no revision is issued from rows
changed behind drafting's back, and the new revision's Word document, made from the
last one's when the text came from Word."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from drafting.errors import ReaderError

if TYPE_CHECKING:
    from drafting.model import Revision
    from drafting.store import Store

Step = Callable[[str], None]


def check_record(store: Store, label: str, warn: Step) -> None:
    """RecordMismatch unless the store verifies (`Store.verify`). When its only doubts
    are events dated later than this machine's clock (`VerifyReport.clock_only`: a
    writer's clock ran fast, or this one is slow), ``warn`` names them and the revision
    goes on: a clock is no change behind drafting's back, and refusing would hold the
    text until that time has come."""
    from drafting.store.errors import RecordMismatch

    report = store.verify()
    if report.ok:
        return
    more = len(report.mismatches) - 1
    found = f"{report.first}{f', and {more} more' if more else ''}"
    if report.clock_only:
        warn(f"{label}: the record's times are later than this machine's clock ({found}); "
             f"{label} is issued all the same")
        return
    raise RecordMismatch(
        f"{label} was not issued: the store does not match its record ({found}); a "
        "revision is issued only from a record that verifies. Run drafting verify to see "
        "every mismatch")


def revised_source(store: Store, symbol: str, current: Revision, new: Revision,
                   warn: Step) -> bytes | None:
    """The Word document of ``new``, made from ``current``'s (None when the text did not
    come from Word, or its document no longer holds it)."""
    source = store.source(symbol, current.label)
    if source is None:
        return None
    from drafting.writers.docx_revision import revise_source
    from drafting.writers.docx_source import NOT_WOVEN, SourceMismatch, source_holds

    try:
        made = revise_source(source, current, new, symbol=symbol)
        if not source_holds(made, new):  # e.g. numbers typed in a way not renumbered
            raise SourceMismatch(f"the document made does not read as {new.label}'s "
                                 "paragraphs")
        _table_brackets(made, f"{symbol} {new.label}", warn)
        return made
    except (*NOT_WOVEN, ReaderError) as error:  # the revision is issued all the same (a
        reason = str(error) or type(error).__name__  # document made that reads otherwise)
        warn(f"{symbol} {new.label}: its Word document could not be made from "
             f"{current.label}'s ({reason}); its Word outputs will be in drafting's own "
             "layout")
        return None


def _table_brackets(made: bytes, name: str, warn: Step) -> None:
    """Warn of brackets left in a table of the Word document ``made`` (one not read as
    paragraphs): its brackets count is the text's alone, and no revision settles them."""
    import io

    import docx

    from drafting.brackets import count
    from drafting.readers.paragraph_tables import bracketed_cells

    cells = bracketed_cells(docx.Document(io.BytesIO(made)).element.body)
    if cells:
        total = sum(count(text) for text in cells)
        shown = ", ".join(f"'{text[:40]}{'...' if len(text) > 40 else ''}'" for text in cells[:3])
        warn(f"{name}: its Word document keeps {total} bracket{'s' if total != 1 else ''} "
             f"in a table ({shown}{', ...' if len(cells) > 3 else ''}), not counted with "
             "the text's and left as written (a table is not part of the text)")
