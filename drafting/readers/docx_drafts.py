"""A Word submission's amendments as the reader finds them (`Draft`: no proponent, no id
yet), then attributed to delegations, checked against the revision's text and numbered
(`finish`): the last step of `drafting.readers.docx_submission`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from drafting import brackets
from drafting.engine.amend import apply
from drafting.errors import AmendmentError, ReaderError
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Paragraph, Revision, Span
from drafting.readers.docx_copy import check_characters, quoted
from drafting.readers.result import ReadWarning

_CODE_LONGEST = 20
"""The longest Word author name read as a delegation's code ("AOSIS", "G77")."""


@dataclass(frozen=True, slots=True)
class Draft:
    """An amendment before its proponent and id are known."""

    kind: AmendmentKind
    paragraph: Paragraph
    author: str | None
    date: datetime | None
    where: str
    span: Span | None = None
    anchor: Span | None = None
    old_text: str = ""
    new_text: str = ""
    reason: str = ""


def finish(target: Revision, drafts: list[Draft], delegation: str | None,
           authors: Mapping[str, str] | None, submitted_at: datetime | None,
           ids: Iterator[str] | None, warnings: list[ReadWarning],
           proposed: Callable[[], Mapping[str, Sequence[Amendment]]] | None = None,
           ) -> list[Amendment]:
    """Attribute every draft and check it against the text; then give each an id. A draft
    that is one of the ``proposed`` amendments (the pending ones, by paragraph id, asked
    for only where a change's Word author reads as delegation codes), by the delegations
    proposing it (as the merged draft writes it), is left out with a warning
    (`already_proposed`)."""
    if proposed is not None and any(_by_codes(d, delegation, authors) for d in drafts):
        drafts = _not_proposed(drafts, target, proposed(), warnings, delegation, authors)
    codes = [delegation if d.author is None or authors is None else authors.get(d.author)
             for d in drafts]
    unknown = sorted({d.author for d, c in zip(drafts, codes, strict=True)
                      if c is None and d.author})
    if unknown:
        names = ", ".join(f"'{a}'" for a in unknown)
        example = ", ".join(f"'{a}': 'CODE'" for a in unknown[:2])
        raise ReaderError(f"no delegation is known for the Word author(s) {names}; map each "
                          f"author to a delegation code (authors={{{example}}}), or give one "
                          "delegation for the whole file")
    if any(c is None for c in codes):
        where = next(d.where for d, c in zip(drafts, codes, strict=True) if c is None)
        raise ReaderError(f"{where}: a change has no Word author (or is not tracked); give the "
                          "delegation it belongs to (delegation=..., or --delegation CODE)")
    _several_authors(drafts, delegation, authors, warnings)
    amendments = []
    balanced: dict[str, bool] = {}  # by paragraph id: many amendments share one
    for draft, code in zip(drafts, codes, strict=True):
        check_characters(f"{draft.where}, the Word author's name", draft.author or "")
        amendment = Amendment(
            id="", kind=draft.kind, paragraph_id=draft.paragraph.id, revision=target.label,
            proponents=(str(code),),
            span=draft.span, anchor=draft.anchor, old_text=draft.old_text,
            new_text=draft.new_text, reason=draft.reason, submitted_by=draft.author or "",
            submitted_at=draft.date or submitted_at)
        _check(draft, amendment, warnings, balanced)
        amendments.append(amendment)
    return [replace(a, id=next(ids) if ids is not None else f"{a.proponents[0]}-docx-{n}")
            for n, a in enumerate(amendments, 1)]


def _not_proposed(drafts: list[Draft], target: Revision,
                  proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
                  delegation: str | None, authors: Mapping[str, str] | None) -> list[Draft]:
    """``drafts`` but those `already_proposed` by others than the delegation each would
    be read as (its own, sent again, are the store's to call duplicates); one warning
    names those left out."""
    kept, found, first = [], [], ""
    for draft in drafts:
        same = _by_codes(draft, delegation, authors) and \
            already_proposed(draft, target, proposed)
        if same:
            found += same
            first = first or draft.where
        else:
            kept.append(draft)
    if found:
        ids = list(dict.fromkeys(a.id for a in found))  # in the file's order
        who = sorted({code for a in found for code in a.proponents})
        shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
        count = len(drafts) - len(kept)
        what = "1 tracked change (here) by" if count == 1 else \
            f"{count} tracked changes (the first here) by"
        warnings.append(ReadWarning(first, (
            f"{what} {', '.join(who)} {'is' if count == 1 else 'are'} pending already "
            f"({shown}), as the merged draft shows {'it' if count == 1 else 'them'}: not "
            "proposed again in this file's name")))
    return kept


