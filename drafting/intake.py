"""Taking in delegations' files: read each against the document, then record them.

`prepare_file` reads one file (.json names its own delegation; a Word file takes the
delegation it is submitted as and/or a Word author map) and records nothing.
`read_inbox` reads every file of a `drafting.inbox.Inbox` and checks the token before
anything is shown: all or nothing by default (every problem listed, naming each file),
or, ``each``, setting the files with a problem aside so that the others can go in.
`record_intake` then records the files read: all in one transaction, or each on its own
(``each``), saying for each file what was recorded or why not.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.characters import escaped
from drafting.errors import DraftingError, InputError
from drafting.inbox import Inbox, InboxFile, Refused
from drafting.model import AmendmentStatus
from drafting.readers.file_kinds import kind_advice
from drafting.readers.merged_copies import Proposals
from drafting.sender_checks import (
    acting_for_other,
    check_storable,
    refuse_entered_by_other,
    refuse_forged_credits,
    refuse_mapped_away,
    refuse_other_delegations,
)

if TYPE_CHECKING:
    from drafting.model import Amendment, Document
    from drafting.readers import DocxSubmission
    from drafting.store import Store, SubmitResult


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """One submission file read and checked against the document, not yet recorded."""

    path: Path
    amendments: tuple[Amendment, ...]
    warnings: tuple[str, ...] = ()
    delegation: str = ""
    """Whose file it is: a .json file's own delegation, or the one a Word file was
    submitted as; "" for a Word file whose authors alone tell (see `proponents`)."""

    @property
    def proponents(self) -> str:
        """Who proposes what the file holds: its amendments' proponents (``EU/G77``; its
        delegation first), so that a preview never names one delegation above another's
        proposals (a Word author mapped to another); its delegation if it holds none."""
        codes = dict.fromkeys(c for a in self.amendments for c in a.proponents)
        if self.delegation in codes or not codes:
            codes = {self.delegation: None, **codes} if self.delegation else codes
        return "/".join(codes) or "nobody"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one file: recorded (``result``), or not, and why (``error``)."""

    path: Path
    delegation: str
    result: SubmitResult | None = None
    error: str = ""

    @property
    def recorded(self) -> bool:
        return self.result is not None


@dataclass(frozen=True, slots=True)
class Intake:
    """The files of an inbox read against ``document``, ready to be shown and recorded,
    and those set aside (``each`` only), each with the reason."""

    document: Document
    prepared: tuple[PreparedFile, ...]
    failed: tuple[FileOutcome, ...] = ()
    repeats: Mapping[Path, Path] = field(default_factory=dict)
    """Files proposing the very same as a file before them in the inbox (two copies of
    one delegation's file), each with that file: recording them records nothing new
    (`drafting.intake_checks.set_aside_recorded`)."""

    @property
    def count(self) -> int:
        """How many amendments would be recorded."""
        return self.counted(self.prepared)

    def counted(self, items: Sequence[PreparedFile]) -> int:
        """How many amendments ``items`` (files of this intake) would record: none for a
        file repeating another (`repeats`)."""
        return sum(len(item.amendments) for item in items if item.path not in self.repeats)

    def by_delegation(self) -> list[tuple[str, list[PreparedFile]]]:
        """The files read, grouped by whose they are (`PreparedFile.proponents`), in the
        order each delegation first comes, its files in the order given."""
        groups: dict[str, list[PreparedFile]] = {}
        for item in self.prepared:
            groups.setdefault(item.proponents, []).append(item)
        return list(groups.items())


def sources_shown(store: Store, document: Document) -> Callable[[], list[str]]:
    """The symbols ``document``'s own Word sources show in their page headers
    (`drafting.readers.copy_symbols.source_symbols`), read from the store once, when
    first asked for (a copy showing a symbol that is not the document's)."""
    @cache
    def shown() -> list[str]:
        from drafting.readers.copy_symbols import source_symbols

        return [symbol for label in store.sources(document.symbol)
                if (content := store.source(document.symbol, label)) is not None
                for symbol in source_symbols(content)]
    return shown


