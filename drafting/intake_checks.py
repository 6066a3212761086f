"""What recording an intake (`drafting.intake.Intake`) would do, said before anything is
asked: what the store would refuse (a dry run says it as the real run would), the files
recorded before (sent again), the files repeating an earlier file of the same inbox, and
the proposals tabled again. Nothing here writes."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.intake import FileOutcome, Intake, naming
from drafting.model import AmendmentStatus

if TYPE_CHECKING:
    from drafting.errors import DraftingError
    from drafting.model import Amendment
    from drafting.store import Store, SubmitResult


def refused_batches(store: Store, symbol: str, batches: Sequence[Sequence[Amendment]], *,
                    allow_duplicates: bool = False) -> list[DraftingError | None]:
    """What recording each of ``batches`` against ``symbol`` would refuse, checked the way
    the store checks it and writing nothing (a dry run): for each, the error recording it
    would raise (a revision issued since it was made, a proponent named as a supporter,
    a change its delegation already proposes, ...), or None. The token is not checked
    (`Store.check_submit` does that)."""
    from drafting.store.submissions import refusals

    return list(refusals(store.document(symbol), _as_recorded(store, batches),
                         {d.code for d in store.delegations()}, store.amendments(symbol),
                         lambda batch: store.sent_again(symbol, [batch])[0] is not None,
                         allow_duplicates=allow_duplicates))


def _as_recorded(store: Store, batches: Sequence[Sequence[Amendment]],
                 ) -> list[list[Amendment]]:
    """``batches`` as the store would record them (`Store.as_recorded`), in one read."""
    given = store.as_recorded([a for batch in batches for a in batch])
    starts = list(accumulate((len(batch) for batch in batches), initial=0))
    return [given[start:end] for start, end in pairwise(starts)]


def already_recorded(store: Store, symbol: str, batches: Sequence[Sequence[Amendment]],
                     ) -> list[SubmitResult | None]:
    """For each of ``batches``, the submission it repeats if it was recorded before and
    all its amendments are still pending (sent again: recording it records nothing),
    else None: said in the preview, before anything is asked."""
    return store.sent_again(symbol, _as_recorded(store, batches))


def set_aside_recorded(store: Store, symbol: str, intake: Intake,
                       ) -> tuple[Intake, list[FileOutcome]]:
    """``intake`` without the files recorded before and still pending
    (`already_recorded`), and those files' outcomes (nothing new recorded); a file
    proposing the very same as one before it in the inbox (`Intake.repeats`) is kept
    but counts for nothing: the store records it once, the later file as sent again."""
    from drafting.store.submissions import content_hash

    found = already_recorded(store, symbol, [item.amendments for item in intake.prepared])
    kept = tuple(item for item, done in zip(intake.prepared, found, strict=True) if not done)
    first: dict[str, Path] = {}
    repeats = {}
    for item, batch in zip(kept, _as_recorded(store, [i.amendments for i in kept]),
                           strict=True):
        digest = content_hash(symbol, batch)
        if digest in first:
            repeats[item.path] = first[digest]
        first.setdefault(digest, item.path)
    return (Intake(intake.document, kept, intake.failed, repeats),
            [FileOutcome(item.path, item.proponents, done)
             for item, done in zip(intake.prepared, found, strict=True) if done])


def repeat_said(first: Path) -> str:
    """The preview's line for a file repeating ``first`` (`Intake.repeats`)."""
    return f"proposes the very same as {first.name}: recorded once, as {first.name}"


def tabled_again(store: Store, symbol: str, batches: Sequence[Sequence[Amendment]],
                 ) -> list[tuple[str, ...]]:
    """For each of ``batches`` (a file's amendments), the withdrawn, rejected or stale
    amendments it proposes again (``A3 (withdrawn)``): recording it tables them again,
    anew. For previews, so that what will happen is said before anything is asked."""
    from drafting.store.repeats import Proposed, proposed_before, sort_proposals

    settled: dict[tuple[Any, ...], str] = {}
    document = store.document(symbol)
    sort_proposals(document, store.amendments(symbol, statuses=_SETTLED), Proposed(), settled)
    if not settled:
        return [() for _ in batches]
    return [proposed_before(document, settled, batch)
            for batch in _as_recorded(store, batches)]


def tabled_again_said(earlier: Sequence[str]) -> str:
    """The preview's line for amendments that table ``earlier`` ones again."""
    return f"tables again what was proposed as {', '.join(earlier)}: recorded anew"


_SETTLED = frozenset({AmendmentStatus.WITHDRAWN, AmendmentStatus.REJECTED,
                      AmendmentStatus.STALE})


def check_recordable(store: Store, symbol: str, batches: Sequence[Sequence[Amendment]], *,
                     allow_duplicates: bool = False) -> None:
    """Raise, writing nothing, the error recording ``batches`` together would raise (the
    first refusal: `refused_batches`); return if they would be recorded."""
    for error in refused_batches(store, symbol, batches, allow_duplicates=allow_duplicates):
        if error is not None:
            raise error


def check_intake(store: Store, symbol: str, intake: Intake, *, each: bool = False,
                 allow_duplicates: bool = False) -> Intake:
    """``intake`` checked as `record_intake` would record it, writing nothing (a dry run
    says what the real one would): without ``each``, the error it would raise is raised;
    with ``each``, the files it would refuse are moved to `Intake.failed`, each with why."""
    batches = [item.amendments for item in intake.prepared]
    if not each:
        check_recordable(store, symbol, batches, allow_duplicates=allow_duplicates)
        return intake
    errors = refused_batches(store, symbol, batches, allow_duplicates=allow_duplicates)
    kept = tuple(item for item, error in zip(intake.prepared, errors, strict=True) if not error)
    failed = tuple(FileOutcome(item.path, item.proponents, error=naming(item.path, error.message))
                   for item, error in zip(intake.prepared, errors, strict=True) if error)
    return Intake(intake.document, kept, (*intake.failed, *failed))

