"""The one check of a delegation's new words before they become an amendment.

`refuse_disguise` refuses words that look other than they are
(`drafting.lookalikes.disguise`: look-alike letters, marks on letters not their own, what
shows nothing ...) and, given the store's delegation codes, words written as the
compilation credits words to a delegation (`drafting.attributions.forged_credit`), and
footnote markers ("[^1]") the paragraph does not cite (`stray_note`): a footnote cannot
be cited from new words yet, and its marker would be printed as text.
`composed` gives a proposal typed on the command line in the form every text is kept in
(Unicode NFC), as the readers of files do, saying what that changed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from drafting.attributions import forged_credit
from drafting.brackets import NOTE_MARKER
from drafting.characters import normalised_said, problem
from drafting.errors import AmendmentError
from drafting.lookalikes import disguise

if TYPE_CHECKING:
    from drafting.engine.amend import Proposal

_TEXTS = ("replace", "with_", "delete", "insert", "after", "before", "new_paragraph",
          "alternative", "bracket", "reason")


def composed(proposal: Proposal) -> tuple[Proposal, tuple[str, ...]]:
    """``proposal`` with each of its texts in Unicode NFC, as the readers of files store
    them, and a warning naming each text that changed (``insert: accents written as a
    letter plus a combining mark were stored composed ...``)."""
    said = {name: sentence for name in _TEXTS if (text := getattr(proposal, name)) is not None
            and (sentence := normalised_said(text))}
    texts = {name: unicodedata.normalize("NFC", getattr(proposal, name)) for name in said}
    return replace(proposal, **texts), tuple(f"{name.rstrip('_')}: {sentence}"
                                             for name, sentence in said.items())


def refuse_disguise(label: str, new: str, known: str, *, at: int | None = None,
                    end: int | None = None, delegations: Collection[str] = (),
                    kept: str = "", own: Collection[str] = (),
                    cites: str | None = None) -> None:
    """AmendmentError if the words ``new`` proposed for paragraph ``label`` (whose text,
    or the proposal's it amends, is ``known``; ``at`` to ``end``, where in it they go)
    look other than they are (`drafting.lookalikes.disguise`), or hold a tag crediting
    words to one of ``delegations`` but ``own`` (the proponents) that ``kept``, the words
    they replace, does not (`drafting.attributions.forged_credit`). Words that are not a
    paragraph's text at all (`drafting.characters.problem`: a control character, an empty
    line) are left to the check of every text, which says that first, and once. A
    footnote marker ``cites`` (default ``known``; "" for a new paragraph) does not hold is
    refused too (`stray_note`)."""
    if problem(new, "paragraph") is not None:
        return
    if (marker := stray_note(new, known if cites is None else cites)) is not None:
        raise AmendmentError(f"{label}: {note_refusal(marker, new_paragraph=cites == '')}")
    found = disguise(new, known, at=at, end=end) or forged_credit(new, delegations, kept, own)
    if found is not None:
        raise AmendmentError(f"{label}: the new text, {found[1]}")


def stray_note(new: str, cites: str) -> str | None:
    """The first footnote marker ("[^1]") in the words ``new`` whose footnote ``cites``,
    the text they go in ("" for a new paragraph), does not cite; None if there is none."""
    if "[^" not in new:  # nearly always
        return None
    held = set(NOTE_MARKER.findall(cites)) if "[^" in cites else set()
    return next((m[0] for m in NOTE_MARKER.finditer(new) if m[1] not in held), None)


def note_refusal(marker: str, *, new_paragraph: bool) -> str:
    """Why new words may not hold the footnote marker ``marker``, and what to do."""
    where = "a new paragraph cannot cite a footnote" if new_paragraph else \
        "words cannot bring a footnote the paragraph does not cite"
    return (f"the new text holds the footnote marker '{marker}': {where} yet, and the "
            "marker would be printed as text; leave it out, and ask the secretariat to "
            "add or move the footnote")