def sources_boxes(store: Store, document: Document) -> Callable[[], list[str]]:
    """The texts of the text boxes ``document``'s own Word sources hold
    (`drafting.readers.copy_furniture.source_boxes`), read from the store once, when first
    asked for (a copy holding a text box): a copy's other boxes are named in warnings."""
    @cache
    def boxes() -> list[str]:
        from drafting.readers.copy_furniture import source_boxes

        return [text for label in store.sources(document.symbol)
                if (content := store.source(document.symbol, label)) is not None
                for text in source_boxes(io.BytesIO(content))]
    return boxes


def sources_comments(store: Store, document: Document,
                     ) -> Callable[[], set[tuple[str, str]]]:
    """The comments ``document``'s own Word sources hold, by author and text
    (`drafting.readers.source_comments`), read from the store once, when first asked for
    (a copy's comment on a change): a copy carries them, and they are no reasons."""
    @cache
    def comments() -> set[tuple[str, str]]:
        from drafting.readers.source_comments import source_comments

        return {key for label in store.sources(document.symbol)
                if (content := store.source(document.symbol, label)) is not None
                for key in source_comments(content)}
    return comments


def pending_by_paragraph(store: Store, document: Document,
                         ) -> Callable[[], Mapping[str, Sequence[Amendment]]]:
    """The pending amendments to ``document``, by paragraph id, read from the store once,
    when first asked for: what a copy of the merged draft shows, not proposed again; the
    others (`Proposals.settled`) are what an older merged draft may still show."""
    @cache
    def pending() -> Mapping[str, Sequence[Amendment]]:
        grouped = Proposals()
        for amendment in store.amendments(document.symbol):
            to = grouped if amendment.status is AmendmentStatus.SUBMITTED else grouped.settled
            to.setdefault(amendment.paragraph_id, []).append(amendment)
        return grouped
    return pending


