"""What counts as proposing again: the same change to the same paragraph, by the same
delegations (`proposal_key`), or by some of the delegations that propose it together
(`shared_by`: EU proposing alone what EU and G77 propose as A7). A proposal pending or
accepted is not proposed again (unless duplicates are allowed); one withdrawn, rejected or
stale may be tabled again, and is then recorded anew.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from drafting import characters
from drafting.model import Amendment, AmendmentStatus, Document
from drafting.store.errors import StoreError

_S = AmendmentStatus


def proposal_key(document: Document, amendment: Amendment) -> tuple[Any, ...]:
    """What makes two amendments the same proposal: who (sorted proponents, first), then
    the `change_key`."""
    return (tuple(sorted(amendment.proponents)), *change_key(document, amendment))


def change_key(document: Document, amendment: Amendment) -> tuple[Any, ...]:
    """What makes two amendments the same change, whoever proposes it: which paragraph of
    which revision (and which proposal, for an amendment to one), what change."""
    revision = document.revision(amendment.revision)
    span = amendment.span
    return (amendment.paragraph_id,
            revision.label if revision is not None else amendment.revision, str(amendment.kind),
            None if span is None else (span.start, span.end), amendment.old_text,
            characters.visible(amendment.new_text), amendment.amends.upper())  # "pre\u200bsent"


class Proposed(dict[tuple[Any, ...], str]):
    """What is proposed already: `proposal_key` -> ``A1``, ``A2 (accepted)``; and, in
    ``joint``, the proposals several delegations make together by their `change_key`
    (few: `shared_by` looks there, not through every proposal, for each new one). Only
    grows: an item set is never removed."""

    def __init__(self) -> None:
        super().__init__()
        self.joint: dict[tuple[Any, ...], list[tuple[tuple[str, ...], str]]] = {}

    def __setitem__(self, key: tuple[Any, ...], value: str) -> None:
        super().__setitem__(key, value)
        if len(key[0]) > 1:
            self.joint.setdefault(tuple(key[1:]), []).append((key[0], value))

    def update(self, items: Mapping[tuple[Any, ...], str]  # type: ignore[override]
               | Iterable[tuple[tuple[Any, ...], str]]) -> None:
        for key, value in items.items() if isinstance(items, Mapping) else items:
            self[key] = value


def shared_by(proposed: Proposed, key: tuple[Any, ...]) -> tuple[tuple[str, ...], str] | None:
    """The proponents and id (``A7``, ``A7 (accepted)``) of a proposal in ``proposed``
    that several delegations make together, among them all those of ``key`` (a
    `proposal_key`), making the same change; None if there is none."""
    who = set(key[0])
    for codes, earlier in proposed.joint.get(tuple(key[1:]), ()):
        if len(codes) > len(who) and who <= set(codes):
            return codes, earlier
    return None


def sort_proposals(document: Document, stored: Sequence[Amendment], proposed: Proposed,
                   settled: dict[tuple[Any, ...], str]) -> None:
    """Each of ``stored`` into ``proposed`` (pending or accepted: proposing it again is a
    repeat) or ``settled`` (withdrawn, rejected, stale: it may be tabled again)."""
    for amendment in stored:
        key = proposal_key(document, amendment)
        if amendment.status is _S.SUBMITTED:
            proposed[key] = amendment.id
        elif amendment.status is _S.ACCEPTED:
            proposed[key] = f"{amendment.id} (accepted)"
        else:
            settled[key] = f"{amendment.id} ({amendment.status})"


def proposed_before(document: Document, settled: Mapping[tuple[Any, ...], str],
                    amendments: Sequence[Amendment]) -> tuple[str, ...]:
    """The settled amendments (``A1 (withdrawn)``) that ``amendments`` propose again."""
    found = (settled.get(proposal_key(document, a)) for a in amendments)
    return tuple(dict.fromkeys(f for f in found if f is not None))


def check_repeats(document: Document, proposed: Proposed,
                  amendments: Sequence[Amendment]) -> None:
    """StoreError naming the amendments that repeat one ``proposed`` already (``A1``
    pending, ``A1 (accepted)``) or one before them in ``amendments`` (a file's are
    recorded once, with a warning, before they get here: `drafting.intake`, `twins`), or
    that some of the delegations proposing one together propose alone (`shared_by`)."""
    problems = []
    first: dict[tuple[Any, ...], int] = {}
    for number, amendment in enumerate(amendments, 1):
        key = proposal_key(document, amendment)
        earlier = proposed.get(key)
        shared = None if earlier is not None else shared_by(proposed, key)
        where = f"amendment {number} ({paragraph_label(document, amendment)})"
        if earlier is not None:
            problems.append(f"{where}: {', '.join(amendment.proponents)} already proposes "
                            f"this as {earlier}")
        elif shared is not None:
            others = [c for c in shared[0] if c not in amendment.proponents]
            problems.append(f"{where}: {', '.join(amendment.proponents)} already proposes "
                            f"this as {shared[1]}, together with {and_list(others)}")
        elif key in first:
            problems.append(f"{where}: the same change as amendment {first[key]} of the "
                            "submission")
        first.setdefault(key, number)
    if problems:
        count = f"{len(problems)} amendment" + ("s" if len(problems) > 1 else "")
        raise StoreError(f"{document.symbol}: {count} of the submission repeat what "
                         "is already proposed (the same change to the same paragraph); "
                         "nothing was recorded: leave them out, or submit with "
                         "--allow-duplicates", details="\n".join(problems))


def twins(document: Document, amendments: Sequence[Amendment]) -> dict[int, int]:
    """The amendments (by index) that propose the very same as one before them in
    ``amendments``, each with the index of the first."""
    first: dict[tuple[Any, ...], int] = {}
    found = {}
    for index, amendment in enumerate(amendments):
        key = proposal_key(document, amendment)
        if key in first:
            found[index] = first[key]
        first.setdefault(key, index)
    return found


def paragraph_label(document: Document, amendment: Amendment) -> str:
    """The label of the paragraph ``amendment`` is on, in the revision it was made
    against ("?" where that revision no longer holds it)."""
    revision = document.revision(amendment.revision)
    paragraph = revision.by_id(amendment.paragraph_id) if revision else None
    return paragraph.label if paragraph else "?"


def and_list(codes: Sequence[str]) -> str:
    """``EU and G77``, ``EU, G77 and USA``: delegations as a sentence names them."""
    return codes[0] if len(codes) == 1 else f"{', '.join(codes[:-1])} and {codes[-1]}"
