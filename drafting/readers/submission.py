"""Read a delegation's JSON submission and check it against the document.

The format is DESIGN.md section 5 (``schemas/submission.schema.json``, shipped in
the package as ``drafting/schemas/submission.schema.json``)::

    {"document": "A/C.2/81/L.7", "delegation": "EU",
     "amendments": [{"paragraph": "OP2", "replace": "submit", "with": "present"}]}

`read_submission` parses the file and checks it against the schema;
`check_submission` places every amendment on the document with
`draft_amendment`; `load_submission` does both in one pass, so that a file with
faults of both sorts is refused with all of them at once. All are all or
nothing: a file with any fault is refused whole by one `SubmissionError` that
lists every problem, each naming the file, the amendment (counted from 1) and
its paragraph, and what is wrong. Every text in the file is checked and
normalised as `drafting.characters` says (a control character is
refused, naming its field and position; accents are read in NFC, as the draft
was stored, so that a quotation matches whichever form the file used).
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from drafting import characters
from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.subamend import draft_subamendment, parent_of
from drafting.errors import AmendmentError, InputError, ReaderError, excerpt
from drafting.given_files import decoded
from drafting.model import Amendment, Document
from drafting.readers.submission_findings import ACTIONS as ACTIONS  # part of this API
from drafting.readers.submission_findings import (
    Finding,
    located,
    schema_findings,
    valid_amendment,
)
from drafting.readers.submission_limits import limit_findings
from drafting.readers.textfile import read_bytes

_SHOWN_CODES = 12  # known delegations listed when one is not known


class SubmissionError(InputError):
    """A submission refused whole. ``problems`` lists every fault, one line each
    (file, amendment, paragraph, what is wrong); the message sums them up and
    ``details`` is the problems one per line."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
        super().__init__(f"{source}: {count}; nothing was recorded", details="\n".join(problems))
        self.source = source
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class Submission:
    """A delegation's submission as read from JSON, checked against the document.

    ``revision`` is the label it was made against as the file gives it; "" when
    the file names none, and then `check_submission` uses the document's current
    revision. ``source`` is the file name, for messages. ``warnings`` say where a
    text was stored in another form than the file wrote (`characters.normalised_said`).
    """

    document: str
    delegation: str
    submitted_by: str
    revision: str
    proposals: tuple[Proposal, ...]
    source: str
    warnings: tuple[str, ...] = ()


def read_submission(path: str | Path) -> Submission:
    """Read the JSON submission at ``path`` (UTF-8, a BOM is allowed) and check it
    against the schema; the document itself is not consulted (see `check_submission`).

    Raises ReaderError for a file that cannot be read or is not JSON (naming line
    and column), and SubmissionError listing every way it departs from the schema.
    """
    return read_submission_text(_read_file(path), name=str(path))


def read_submission_text(text: str, *, name: str = "<json>") -> Submission:
    """Read a JSON submission from a string; ``name`` stands for the file in messages.

    Raises ReaderError for text that is not JSON and SubmissionError for schema faults
    (or, alone, for going past the input limits: `submission_limits`).
    """
    data = _parse(text, name)
    if limited := limit_findings(data):
        raise _refusal(name, limited)
    findings = _character_findings(data) + schema_findings(data)
    if findings:
        raise _refusal(name, findings)
    return _submission(data, name)


def check_submission(submission: Submission, document: Document, *,
                     delegations: Collection[str] | None = None,
                     submitted_at: datetime | None = None,
                     ids: Iterator[str] | None = None,
                     pending: Callable[[], Sequence[Amendment]] | None = None,
                     ) -> list[Amendment]:
    """Every amendment of ``submission`` placed on ``document``, or nothing.

    The file must name ``document``, a revision it has (default: the current one)
    and, when ``delegations`` is given, one of those codes (and name only those as
    supporters, each fault said with its amendment); each proposal must
    pass `draft_amendment`. Every fault is collected and one SubmissionError
    lists them all. On success each amendment has the delegation as its sole
    proponent, ``submitted_by`` from the file and ``submitted_at``; its id is the
    next of ``ids`` or, without them, ``<delegation>-<n>`` (n counting from 1).
    ``ids`` is only drawn from when the whole submission is accepted. With ``pending`` (the
    document's amendments, asked for only when needed), a ``paragraph`` that names a pending
    proposal (``A12``, or ``OP9 bis`` as compiled) amends that proposal's words; those no
    longer pending tell a label that named another proposal before (`parent_of`).
    """
    drafted, findings = _place(
        document, submission.document, submission.delegation, submission.revision,
        submission.submitted_by, list(enumerate(submission.proposals, 1)),
        delegations=delegations, submitted_at=submitted_at, pending=pending)
    if findings:
        raise _refusal(submission.source, findings)
    return _named(drafted, ids, submission.source)