def prepare_file(store: Store, document: Document, path: str | Path, *,
                 delegation: str | None = None, authors: Mapping[str, str] | None = None,
                 codes: Collection[str] | None = None,
                 proposed: Callable[[], Mapping[str, Sequence[Amendment]]] | None = None,
                 read: DocxSubmission | None = None) -> PreparedFile:
    """Read one submission file against ``document``'s current revision: a .json file
    (its own delegation, which must be ``delegation`` when one is given), or a .docx
    (tracked changes or an edited copy) whose changes are ``delegation``'s and/or, by
    Word author, ``authors``'. ``codes`` are the store's delegations (read when None);
    ``proposed`` the pending amendments (`pending_by_paragraph`, made when None); ``read``
    the Word file already read so (`drafting.read_ahead`), checked here as if read here.
    Raises InputError (or the reader's error) naming the file; records nothing."""
    from drafting.workflow import require_delegations

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from drafting.readers import load_submission  # Word is read only for .docx

        known = codes if codes is not None else {d.code for d in store.delegations()}
        pending = cache(lambda: store.amendments(document.symbol))  # only when one is named
        submission, found = load_submission(path, document, delegations=set(known),
                                            pending=pending)
        if delegation is not None and submission.delegation != delegation:
            raise InputError(f"{path}: the file is the submission of "
                             f"{submission.delegation}, not of {delegation}")
        refuse_entered_by_other(path, submission.submitted_by, submission.delegation, known)
        found, moved = _onto_current(store, document, found, path,
                                     proposed or pending_by_paragraph(store, document))
        found, said = _once(document, found, path)
        return PreparedFile(path, tuple(found), (*submission.warnings, *moved, *said),
                            delegation=submission.delegation)
    if suffix != ".docx":
        raise InputError(f"{path}: cannot submit '{suffix or 'no extension'}' files"
                         f"{kind_advice(suffix)}; use .json or .docx")
    if delegation is None and not authors:
        raise InputError(f"{path}: a Word submission needs --delegation CODE "
                         "(or --author 'Name=CODE' for its tracked changes)")
    require_delegations(store, [c for c in [delegation, *(authors or {}).values()] if c],
                        known=codes)
    if read is None:
        from drafting.readers import read_docx_submission

        read = read_docx_submission(path, document, delegation=delegation,
                                    authors=dict(authors) if authors else None,
                                    proposed=proposed or pending_by_paragraph(store, document),
                                    shown=sources_shown(store, document),
                                    boxes=sources_boxes(store, document),
                                    source_comments=sources_comments(store, document))
        # A Word package opened through python-docx (an unusual file) is a web of cycles,
        # and the command line does not collect cycles as it goes (drafting_cli.app):
        # freed here, file by file, an inbox of 193 such copies peaks at a tenth of the
        # memory (1.3 GB without).
        gc.collect(1)
    if not read.amendments:  # what was not read may be why: said below
        advice = (f"; a comment alone proposes nothing: track the change it asks for, or, "
                  f"to keep a paragraph as it stands, `drafting amend {document.symbol} "
                  f"LABEL --delegation {delegation or 'CODE'} --retain --reason '...'`"
                  ) if read.comments_unread else ""
        raise InputError(f"{path}: no change found against {document.symbol}; "
                         f"nothing to submit{advice}",
                         details="\n".join(f"warning: {w}" for w in read.warnings))
    known = codes if codes is not None else [d.code for d in store.delegations()]
    if delegation is not None:
        refuse_other_delegations(path, read.amendments, delegation, authors or {}, known,
                                 read.merged)
        refuse_mapped_away(path, read.amendments, delegation, authors or {}, known)
    refuse_forged_credits(path, read.amendments, document.current, known)
    check_storable(path, read.amendments, document.current)
    found, repeats = _own_repeats(store, document, read, path)
    amendments, said = _once(document, found, path)
    return PreparedFile(path, tuple(amendments),
                        (*(str(w) for w in read.warnings), *repeats, *said), delegation or "")


def _own_repeats(store: Store, document: Document, read: DocxSubmission, path: Path,
                 ) -> tuple[Sequence[Amendment], tuple[str, ...]]:
    """The amendments of a Word copy with tracked changes but those its own delegations
    propose already, pending (`drafting.own_repeats`: its earlier changes left
    tracked), and the warnings naming those set aside."""
    if not read.tracked:
        return read.amendments, ()
    from drafting.own_repeats import without_own_repeats

    codes = {code for a in read.amendments for code in a.proponents}
    pending: dict[str, list[Amendment]] = {}
    for amendment in store.amendments(document.symbol, statuses=[AmendmentStatus.SUBMITTED],
                                      delegations=codes):
        pending.setdefault(amendment.paragraph_id, []).append(amendment)
    kept, said = without_own_repeats(read.amendments, document, pending, str(path))
    return kept, tuple(str(w) for w in said)


def _onto_current(store: Store, document: Document, amendments: Sequence[Amendment],
                  path: Path, proposed: Callable[[], Mapping[str, Sequence[Amendment]]],
                  ) -> tuple[list[Amendment], tuple[str, ...]]:
    """``amendments`` of a JSON file made on an earlier revision (its ``"revision"``)
    anchored onto the current one, as a Word copy of that revision's are
    (`drafting.readers.copy_revision.carried`): moved through the edits the revisions
    since made, one that is in the current text already left out (a warning says so);
    ReaderError naming each whose words were changed since, with the reason. Amendments
    to proposals are in their proposal's words, which moved on with it. A file recorded
    before, its amendments pending still, is left as it was made: sent again, the store
    says so (`drafting.intake_checks.already_recorded`)."""
    from drafting.intake_checks import already_recorded

    current = document.current
    earlier = {a.revision for a in amendments} - {current.label if current else ""}
    made_on = document.revision(earlier.pop()) if len(earlier) == 1 else None
    if made_on is None or current is None or \
            already_recorded(store, document.symbol, [amendments])[0] is not None:
        return list(amendments), ()
    from dataclasses import replace

    from drafting.readers.copy_revision import accepted_on, carried  # only then: Word code

    plain = tuple(a for a in amendments if not a.amends)
    moved = carried(plain, document, made_on, str(path), accepted_on(proposed, document, made_on),
                    f"the file was made on {made_on.label}, not on {current.label}")
    placed = {a.id: a for a in moved.amendments}
    return [placed[a.id] if a.id in placed else replace(a, revision=current.label)
            for a in amendments if a.amends or a.id in placed], (str(moved.warning),)


