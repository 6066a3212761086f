"""The secretariat's workflow on a store, one small function per step.

What the ``drafting`` command line does beyond parsing and printing lives here,
so that other tools get the same behaviour: import a draft, prepare amendments
(from options, JSON or Word files) and describe them before they are recorded,
write the compilation or the merged draft, issue a revision, export the record.
Every function takes an open `drafting.store.Store`; every file is written
atomically (a temporary file in the same folder, then renamed). The export
(`drafting.export`), the lookups by label (`drafting.lookup`), the reading of bracket
decisions (`drafting.bracket_choices`) and the adding of delegations with their tokens
(`drafting.delegations`) live in modules of their own; their functions are named here too.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting import atomic
from drafting.bracket_choices import bracket_decisions as bracket_decisions
from drafting.delegations import AddedDelegations as AddedDelegations
from drafting.delegations import add_delegations as add_delegations
from drafting.errors import InputError
from drafting.export import EXPORT_FORMAT as EXPORT_FORMAT
from drafting.export import EXPORT_VERSION as EXPORT_VERSION
from drafting.export import amendment_json as amendment_json
from drafting.export import event_json as event_json
from drafting.export import event_summary as event_summary
from drafting.export import export_json as export_json
from drafting.given_files import read_given
from drafting.issuing import check_record, revised_source
from drafting.lookup import label_of as label_of
from drafting.lookup import paragraph_of as paragraph_of
from drafting.lookup import revision_of as revision_of
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Delegation,
    Document,
    Paragraph,
    ParagraphStatus,
)
from drafting.wording import backing as backing
from drafting.wording import describe as describe
from drafting.wording import made_on as made_on
from drafting.wording import proposals_preview as proposals_preview

if TYPE_CHECKING:
    from drafting.engine import (
        BracketDecision,
        BracketReport,
        Compilation,
        Proposal,
        RevisionOutcome,
    )
    from drafting.engine.decisions import ArticleChoice
    from drafting.engine.segments import NewParagraph
    from drafting.intake import PreparedFile
    from drafting.readers import ReadWarning
    from drafting.store import Store

_K = AmendmentKind
"""The extensions `compile_to` writes."""

Step = Callable[[str], None]
"""Told what a long function does next ("merging 3,860 amendments"), before it does it:
the command line shows it as a progress bar. The functions that take one say how many
steps they announce."""


def _quiet(_: str) -> None:
    """A `Step` that shows nothing."""


# Documents


def import_draft(store: Store, path: str | Path, symbol: str, title: str | None = None,
                 actor: str = "", step: Step = _quiet) -> tuple[Document, list[ReadWarning]]:
    """Read the draft at ``path`` (.md, .txt, .docx) and store it as document ``symbol``,
    its zero draft; a ``.docx`` is kept with it, byte for byte, as its source
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
    document = result.to_document(symbol, title=title)
    step(f"storing {len(result.paragraphs)} paragraphs")
    store.add_document(document, source=source, actor=actor)
    return store.document(symbol), warnings


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


# Delegations


_NAMED = 20
"""The most unknown codes a message names (a file may give thousands)."""


def require_delegations(store: Store, codes: Collection[str], *,
                        known: Collection[str] | None = None) -> None:
    """InputError naming the unknown codes among ``codes`` and listing the known ones; a
    look-alike of a code (``eu``, ``ЕU`` with a Cyrillic Е) is told as such. ``known``:
    the store's codes, when already read (an inbox checks file after file)."""
    from drafting.characters import CODES_COMPARED, code_problem, code_twin, escaped

    known = sorted(known if known is not None else (d.code for d in store.delegations()))
    unknown = sorted(set(codes) - set(known))
    for code in unknown:
        if (twin := code_twin(code, known)) is not None:
            raise InputError(f"unknown delegation '{code}': the store has {twin}, and a "
                             f"code is written as the store writes it ({CODES_COMPARED}, "
                             f"so they are one delegation); use {twin}")
        if (why := code_problem(code)) is not None:
            raise InputError(f"unknown delegation '{escaped(code)}', which is not a "
                             f"delegation code: {why}")
    if unknown:
        listed = ", ".join(known) or "none yet (add them with `drafting delegation add`)"
        named = ", ".join(unknown[:_NAMED]) + (
            f" and {len(unknown) - _NAMED:,} more" if len(unknown) > _NAMED else "")
        raise InputError(f"unknown delegation {named}; the store knows: {listed}")