def load_submission(path: str | Path, document: Document, *,
                    delegations: Collection[str] | None = None,
                    submitted_at: datetime | None = None,
                    ids: Iterator[str] | None = None,
                    pending: Callable[[], Sequence[Amendment]] | None = None,
                    ) -> tuple[Submission, list[Amendment]]:
    """`read_submission` and `check_submission` in one pass, for ``drafting submit``:
    one SubmissionError lists the schema faults and, for every amendment the schema
    accepts, the faults found against ``document`` too, so one round of corrections
    suffices. Returns the submission and its amendments when there is no fault at all.
    """
    name = str(path)
    data = _parse(_read_file(path), name)
    if limited := limit_findings(data):
        raise _refusal(name, limited)
    findings = _character_findings(data) + schema_findings(data)
    if not findings:
        submission = _submission(data, name)
        return submission, check_submission(submission, document, delegations=delegations,
                                            submitted_at=submitted_at, ids=ids,
                                            pending=pending)
    revision = data.get("revision", "") if isinstance(data, dict) else None
    if isinstance(revision, str):  # else there is no telling what to place amendments on
        items = data.get("amendments")
        proposals = [(number, _proposal(item))
                     for number, item in enumerate(items if isinstance(items, list) else [], 1)
                     if valid_amendment(item)]
        _, more = _place(document, _text(data, "document"), _text(data, "delegation"),
                         revision.strip(), "", proposals, delegations=delegations,
                         pending=pending)
        findings += more
    raise _refusal(name, findings)


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys the file gave more than once."""

    duplicates: tuple[str, ...] = ()


def _refusal(source: str, findings: list[Finding]) -> SubmissionError:
    """The SubmissionError listing ``findings``: the file's own, then amendment by amendment."""
    problems = [_at(source, number, label, text) if number else f"{source}: {text}"
                for number, label, text in sorted(findings, key=lambda f: f[0])]
    return SubmissionError(source, list(dict.fromkeys(problems)))


def _at(source: str, number: int, label: str, text: str) -> str:
    return f"{source}, amendment {number}" + (f" ({label})" if label else "") + f": {text}"


# Reading


def _read_file(path: str | Path) -> str:
    path = Path(path)
    return decoded(read_bytes(path), path)


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object(pairs)
    counts = Counter(key for key, _ in pairs)
    if len(counts) < len(pairs):
        result.duplicates = tuple(key for key, count in counts.items() if count > 1)
    return result


def _parse(text: str, name: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_object)
    except RecursionError:
        raise ReaderError(f"{name}: the JSON is nested too deeply to be a submission; a "
                          "submission is one object with a list of amendments") from None
    except json.JSONDecodeError as error:
        if not text.strip():
            raise ReaderError(f"{name}: the file is empty; a submission is one JSON "
                              "object") from None
        line = text.split("\n")[error.lineno - 1].rstrip("\r")
        before = text[:error.pos].rstrip()
        hint = ""
        if before.endswith(",") and error.msg.startswith(("Expecting property name",
                                                          "Expecting value")):
            hint = " (JSON allows no comma before a closing ']' or '}')"
        raise ReaderError(
            f"{name}, line {error.lineno}, column {error.colno}: not valid JSON: "
            f"{error.msg[:1].lower() + error.msg[1:]}{hint}",
            details=excerpt(line, error.colno - 1),
        ) from None
    except ValueError as error:  # e.g. a number of thousands of digits
        digits = re.search(r"value has (\d+) digits", str(error))
        why = f"a number of {int(digits[1]):,} digits" if digits else str(error)
        raise ReaderError(f"{name}: not a usable JSON submission ({why})") from None