def _once(document: Document, amendments: Sequence[Amendment], path: Path,
          ) -> tuple[list[Amendment], tuple[str, ...]]:
    """``amendments`` with each proposing the very same as one before it (the same change
    to the same paragraph, by the same delegations) left out, and a warning for each:
    a file that says a thing twice means it once."""
    from drafting.store.repeats import paragraph_label, twins

    found = twins(document, amendments)

    def named(index: int) -> str:
        amendment = amendments[index]
        return f"amendment {index + 1} ({amendment.amends or paragraph_label(document, amendment)})"

    return ([a for index, a in enumerate(amendments) if index not in found],
            tuple(f"{path}, {named(later)} proposes the very same as {named(first)}; it "
                  "is recorded once" for later, first in found.items()))


def read_inbox(store: Store, symbol: str, inbox: Inbox, *, each: bool = False,
               check_token: bool = True, actor: str = "",
               step: Callable[[str], None] | None = None, jobs: int | None = None) -> Intake:
    """Read every file of ``inbox`` against document ``symbol`` (`prepare_file`) and check
    that the store's token may submit them (unless not ``check_token``: a dry run).

    All or nothing by default: InputError naming every file the inbox refused (its name
    told nobody) before any file is read, then every file that cannot be read, with the
    reason, and nothing recorded. With ``each``, those files are set aside in
    `Intake.failed` and the others kept, a file that meets a bug of ours too (said as
    an internal error in its outcome; without ``each`` the error is raised). ``step``
    is told of each file before it is read. Word files are read by ``jobs`` worker
    processes at once (`drafting.read_ahead`; None: one per processor, 1: none), with the
    same outcome as one by one.
    """
    from drafting.read_ahead import WordFile, read_ahead
    from drafting.workflow import require_delegations

    delegations = store.delegations()
    codes = {d.code for d in delegations}
    if not each:
        inbox.check(codes)
    if not inbox.files and not inbox.refused and inbox.skipped:
        raise InputError(f"nothing to submit: every file given was passed over "
                         f"({len(inbox.skipped)}; see the notes)")
    document = store.document(symbol)
    proposed = pending_by_paragraph(store, document)
    prepared, failed, errors = [], [_failed(r, codes) for r in inbox.refused], []
    word = [WordFile(e.path, e.delegation, e.authors) for e in inbox.files if _word(e)]
    with read_ahead(document, word, jobs, store_url=store.connect_url) as ahead:
        for entry in inbox.files:
            if step is not None:
                step(f"reading {entry.path.name}")
            read = next(ahead) if _word(entry) else None
            try:
                item = prepare_file(store, document, entry.path, delegation=entry.delegation,
                                    authors=entry.authors, codes=codes, proposed=proposed,
                                    read=read)
                require_delegations(store, {c for a in item.amendments
                                            for c in (*a.proponents, *a.supporters)},
                                    known=codes)
                if why := acting_for_other(actor, _proposing(item), delegations):
                    raise InputError(f"{entry.path}: {why}")
                if check_token and each:
                    store.check_submit(symbol, [item.amendments], actor=actor)
            except DraftingError as error:
                failed.append(FileOutcome(entry.path, entry.delegation or "",
                                          error=naming(entry.path, error.message)))
                errors.append(error)
                continue
            except Exception as error:  # a bug met in one file: the others still go in
                if not each:
                    raise
                failed.append(FileOutcome(entry.path, entry.delegation or "",
                                          error=_internal(entry.path, error)))
                continue
            prepared.append(item)
    if errors and not each:
        _refuse(failed, errors, len(inbox.files) + len(inbox.refused))
    if check_token and not each:
        store.check_submit(symbol, [item.amendments for item in prepared], actor=actor)
    return Intake(document, tuple(prepared), tuple(failed))