def _by_codes(draft: Draft, delegation: str | None,
              authors: Mapping[str, str] | None) -> bool:
    """Whether ``draft``'s Word author reads as the codes of delegations ("EU", "EU, G77")
    other than the one it would be read as (whose own proposals sent again are the
    store's to call duplicates)."""
    names = [name.strip() for name in (draft.author or "").split(",")]
    own = (authors or {}).get(draft.author or "", delegation)
    return all(name and " " not in name and len(name) <= _CODE_LONGEST for name in names) \
        and set(names) != {own}


def already_proposed(draft: Draft, target: Revision,
                     proposed: Mapping[str, Sequence[Amendment]]) -> list[Amendment]:
    """The pending amendments among ``proposed`` (by paragraph id) that ``draft`` is:
    the same change to the same paragraph of ``target``, tracked by Word author "EU" or
    "EU, USA", the delegations that propose it, as the merged draft that `drafting
    merge` writes tracks it; [] for a change of the file's own. A copy of the merged
    draft carries every delegation's proposals: read as the changes of the delegation
    sending it, they would be proposed again in its name."""
    names = {name.strip() for name in (draft.author or "").split(",")} - {""}
    if not names:
        return []
    text = draft.paragraph.text
    same = [a for a in proposed.get(draft.paragraph.id, ()) if a.revision == target.label
            and a.kind is draft.kind and _effect(a, text) == _effect(draft, text)]
    return same if same and names <= {code for a in same for code in a.proponents} else []


def _effect(change: Amendment | Draft, text: str) -> str:
    """What a change does to its paragraph (whose text is ``text``), however its span was
    drawn: the text it leaves, or for a whole-paragraph one, the text it proposes."""
    span = change.span
    if change.kind in SPAN_KINDS and span is not None:
        return text[:span.start] + change.new_text + text[span.end:]
    return change.new_text.strip()


def _several_authors(drafts: list[Draft], delegation: str | None,
                     authors: Mapping[str, str] | None, warnings: list[ReadWarning]) -> None:
    """A warning when the changes of several Word authors, not all of whom name the
    delegation, are all read as ``delegation``'s (no ``authors`` map): a copy passed on
    from another delegation still holds that delegation's tracked changes, which would be
    proposed in this one's name."""
    if authors or delegation is None:
        return
    counts = Counter(d.author for d in drafts if d.author)
    named = re.compile(rf"(?<![\w-]){re.escape(delegation)}(?![\w-])", re.IGNORECASE)
    if len(counts) < 2 or all(named.search(author) for author in counts):
        return  # one author, or each names the delegation ("Anna Schmidt (EU)")
    names = ", ".join(f"{author} ({count})" for author, count in counts.most_common())
    warnings.append(ReadWarning(drafts[0].where.split(", paragraph", 1)[0], (
        f"the tracked changes are by {len(counts)} Word authors ({names}), all read as "
        f"{delegation}'s; if some are another delegation's, map each author to its "
        "delegation (--author 'Name=CODE')")))


def _check(draft: Draft, amendment: Amendment, warnings: list[ReadWarning],
           balanced: dict[str, bool]) -> None:
    """ReaderError if the amendment does not fit its paragraph; a warning if it leaves
    the paragraph's brackets unbalanced (``balanced``: whether each paragraph's are, by
    id, filled in as paragraphs are met)."""
    if draft.span is None or draft.kind not in SPAN_KINDS:
        return
    try:
        result = apply(draft.paragraph.text, amendment)
    except AmendmentError as error:
        raise ReaderError(f"{draft.where}: the change cannot be placed on "
                          f"{draft.paragraph.label}: {error.message}") from error
    paragraph = draft.paragraph
    if paragraph.id not in balanced:
        balanced[paragraph.id] = _balanced(paragraph.text)
    if balanced[paragraph.id] and not _balanced(result):
        warnings.append(ReadWarning(draft.where, f"the {amendment.kind} of "
                                    f"{quoted(amendment.old_text or amendment.new_text)} "
                                    "leaves the paragraph's square brackets unbalanced"))


def _balanced(text: str) -> bool:
    """Whether ``text``'s square brackets pair up (as `brackets.parse` reads them)."""
    return not brackets.faults(text)