def delegation_json(delegation: Delegation) -> dict[str, Any]:
    """A delegation as JSON values."""
    return {"code": delegation.code, "name": delegation.name, "kind": str(delegation.kind),
            "members": list(delegation.members)}


# Amendments before they are recorded


def prepare_amendment(store: Store, symbol: str, proposal: Proposal, delegation: str,
                      *, submitted_by: str = "") -> Amendment:
    """The amendment ``proposal`` asks for on the current revision of ``symbol``, on behalf
    of ``delegation``; checked (known delegation, paragraph, quoted text), not recorded.
    ``proposal.paragraph`` may name a pending proposal instead of a paragraph (``A12``, or
    ``OP9 bis``, a new paragraph as the compilation labels it): the amendment is then to
    the words that proposal proposes."""
    from drafting import characters
    from drafting.engine import draft_amendment
    from drafting.engine.subamend import draft_subamendment, parent_of
    from drafting.sender_checks import acting_for_other

    require_delegations(store, [delegation, *proposal.supporters])
    delegations = store.delegations()
    if (why := acting_for_other(submitted_by, [delegation], delegations)) is not None:
        raise InputError(why)  # said before the preview, a dry run's too
    codes = [d.code for d in delegations]  # no new words may credit one
    document = store.document(symbol)
    parent = None
    if revision_of(document).by_label(proposal.paragraph) is None:
        parent = parent_of(proposal.paragraph, document, store.amendments(symbol))
    if parent is not None:  # an amendment to a proposal: A12, or OP9 bis as compiled
        amendment = draft_subamendment(parent, proposal, id="new-1", proponents=[delegation],
                                       revision=revision_of(document).label,
                                       submitted_by=submitted_by, delegations=codes)
    else:
        amendment = draft_amendment(revision_of(document), proposal, id="new-1",
                                    proponents=[delegation], submitted_by=submitted_by,
                                    delegations=codes)
    texts: tuple[tuple[str, str, characters.TextKind], ...] = (
        ("new text", amendment.new_text, "paragraph"), ("reason", amendment.reason, "text"),
        ("submitted by", amendment.submitted_by, "line"))
    for what, text, kind in texts:
        found = characters.problem(text, kind)
        if found is not None:
            raise InputError(f"{proposal.paragraph}: the {what} "
                             f"has a {found[1]}; nothing was recorded")
    return amendment


def prepare_files(store: Store, symbol: str, paths: Iterable[str | Path], *,
                  delegation: str | None = None, authors: Mapping[str, str] | None = None,
                  ) -> list[PreparedFile]:
    """Read every submission file (.json names its own delegation; .docx takes
    ``delegation`` and/or the Word ``authors`` map) against document ``symbol``.
    Raises on the first file with a problem, and names every proponent or supporter the
    store does not know, so that no file is recorded when another would be refused.
    Nothing is recorded by this function. (`drafting.intake.read_inbox` reads an inbox
    of several delegations' files, listing every problem.)"""
    from drafting.intake import pending_by_paragraph, prepare_file  # readers: files only

    document = store.document(symbol)
    codes = {d.code for d in store.delegations()}
    proposed = pending_by_paragraph(store, document)
    prepared = [prepare_file(store, document, path, delegation=delegation, authors=authors,
                             codes=codes, proposed=proposed) for path in paths]
    named = {c for item in prepared for a in item.amendments
             for c in (*a.proponents, *a.supporters)}
    require_delegations(store, named)
    return prepared






