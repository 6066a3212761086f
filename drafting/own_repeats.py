"""A delegation's later copy still tracking its earlier changes: version 2 of its Word
copy, sent after version 1 was recorded, tracks version 1's changes still (left tracked)
beside a new one. Each change that is the very same as one its delegation proposes
already, pending (the same change to the same paragraph of the same revision, by the same
delegations: what the store would refuse as a repeat, `drafting.store.repeats`), is set
aside with a warning naming it and the proposal it repeats; the new ones are proposed.
A proposal the sender makes together with others (EU and G77's A7) is its own too: the
same change tracked in the EU's copy is A7, set aside, never an EU-only copy of it.

A copy holding nothing but such repeats is the earlier copy sent again: left whole, for
the store to say so (or refuse it, naming the proposal it repeats: a shared one too,
`drafting.store.repeats.shared_by`). A change that repeats another delegation's proposal
is the sender's own proposal, read as before.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from drafting.model import Amendment, Document
from drafting.readers.copy_text import quoted
from drafting.readers.result import ReadWarning
from drafting.store.repeats import and_list, change_key
from drafting.wording import describe


def without_own_repeats(amendments: Sequence[Amendment], document: Document,
                        proposed: Mapping[str, Sequence[Amendment]], name: str,
                        ) -> tuple[tuple[Amendment, ...], list[ReadWarning]]:
    """``amendments`` (read from the file ``name``) but those that repeat a pending
    proposal of ``proposed`` (by paragraph id) that their proponents make (alone or with
    others), and a warning for each set aside; all of them, and no warning, when every
    one is such a repeat."""
    kept: list[Amendment] = []
    repeats: list[tuple[Amendment, Amendment]] = []
    for amendment in amendments:
        change, who = change_key(document, amendment), set(amendment.proponents)
        same = next((a for a in proposed.get(amendment.paragraph_id, ())
                     if who <= set(a.proponents) and change_key(document, a) == change),
                    None)
        if same is None:
            kept.append(amendment)
        else:
            repeats.append((amendment, same))
    if not repeats or not kept:
        return tuple(amendments), []
    return tuple(kept), [_said(document, name, a, same) for a, same in repeats]


def _said(document: Document, name: str, amendment: Amendment,
          same: Amendment) -> ReadWarning:
    """The warning that ``amendment`` is set aside as the pending ``same``; a comment
    of its own, which ``same`` does not give as its reason, is quoted, not to be lost."""
    revision = document.revision(amendment.revision)
    paragraph = revision.by_id(amendment.paragraph_id) if revision is not None else None
    label = paragraph.label if paragraph is not None else "?"
    who = ", ".join(amendment.proponents)
    whose = f"its pending {same.id}" if set(same.proponents) == set(amendment.proponents) \
        else f"{same.id}, pending, proposed by {and_list(same.proponents)}"
    message = (f"{who}'s change to {label} ({describe(amendment)}) is {whose}, "
               "not proposed again (still tracked in this copy)")
    if amendment.reason and amendment.reason.strip() != (same.reason or "").strip():
        message += (f"; its comment is not {same.id}'s reason, and was not read: "
                    f"{quoted(amendment.reason, 200)}")
    return ReadWarning(f"{name} ({label})", message)