def _character_findings(data: Any) -> list[Finding]:
    """A finding for every text in ``data`` (keys included) that the store's text check
    refuses (`drafting.characters.problem`), naming the amendment, the field and the
    position. Iterative: the parser already bounds the depth, and this must not add to
    it."""
    amendments = data.get("amendments") if isinstance(data, dict) else None
    items = amendments if isinstance(amendments, list) else []
    found: list[Finding] = []
    pending: list[tuple[Any, list[Any]]] = [(data, [])]
    while pending:
        value, path = pending.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if problem := characters.problem(key):
                    found.append(located(items, path, f"a field name, {problem[1]}"))
                pending.append((inner, [*path, key]))
        elif isinstance(value, list):
            pending.extend((inner, [*path, n]) for n, inner in enumerate(value))
        elif isinstance(value, str) and (problem := characters.problem(value, _kind(path))):
            found.append(located(items, path, problem[1]))
    return found


_LINES = frozenset({"document", "delegation", "submitted_by", "revision", "paragraph",
                    "supporters"})
_PARAGRAPHS = frozenset({"with", "insert", "new_paragraph", "alternative"})


def _kind(path: list[Any]) -> characters.TextKind:
    """What the text at ``path`` is, for the store's check: a code, a label or a name is
    one line; new text is a paragraph's (no empty line); the rest is free text."""
    key = next((step for step in reversed(path) if isinstance(step, str)), "")
    return "line" if key in _LINES else "paragraph" if key in _PARAGRAPHS else "text"


def _submission(data: dict[str, Any], source: str) -> Submission:
    """The Submission in ``data``, which the schema accepts."""
    return Submission(
        document=_nfc(data["document"]).strip(),
        delegation=_nfc(data["delegation"]).strip(),
        submitted_by=_nfc(data.get("submitted_by", "")),
        revision=_nfc(data.get("revision", "")).strip(),
        proposals=tuple(_proposal(item) for item in data["amendments"]),
        source=source,
        warnings=tuple(_normalising(data, source)),
    )


def _normalising(data: dict[str, Any], source: str) -> Iterator[str]:
    """A warning for each text of ``data`` that is stored in another form than written
    (Unicode NFC), naming the amendment and the field."""
    for key, value in data.items():
        if isinstance(value, str) and (said := characters.normalised_said(value)):
            yield f"{source}, {key}: {said}"
    for number, item in enumerate(data["amendments"], 1):
        for key, value in item.items():
            values = value if isinstance(value, list) else [value]
            for text in values:
                if isinstance(text, str) and (said := characters.normalised_said(text)):
                    yield f"{source}, amendment {number} ({item['paragraph']}), {key}: {said}"


def _text(data: dict[str, Any], key: str) -> str | None:
    """``data[key]`` stripped if it is a non-blank text, else None."""
    value = data.get(key)
    return _nfc(value).strip() if isinstance(value, str) and value.strip() else None


def _nfc(text: str | None) -> Any:
    """``text`` as `characters.normalised` keeps it; None stays None."""
    return None if text is None else characters.normalised(text)


def _proposal(item: dict[str, Any]) -> Proposal:
    occurrence = item.get("occurrence")
    return Proposal(
        paragraph=_nfc(item["paragraph"]).strip(),
        replace=_nfc(item.get("replace")),
        with_=_nfc(item.get("with")),
        delete=_nfc(item.get("delete")),
        insert=_nfc(item.get("insert")),
        after=_nfc(item.get("after")),
        before=_nfc(item.get("before")),
        new_paragraph=_nfc(item.get("new_paragraph")),
        place_before=item.get("place") == "before",
        delete_paragraph=item.get("delete_paragraph", False),
        alternative=_nfc(item.get("alternative")),
        retain=item.get("retain", False),
        bracket=_nfc(item.get("bracket")),
        occurrence=None if occurrence is None else int(occurrence),  # JSON 2.0 is 2
        reason=_nfc(item.get("reason", "")),
        supporters=tuple(_nfc(code).strip() for code in item.get("supporters", ())),
    )


# Checking against the document