def support(store: Store, amendment_id: str, delegation: str, *, withdraw: bool = False,
            actor: str = "") -> Amendment:
    """``delegation`` supports amendment ``amendment_id`` (or confirms the support another
    requested in its name), or with ``withdraw`` no longer does (`Store.support`); InputError
    for an unknown delegation."""
    require_delegations(store, [delegation])
    return store.support(amendment_id, delegation, withdraw=withdraw, actor=actor)




def record(store: Store, symbol: str, amendments: Sequence[Amendment], *,
           actor: str = "", allow_duplicates: bool = False) -> Any:
    """Record one submission (all its amendments or none); returns the SubmitResult. A
    change its proponents already propose is refused unless ``allow_duplicates``."""
    return store.submit(symbol, list(amendments), actor=actor,
                        allow_duplicates=allow_duplicates)


def record_all(store: Store, symbol: str, batches: Sequence[Sequence[Amendment]], *,
               actor: str = "", allow_duplicates: bool = False) -> list[Any]:
    """Record several submissions (each whole) in one transaction, all or none; returns
    a SubmitResult for each (see `record` for ``allow_duplicates``)."""
    return store.submit_all(symbol, [list(b) for b in batches], actor=actor,
                            allow_duplicates=allow_duplicates)


def list_amendments(store: Store, symbol: str, *, paragraph: str | None = None,
                    delegations: Collection[str] | None = None,
                    statuses: Collection[str] | None = None) -> tuple[Document, list[Amendment]]:
    """The document and its amendments, filtered by paragraph label (current revision;
    a new paragraph only proposed, ``OP9 bis``, gives the proposal and the amendments to
    it), proponent codes and status names. RecordMismatch where the store does not match
    its record for the document (`Store.check_document`)."""
    document, every = store.check_document(symbol, "nothing was listed")
    from drafting.engine import select

    chosen = select(every, delegations=delegations or None, statuses=parse_statuses(statuses))
    try:
        paragraph_id = paragraph_of(document, paragraph).id if paragraph else None
    except InputError:
        from drafting.engine.subamend import followed, proposed_labelled

        pending = [a for a in every if a.status is AmendmentStatus.SUBMITTED]
        proposal = proposed_labelled(paragraph or "", document, pending)
        if proposal is None:
            raise
        ids = set(proposal.credit.amendments)
        amends = {a.id: a.amends for a in followed(document, every)}
        return document, [a for a in chosen
                          if a.id in ids or amends.get(a.id, a.amends) in ids]
    return document, [a for a in chosen if paragraph_id is None or a.paragraph_id == paragraph_id]


def proposed_paragraph(store: Store, symbol: str, label: str) -> NewParagraph | None:
    """The new paragraph proposed on ``symbol``'s current revision that the compilation
    labels ``label`` (``OP9 bis``; ``op 9 bis`` forgiven), with its text and who proposes
    it, or None when no pending proposal is labelled so."""
    from drafting.engine.subamend import proposed_labelled

    pending = store.amendments(symbol, statuses={AmendmentStatus.SUBMITTED})
    return proposed_labelled(label, store.document(symbol), pending)


def parse_statuses(names: Collection[str] | None) -> set[AmendmentStatus] | None:
    """Status names (submitted, withdrawn, accepted, rejected, stale) as statuses."""
    if not names:
        return None
    valid = {s.value: s for s in AmendmentStatus}
    wrong = sorted(set(names) - set(valid))
    if wrong:
        raise InputError(f"unknown status {', '.join(wrong)}; use one of {', '.join(valid)}")
    return {valid[n] for n in names}


# Outputs


def position_matrix(store: Store, symbol: str, *, paragraph: str | None = None) -> Any:
    """Who stands where on ``symbol``'s current revision (`drafting.engine.positions`):
    what is proposed, supported and opposed (retain) now, who withdrew an amendment and
    who had supported it, per paragraph; with ``paragraph`` (a label, ``op 9 bis``
    forgiven) that one only (InputError when the text has no such paragraph, new ones
    proposed included)."""
    return positions_of(store.document(symbol), store.amendments(symbol), paragraph=paragraph)


