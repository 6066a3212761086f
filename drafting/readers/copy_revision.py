"""Copies of an earlier revision: a delegation answers on the draft it had, sent before
the secretariat issued the next one, or edits the copy it kept.

Read against the current revision, such a copy would propose, in the delegation's name,
to undo every change the revision made. `drafting.readers.docx_submission` tells such a
copy by the paragraphs it holds as only the earlier revision had them, and lacks those
only the current one has (`OtherRevision`); the copy is then read against the revision
it was made from, and its amendments carried onto the current text (`carried`), as
`drafting.engine.merge.place` carries pending amendments: a change whose words the
revision changed since cannot be carried, and the file is refused, saying which.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafting.engine.applied import apply_accepted
from drafting.engine.merge import place
from drafting.errors import DraftingError, ReaderError
from drafting.model import SPAN_KINDS, Amendment, Document, Revision
from drafting.readers.result import ReadWarning


class OtherRevision(ReaderError):
    """The file is plainly a copy of revision ``label``, not of the one it was read
    against."""

    def __init__(self, message: str, label: str) -> None:
        super().__init__(message)
        self.label = label


@dataclass(frozen=True, slots=True)
class Carried:
    """A copy's amendments moved onto the current revision, and the warning that says so."""

    amendments: tuple[Amendment, ...]
    warning: ReadWarning


def carried(amendments: tuple[Amendment, ...], document: Document, made_on: Revision,
            name: str) -> Carried:
    """``amendments``, read from the file ``name`` against ``made_on`` (an earlier
    revision of ``document``), moved onto its current revision. ReaderError naming each
    one that cannot be (its words changed since, its paragraph deleted), with nothing
    carried."""
    current = document.current
    assert current is not None  # a document has a revision once imported
    placed, stale = place(document, current, amendments)
    done = [item.amendment for item in stale if _made(item.amendment, made_on, current)]
    stale = [item for item in stale if item.amendment not in done]
    if stale:
        listed = "; ".join(f"{_label(made_on, item.amendment)} ({item.amendment.kind}): "
                           f"{item.reason}" for item in stale)
        raise ReaderError(
            f"{name}: the file is a copy of {made_on.label}, not of {current.label}, and "
            f"{len(stale)} of its changes cannot be carried onto {current.label}'s text: "
            f"{listed}. Ask for those changes on {current.label}")
    made = "".join(f"; its change to {_label(made_on, a)} is in {current.label} already "
                   "(accepted since, it may be): not proposed again" for a in done)
    return Carried(tuple(placed), ReadWarning(name, (
        f"the file is a copy of {made_on.label}, not of {current.label}: its changes were "
        f"read against {made_on.label} (the labels in the other warnings are its) and "
        f"carried onto {current.label}'s text{made}")))


def _made(amendment: Amendment, made_on: Revision, current: Revision) -> bool:
    """Whether ``amendment`` (to ``made_on``) makes its paragraph read as ``current`` has
    it: a change of the copy that the revision has made since."""
    was, now = made_on.by_id(amendment.paragraph_id), current.by_id(amendment.paragraph_id)
    if was is None or now is None or amendment.kind not in SPAN_KINDS:
        return False
    try:
        return apply_accepted(was, was.text, [amendment]) == now.text
    except DraftingError:
        return False


def _label(revision: Revision, amendment: Amendment) -> str:
    paragraph = revision.by_id(amendment.paragraph_id)
    return paragraph.label if paragraph is not None else amendment.paragraph_id