def _place(document: Document, symbol: str | None, delegation: str | None, wanted: str,
           submitted_by: str, proposals: list[tuple[int, Proposal]], *,
           delegations: Collection[str] | None = None,
           submitted_at: datetime | None = None,
           pending: Callable[[], Sequence[Amendment]] | None = None,
           ) -> tuple[list[Amendment], list[Finding]]:
    """The numbered ``proposals`` drafted on the revision ``wanted`` of ``document``
    (the current one for ""), and every problem found; ``symbol`` and ``delegation``
    are what the file names (None: not known, not checked)."""
    found: list[Finding] = []
    if symbol is not None and _folded(symbol) != _folded(document.symbol):
        found.append((0, "", f"the file is for document '{symbol}', not {document.symbol}; "
                      f"correct 'document' or submit the file to {symbol}"))
    if delegation is not None and delegations is not None and delegation not in delegations:
        found.append((0, "", _unknown_delegation(delegation, delegations)))
    if delegations is not None:  # said where, as a fault of the amendment naming it
        found += [(number, proposal.paragraph, _unknown_delegation(code, delegations,
                                                                   role="supporter"))
                  for number, proposal in proposals for code in dict.fromkeys(
                      proposal.supporters) if code not in delegations]
    revision = document.revision(wanted) if wanted else document.current
    if revision is None:
        if not document.revisions:
            found.append((0, "", f"{document.symbol} has no text yet; import its draft "
                          "before submitting amendments"))
        else:
            have = ", ".join(r.label for r in document.revisions)
            found.append((0, "", f"'revision' names '{wanted}', which {document.symbol} "
                          f"does not have (it has {have})"))
        return [], found  # nothing to place the amendments on
    drafted: list[Amendment] = []
    for number, proposal in proposals:
        try:
            parent = None
            if pending is not None and revision.by_label(proposal.paragraph) is None:
                parent = parent_of(proposal.paragraph, document, pending())
            if parent is not None:
                drafted.append(draft_subamendment(
                    parent, proposal, id=f"{delegation}-{number}",
                    proponents=(delegation or "?",), revision=revision.label,
                    submitted_by=submitted_by, submitted_at=submitted_at,
                    delegations=delegations or ()))
                continue
            drafted.append(draft_amendment(
                revision, proposal, id=f"{delegation}-{number}", proponents=(delegation or "?",),
                submitted_by=submitted_by, submitted_at=submitted_at,
                delegations=delegations or ()))
        except AmendmentError as error:
            found.append((number, *_split_label(error.message, proposal.paragraph)))
    return drafted, found


def _named(drafted: list[Amendment], ids: Iterator[str] | None, source: str) -> list[Amendment]:
    """``drafted`` with their ids drawn from ``ids``, if given."""
    if ids is None:
        return drafted
    named = []
    for amendment in drafted:
        new_id = next(ids, None)
        if new_id is None:
            raise ValueError(f"{source}: the ids ran out after {len(named)} of "
                             f"{len(drafted)} amendments")
        named.append(dataclasses.replace(amendment, id=new_id))
    return named


def _split_label(message: str, written: str) -> tuple[str, str]:
    """``OP2: the text ...`` -> (``OP2``, ``the text ...``) when the message opens with
    the paragraph's label (as the document spells it); else (``written``, message)."""
    head, sep, rest = message.partition(": ")
    if sep and _squeezed(head) == _squeezed(written):
        return head, rest
    return written, message


def _unknown_delegation(code: str, delegations: Collection[str], *,
                        role: str = "delegation") -> str:
    known = sorted(delegations)
    alike = [c for c in known if c.casefold() == code.casefold()]
    alike = alike or difflib.get_close_matches(code, known, n=1)
    if (why := characters.code_problem(code)) is not None:
        hint = f"not a delegation code: {why}"
    elif alike:
        hint = f"did you mean '{alike[0]}'?"
    elif known:
        shown = ", ".join(known[:_SHOWN_CODES])
        more = f" and {len(known) - _SHOWN_CODES} more" if len(known) > _SHOWN_CODES else ""
        hint = f"known: {shown}{more}; add the delegation first if it is new"
    else:
        hint = "no delegations are known yet; add the delegation first"
    return f"the {role} '{code}' is not known in this negotiation ({hint})"


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _squeezed(label: str) -> str:
    return "".join(label.split()).casefold()