def positions_of(document: Document, amendments: Sequence[Amendment], *,
                 paragraph: str | None = None) -> Any:
    """`position_matrix` of a document and its amendments, already read."""
    from drafting.engine import merge, select
    from drafting.engine.positions import PositionMatrix, positions

    withdrawn: dict[str, list[str]] = {}
    backed: dict[str, list[str]] = {}  # supporters of what was withdrawn
    for amendment in select(amendments, statuses=(AmendmentStatus.WITHDRAWN,)):
        label = label_of(document, amendment.paragraph_id)
        withdrawn.setdefault(label, []).extend(amendment.proponents)
        backed.setdefault(label, []).extend(amendment.supporters)
    matrix = positions(merge(document, select(amendments)), withdrawn, backed)
    if paragraph is None:
        return matrix
    wanted = _spelled(paragraph)
    rows = tuple(row for row in matrix.rows if _spelled(row.label) == wanted)
    if not rows:
        known = ", ".join(row.label for row in matrix.rows[:8])
        raise InputError(f"{document.symbol} has no paragraph {paragraph}; it has {known}"
                         + (", ..." if len(matrix.rows) > 8 else ""))
    codes = tuple(sorted({code for row in rows for code, _ in row.cells}))
    return PositionMatrix(codes, rows)


def _spelled(label: str) -> str:
    """A label as `normalize_label` spells it, or as written when it is none."""
    from drafting.errors import LabelError
    from drafting.model import normalize_label

    try:
        return normalize_label(label)
    except LabelError:
        return label.strip()


_DECIDED = (AmendmentStatus.ACCEPTED, AmendmentStatus.REJECTED)
"""What a revision settles: an amendment decided for an earlier revision is in (or out
of) the current text already, and is compiled on it no more."""


def compilation_of(store: Store, symbol: str, *, delegations: Collection[str] | None = None,
                   statuses: Collection[str] | None = None,
                   step: Step = _quiet) -> tuple[Compilation, list[Amendment]]:
    """The compilation of ``symbol``'s amendments (default: those still submitted) on its
    current revision, and the amendments merged; ``delegations`` filters them, codes in
    any case (``eu`` is EU). Those accepted or rejected for an earlier revision are not
    among them: that revision settled them. Two steps."""
    from drafting.engine import merge, select
    from drafting.engine.subamend import followed
    from drafting.lookup import known_codes

    step(f"loading {symbol}")  # as the record says: a changed store circulates nothing
    document, every = store.check_document(symbol, "nothing was written")
    if delegations:
        delegations = known_codes(store, delegations)
    current = document.current.label if document.current is not None else None
    chosen = select([a for a in followed(document, every)  # decided for an earlier text:
                     if a.status not in _DECIDED or a.revision == current],  # in it now
                    delegations=delegations or None,
                    statuses=parse_statuses(statuses) or {AmendmentStatus.SUBMITTED})
    step(f"merging {len(chosen):,} amendments")
    return merge(document, chosen), chosen