def _proposing(item: PreparedFile) -> list[str]:
    """The delegations whose proposals ``item`` holds, for whom who acts enters them."""
    return list(dict.fromkeys(c for a in item.amendments for c in a.proponents))


def _word(entry: InboxFile) -> bool:
    """Whether ``entry`` is a Word file with someone to submit it as (read ahead)."""
    return entry.path.suffix.lower() == ".docx" and bool(entry.delegation or entry.authors)


def record_intake(store: Store, symbol: str, intake: Intake, *, each: bool = False,
                  actor: str = "", allow_duplicates: bool = False) -> list[FileOutcome]:
    """Record the files of ``intake``: all in one transaction (all or none; a refusal
    raises), or with ``each`` every file in its own, a file refused (a change its
    delegation already proposes, a revision issued meanwhile, ..., or a bug of ours met)
    told in its outcome while the others are recorded. Returns one outcome per file
    read, in order (those set aside before are in `Intake.failed`)."""
    if not each:
        results = store.submit_all(symbol, [list(item.amendments) for item in intake.prepared],
                                   actor=actor, allow_duplicates=allow_duplicates)
        return [FileOutcome(item.path, item.proponents, result)
                for item, result in zip(intake.prepared, results, strict=True)]
    outcomes = []
    for item in intake.prepared:
        try:
            result = store.submit(symbol, list(item.amendments), actor=actor,
                                  allow_duplicates=allow_duplicates)
        except DraftingError as error:
            outcomes.append(FileOutcome(item.path, item.proponents,
                                        error=naming(item.path, error.message)))
            continue
        except Exception as error:  # a bug met in one file: the others are still recorded
            outcomes.append(FileOutcome(item.path, item.proponents,
                                        error=_internal(item.path, error)))
            continue
        outcomes.append(FileOutcome(item.path, item.proponents, result))
    return outcomes



def _failed(refused: Refused, codes: Collection[str]) -> FileOutcome:
    return FileOutcome(refused.path, "", error=refused.said(codes))


def naming(path: Path, message: str) -> str:
    """``message`` beginning with the file it is about."""
    return message if message.startswith((str(path), path.name)) else f"{path}: {message}"


def _internal(path: Path, error: Exception) -> str:
    """What a file's outcome says of a bug of ours met while it was read or recorded."""
    return (f"{path}: internal error ({type(error).__name__}: {error}); submit this file "
            "alone, without --each, with drafting --debug for the traceback, and please "
            "report it")


def _refuse(failed: Sequence[FileOutcome], errors: Sequence[DraftingError],
            total: int) -> None:
    """Raise the error of a file submitted alone, or an InputError listing every file
    (of ``total``) that will not do."""
    if total == 1 and len(errors) == 1:
        raise errors[0]
    files, them = (f"{len(errors)} files", "them") if len(errors) > 1 else \
        (f"1 file of {total}", "it")
    read = len(failed) - len(errors)  # the inbox's refusals first, then one per error
    lines = [f"  {escaped(outcome.error)}" for outcome in failed[:read]]  # one line each,
    for outcome, error in zip(failed[read:], errors, strict=True):  # a name's "\n" too
        lines += [f"  {escaped(outcome.error)}",  # what each one's reading found
                  *(f"    {line}" for line in (error.details or "").splitlines())]
    raise InputError(f"{files} cannot be submitted; nothing was recorded: correct {them} or "
                     f"leave {them} out (--each records the others)", details="\n".join(lines))