def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all: ``path`` holds either its
    old content or the whole new text (`drafting.atomic`; DraftingError saying why not)."""
    atomic.write_atomically(path, text)


# The secretariat


def agree_paragraph(store: Store, symbol: str, label: str, *, ad_ref: bool = False,
                    reopen: bool = False, actor: str = "") -> Paragraph:
    """Mark paragraph ``label`` of the current revision agreed (or agreed ad ref, or open
    again with ``reopen``); returns the paragraph as it was (`wording.unsettled` says
    whether brackets are left in it: agreed in the room, they are settled by the next
    revision's choices). ConflictError naming the proposals to change it still pending
    (`drafting.agreement`): they are decided or withdrawn first."""
    from drafting.agreement import refuse_pending

    paragraph = paragraph_of(store.document(symbol), label)
    status = (ParagraphStatus.OPEN if reopen else
              ParagraphStatus.AGREED_AD_REF if ad_ref else ParagraphStatus.AGREED)
    if not reopen:
        refuse_pending(symbol, paragraph, store.amendments(symbol), status.value)
    store.set_paragraph_status(symbol, paragraph.id, status, actor=actor)
    return paragraph


def revise_document(store: Store, symbol: str, label: str, *,
                    brackets: Sequence[BracketDecision | ArticleChoice] = (),
                    actor: str = "", step: Step = _quiet, warn: Step = _quiet,
                    dry_run: bool = False) -> RevisionOutcome:
    """Issue revision ``label`` of ``symbol`` and store it: the amendments the store marks
    accepted (on the current revision) applied, rejected ones dropped, pending ones moved
    on (or marked stale), the decisions on ``brackets`` applied (see `bracket_decisions`),
    agreed statuses kept on the paragraphs whose text the amendments leave as it is (one
    they change is open again: `RevisionOutcome.reopened`). Accepted amendments that
    cannot all take effect refuse the revision, naming them (AmendmentError), with
    nothing stored, in a dry run too. With ``dry_run``, the same revision is made
    and returned, and nothing is stored. A text imported from Word gets its new Word
    document made from the last one; ``warn`` says why when that cannot be done (the
    revision is issued all the same). If anything is recorded about ``symbol`` while the
    revision is made (a submission, a decision), nothing is stored: ConflictError says
    what, and the revision is to be issued again. The record is verified first
    (RecordMismatch if it does not match: nothing is issued from rows changed behind
    drafting's back; events only dated later than this machine's clock are warned of).
    Four steps (three in a dry run)."""
    from drafting.engine import Decisions, revise
    from drafting.engine.decisions import split_choices
    from drafting.engine.subamend import as_recorded, followed
    from drafting.lookup import check_new_revision

    step(f"loading {symbol}")
    basis = store.head()  # read first: anything recorded after it refuses the revision
    document = store.document(symbol)
    check_new_revision(document, label)  # as the store would refuse it: a dry run too
    step("checking the record")  # a revision is official text: never from rows changed
    check_record(store, label, warn)  # behind drafting's back
    current = revision_of(document)
    recorded = store.amendments(symbol)
    given = [a for a in followed(document, recorded)
             if a.status is AmendmentStatus.SUBMITTED
             or (a.revision == current.label and a.status in (AmendmentStatus.ACCEPTED,
                                                              AmendmentStatus.REJECTED))]
    on_brackets, articles = split_choices(brackets)  # "OP24=present"; "13=alt"
    decisions = Decisions(
        accepted=frozenset(a.id for a in given if a.status is AmendmentStatus.ACCEPTED),
        rejected=frozenset(a.id for a in given if a.status is AmendmentStatus.REJECTED),
        brackets=on_brackets, articles=articles,
        agreed={p.id: p.status for p in current
                if p.status in (ParagraphStatus.AGREED, ParagraphStatus.AGREED_AD_REF)})
    step(f"issuing {label} with {len(decisions.accepted):,} accepted amendments")
    outcome = as_recorded(revise(document, given, decisions, label=label), recorded)
    if dry_run:
        return outcome
    source = revised_source(store, symbol, current, outcome.revision, warn)
    step(f"storing {label}")
    store.add_revision(symbol, outcome, source=source, actor=actor, based_on=basis)
    return outcome


def bracket_progress(document: Document, revision: str | None = None) -> BracketReport:
    """The brackets left in ``revision`` of ``document`` (default: the current one), per
    paragraph and in total, beside the figures of the revision before it (if any)."""
    from drafting.engine import bracket_report

    chosen = revision_of(document, revision)
    position = [r.label for r in document.revisions].index(chosen.label)
    before = document.revisions[position - 1] if position > 0 else None
    return bracket_report(chosen, previous=before,
                          previous_label=before.label if before else None)
