"""Which document, and which revision of it, a delegation's Word copy is, told before it
is read as amendments (`identify`).

- **Another document**: the copy's front matter or page header shows another
  document's symbol where the document shows its own, and its own (or its
  corrigendum's) nowhere there: the file is refused, naming both
  (`drafting.readers.copy_symbols`: which symbols count, and where). A symbol cited in
  a paragraph ("resolution A/RES/70/1"), or on a line below the title, never counts;
  the front matter ends at the first paragraph of the text, edited or typed with its
  number.
- **Another text**: the copy, as it was before its tracked changes and its front
  matter aside, holds fewer than `SHARED_FLOOR` (30%) of the words of every revision of
  the document, counted in pairs of words in a row: another resolution pasted over the
  draft, under the same front matter. Read against the draft it would propose to rewrite
  every paragraph, in the delegation's name; the file is refused, saying what share it
  holds. Two resolutions on different subjects share 15-20% of their pairs ("the
  Secretary-General", "at its"; 35-50% of their single words); a copy that rewrites one
  paragraph of three, untracked, holds some 75%, two of three some 35%; a tracked copy,
  however heavily it changes the text, holds the draft whole before its changes. A draft
  of fewer than 20 pairs is too short to tell. A copy 60% of whose own pairs are the
  draft's is a part of it (the operative part sent alone), whatever share of the draft it
  holds: the paragraphs it lacks are read as deleted, and `cut_off` names them.
- **An earlier revision**: the document's symbol in the copy names a revision (no
  "/Rev.1" where the current revision's front matter has "/Rev.1"; "/Rev.1" where it
  has "/Rev.2") that an earlier revision's front matter names, and no paragraph the
  current revision worded anew reads in the copy as it has it, or nearer its wording
  than the earlier one's (changed further by the delegation): `OtherRevision`, so that
  the copy is read against the revision it was made from and its changes carried onto
  the current text (`drafting.readers.copy_revision`). Read against the current one,
  a paragraph the revision changed would read as the delegation's proposal to undo it.
  A copy of the current revision restoring one paragraph's old words shows the current
  symbol and is read as ever; a copy whose front matter shows no symbol, or a document
  whose front matter holds none, is judged by its paragraphs alone.
- **The compilation**: the file `drafting compile` writes (its subtitle "A/C.2/81/L.7 —
  compilation of proposals on the Zero draft", or its legend), marked up and sent back.
  Its struck and bold words and the proponents in parentheses are the proposals as the
  compilation shows them: read as a copy of the draft, they were the sender's edits (and
  refused for a "(G77)" the sender never typed). The file is refused first, saying what
  to send instead (`compilation`).
"""

from __future__ import annotations

import re
import shlex
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from drafting import characters
from drafting.brackets import NOTE_MARKER
from drafting.engine.anchoring import similarity
from drafting.engine.revision_symbols import symbol_pattern, symbol_with_revision
from drafting.engine.segments import COMPILED_ON, WORD_LEGEND
from drafting.errors import ReaderError
from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS
from drafting.model import AmendmentKind, Document, Paragraph, ParagraphStatus, Revision
from drafting.ooxml import runs
from drafting.ooxml.parts import Parts
from drafting.ooxml.properties import MERGED_DRAFT, custom_text, merged_draft_of
from drafting.readers.copy_revision import OtherRevision
from drafting.readers.copy_symbols import (
    corrigendum,
    front_lines,
    header_lines,
    other_document,
    own_named,
)
from drafting.readers.result import ReadWarning

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

SHARED_FLOOR = 0.3
"""The least share of a revision's words a Word copy must hold, before its tracked
changes, to be read as a copy of it: counted in pairs of words in a row ("the
Secretary-General", "Secretary-General to"), each as often as the revision has it."""

_PART_FLOOR = 0.6
"""The least share of a copy's own words (pairs, as for `SHARED_FLOOR`) that are a
revision's for a copy holding less than `SHARED_FLOOR` of the revision to be read as a
part of it, cut short (the operative part sent alone): another text pasted over the
draft holds 15-30% of the draft's pairs among its own."""

_FLOOR_PAIRS = 20
"""A draft of fewer pairs of words is too short to tell a rewrite from another text."""

_NEAR = 0.5
"""How alike (`similarity`) a copy's paragraph and the current revision's wording of it
must be, at least, for the paragraph to count as the current revision's."""

_MARKER = lazy_compile(r"\[\^\d+\]")
"""A footnote's marker in a paragraph's text (the copy is read without its footnotes)."""
_WORD = lazy_compile(r"\w+")


def identify(path: Path, document: Document, target: Revision, word: Parts,
             revision: str | None, shown: Callable[[], Collection[str]] | None = None,
             noted: list[ReadWarning] | None = None,
             sender_made: Callable[[], Collection[str]] | None = None, *,
             plain: Callable[[], Mapping[Any, runs.ParagraphRead]] | None = None) -> None:
    """Refuse (ReaderError) the Word copy at ``path`` (its parts ``word``) when it is a
    copy of another document, or of another text, than ``document`` (``shown``: the
    symbols the document's own Word sources show, `source_symbols`, asked for only
    where the copy shows another symbol); raise
    `OtherRevision` when, read against ``target`` (the current revision: ``revision``,
    the one asked for, is None), it is plainly a copy of an earlier revision by its
    symbol. Nothing when it may be a copy of ``target``; what it shows instead of the
    document's symbol (its corrigendum's, a reference of the sender's) is warned of in
    ``noted``. ``sender_made``: the texts ``target`` holds as the sender's own accepted
    amendments made them (`copy_revision.made_by`), no sign of a copy of ``target`` in
    the sender's own copy; in a copy of the merged draft (`MERGED_DRAFT` names the
    document) they are, as any delegation's: it tracks every proposal under its
    proponents' codes, the sender's too, as the secretariat merged them.
    ``plain`` gives `runs.plain_reads` of the body, as the reader reads it too."""
    paragraphs = list(word.body.iter(qn("w:p")))
    if len(paragraphs) > MAX_PARAGRAPHS:
        return  # refused by the reader, before anything is read
    reads = runs.read_paragraphs(paragraphs, plain=None if plain is None else plain())
    originals = [read.original for read in reads]
    compilation(path, document, originals)
    if any(_refused(read.original) or (read.proposed != read.original and
                                       _refused(read.proposed)) for read in reads):
        return  # refused by the reader, naming the paragraph and what is wrong
    front, headers = list(front_lines(originals, document)), header_lines(path)
    named = own_named((*front, *headers), symbol_pattern(document.symbol))
    warnings = [] if named else other_document(path, document, front, headers, shown)
    if (corrected := corrigendum(path, document, (*front, *headers))) is not None:
        warnings.append(corrected)
    if noted is not None:
        noted += warnings
    _other_text(path, document, target, originals)
    if merged_copy(word, document):
        sender_made = None
    if revision is None and named:
        suffixes = {found["old"][1:] if found["old"] else "" for found in named}
        if len(suffixes) == 1:
            _earlier_revision(document, target, suffixes.pop(), reads, sender_made)


def merged_copy(word: Parts, document: Document) -> bool:
    """Whether ``word`` says it is a merged draft of ``document`` (of any revision)."""
    said = custom_text(word.custom, MERGED_DRAFT)
    return said is not None and any(said == merged_draft_of(document.symbol, r.label)
                                    for r in document.revisions)


def compilation(path: Path, document: Document, texts: Iterable[str]) -> None:
    """ReaderError when ``texts`` (a Word file's paragraphs) are the compilation of
    ``document`` that `drafting compile` writes, by its subtitle or its legend: it shows
    the proposals, it is no copy of the draft to read changes from."""
    for text in texts:
        subtitle = _COMPILED.search(text)
        if subtitle is None and not text.startswith(_LEGEND):
            continue
        on = f" on the {subtitle.group(1).strip()}" if subtitle else ""
        raise ReaderError(
            f"{path} is the compilation of proposals{on} (`drafting compile` writes it): its "
            "struck and bold words and the delegations in parentheses are the proposals it "
            "shows, not changes of the sender's, so it cannot be read. Make the changes with "
            "Track Changes in the merged draft (drafting merge "
            f"{shlex.quote(document.symbol)} -o merged.docx) or in the draft itself, and send "
            "that file")


_COMPILED = lazy_compile(rf"\u2014 {COMPILED_ON} (.+)$")
"""The compilation's subtitle, after the symbol (`Compilation.subtitle`)."""
_LEGEND = WORD_LEGEND.split(";")[0]
"""How the compilation's legend, in Word, opens."""


def _refused(text: str) -> bool:
    """Whether the reader refuses a paragraph of ``text``: too long, or not text."""
    return len(text) > MAX_PARAGRAPH_CHARS or characters.problem(text) is not None


def _other_text(path: Path, document: Document, target: Revision,
                originals: list[str]) -> None:
    """ReaderError when the copy's text (``originals``: its Word paragraphs before their
    tracked changes) holds less than `SHARED_FLOOR` of every revision's words."""
    if _plainly_held(target, originals):
        return
    front = {" ".join(line.split()) for revision in document.revisions
             for line in (*revision.front_matter, *revision.after_title,
                          revision.chapeau)} | {
                 " ".join(document.title.split())}
    held = Counter(_pairs(t for t in originals if " ".join(t.split()) not in front))
    shares: dict[str, float] = {}
    for revision in document.revisions:
        pairs = Counter(_pairs(p.text for p in revision
                               if p.status is not ParagraphStatus.DELETED))
        total, own = sum(pairs.values()), sum(held.values())
        if total < _FLOOR_PAIRS:
            return
        shared = sum((pairs & held).values())
        shares[revision.label] = shared / total
        if own >= _FLOOR_PAIRS and shared >= _PART_FLOOR * own:  # a part of the draft,
            return  # cut short (its preamble left out): `cut_off` warns of what it lacks
    if max(shares.values(), default=1.0) >= SHARED_FLOOR:
        return
    best = shares[target.label]
    raise ReaderError(
        f"{path}: the file shares only {best:.0%} of its words with {document.symbol} "
        f"{target.label} (counted in pairs of words in a row, before any tracked change; "
        f"a copy holds {SHARED_FLOOR:.0%} at least): is it the right file? A copy holds the "
        "draft's whole text, changed where the delegation proposes changes; to propose "
        "rewriting most of it, track the changes (Track Changes) or send amendments")


def _plainly_held(target: Revision, originals: list[str]) -> bool:
    """Whether paragraphs of ``target`` holding `SHARED_FLOOR` of its words stand in the
    copy word for word (after a typed number, if any): then it shares them, and counting
    its pairs of words (a tenth of a copy's reading) is not needed. Nearly every copy.
    The copy's paragraphs are looked at in order until they are enough."""
    words, total = _paragraph_words(target)
    needed, held, seen = SHARED_FLOOR * total, 0, set()
    for text in originals:
        for shown in _shown(text, words):  # "1. Decides ...": the text after its number
            if shown in words and shown not in seen:
                seen.add(shown)
                held += words[shown]
        if total > 0 and held >= needed:
            return True
    return False


def _shown(text: str, words: Collection[str]) -> tuple[str, str]:
    """A copy's paragraph ``text`` with spaces collapsed, and the same after its first
    word (its typed label). Where it is a label, a tab and one of ``words`` (texts with
    spaces collapsed), as nearly every one is ("PP2<tab>Recalling ..."), both are told
    without splitting it into its words."""
    label, tab, rest = text.partition("\t")
    if tab and rest in words and label.split() == [label]:
        return f"{label} {rest}", rest
    collapsed = " ".join(text.split())
    return collapsed, collapsed.partition(" ")[2]


def _paragraph_words(target: Revision) -> tuple[dict[str, int], int]:
    """How many words the paragraphs of ``target`` still standing have, by their text
    with spaces collapsed, and in all. Kept for the last revision asked about: an inbox
    reads every copy against one."""
    if _LAST_WORDS and _LAST_WORDS[0] is target:
        return _LAST_WORDS[1]
    found: dict[str, int] = {}
    for p in target:
        if p.status is not ParagraphStatus.DELETED and (words := p.text.split()):
            text = " ".join(words)
            found[text] = found.get(text, 0) + len(words)
    _LAST_WORDS[:] = [target, (found, sum(found.values()))]
    return _LAST_WORDS[1]


_LAST_WORDS: list[Any] = []


def cut_off(target: Revision, missing: Collection[Paragraph],
            drafts: Sequence[Draft] = ()) -> str | None:
    """The warning for an edited copy (no tracked changes) cut short: ``missing``, the
    paragraphs of ``target`` it does not hold (each read as the delegation's proposal to
    delete it), that come before the first it holds or after the last (the preamble
    cut, to send the operative part only). None where none do. A paragraph one of the
    ``drafts`` proposes again, word for word, elsewhere is not missing: it was moved."""
    moved = {_words(d.new_text) for d in drafts if d.kind is AmendmentKind.NEW_PARAGRAPH}
    ids = {p.id for p in missing if _words(p.text) not in moved}
    kept = [p for p in target if p.status is not ParagraphStatus.DELETED]
    held = [n for n, p in enumerate(kept) if p.id not in ids]
    if not held:
        return None
    before, after = kept[:held[0]], kept[held[-1] + 1:]
    cut = [p.label for p in (*before, *after)]
    if not cut:
        return None
    one_end = len(cut) >= 3 and not (before and after)  # one run: "PP1-PP8"
    shown = f"{cut[0]}-{cut[-1]}" if one_end else ", ".join(cut)
    return (f"{len(cut)} paragraph{'s are' if len(cut) > 1 else ' is'} missing from the "
            f"copy and read as deleted: {shown}; if the copy was cut, send the whole "
            "draft or track the deletions (Track Changes)")


def _words(text: str) -> str:
    """``text``'s words, without footnote markers, for comparing paragraphs moved."""
    return " ".join(NOTE_MARKER.sub("", text).split()) if "[^" in text else \
        " ".join(text.split())


def _earlier_revision(document: Document, target: Revision, suffix: str,
                      reads: list[runs.ParagraphRead],
                      sender_made: Callable[[], Collection[str]] | None = None) -> None:
    """`OtherRevision` when the copy's symbol names (``suffix``: "Rev.1", "" for none)
    the revision an earlier revision's front matter names, not ``target``'s, the two
    differ, and the copy (``reads``: its Word paragraphs) holds none of ``target``'s
    changes (`_carries`)."""
    if document.current is not target:
        return
    own = symbol_pattern(document.symbol)
    position = document.revisions.index(target)
    current = _named(target, own, position == 0)
    if current is None or current == suffix:
        return
    earlier = [r for k, r in enumerate(document.revisions[:position])
               if _named(r, own, k == 0) == suffix]
    if not earlier or _carries(earlier[-1], target, reads, sender_made):
        return
    other = earlier[-1]
    shown = symbol_with_revision(document.symbol, suffix) if suffix else document.symbol
    raise OtherRevision(
        f"the file is a copy of {other.label}, not of {target.label}: its front matter "
        f"reads {shown}, and no paragraph {target.label} changed reads as {target.label} "
        f"has it; read it against {other.label}", other.label)


def _carries(other: Revision, target: Revision, reads: list[runs.ParagraphRead],
             sender_made: Callable[[], Collection[str]] | None = None) -> bool:
    """Whether the copy (``reads``) holds any change ``target`` made to ``other`` (or
    the two are the same text): a paragraph worded as ``target`` has it, before or after
    the copy's tracked changes, or nearer it than as ``other`` has it (`_nearer`); the
    words ``target`` put in it among the words the copy tracks as inserted (a merged
    draft circulated before ``target``, showing the proposals it accepted); a paragraph
    ``target`` deleted tracked as deleted. Such a
    copy is read against ``target``: its tracked changes make ``target``'s text. The
    paragraphs ``sender_made`` gives (the sender's accepted amendments made them) do not count."""
    theirs = {p.text for p in other if p.status is not ParagraphStatus.DELETED}
    ours = [p for p in target if p.status is not ParagraphStatus.DELETED]
    gone = theirs - {p.text for p in ours}
    anew = [p for p in ours if p.text not in theirs]
    if anew and sender_made is not None:
        anew = [p for p in anew if p.text not in sender_made()]
    if not gone and not anew:  # the same text: read against either, the same amendments
        return True
    texts = [f" {_collapsed(side)} " for read in reads for side in (read.original,
                                                                     read.proposed)]
    inserted = Counter(_WORD.findall(" ".join(
        piece.text for read in reads for piece in read.pieces
        if piece.state == runs.INSERTED).casefold()))
    for paragraph in anew:
        wording = f" {_collapsed(_MARKER.sub('', paragraph.text))} "
        if len(paragraph.text.split()) >= 3 and any(wording in text for text in texts):
            return True
        was = other.by_id(paragraph.id)
        if was is not None and _nearer(paragraph.text, was.text, texts):
            return True
        put = Counter(_WORD.findall(paragraph.text.casefold())) - Counter(
            _WORD.findall(was.text.casefold() if was is not None else ""))
        if put and not put - inserted:
            return True
    deleted = [f" {_collapsed(read.original)} " for read in reads
               if read.original.strip() and not read.proposed.strip()]
    return any(f" {_collapsed(text)} " in line for text in gone for line in deleted)


def _nearer(ours: str, theirs: str, texts: list[str]) -> bool:
    """Whether one of the copy's ``texts`` is a paragraph worded nearer ``ours`` (its
    wording in the current revision) than ``theirs`` (in the earlier one): changed
    further by the delegation, untracked, it is still the current revision's. Only
    texts sharing half the words of either are weighed (`similarity` is a diff)."""
    ours, theirs = _collapsed(_MARKER.sub("", ours)), _collapsed(_MARKER.sub("", theirs))
    words = set(_WORD.findall(f"{ours} {theirs}".casefold()))
    for text in texts:
        text = _collapsed(_MARKER.sub("", text))
        shared = words & set(_WORD.findall(text.casefold()))
        if 2 * len(shared) < len(words) or text in (ours, theirs):
            continue
        if similarity(text, ours) > max(similarity(text, theirs), _NEAR):
            return True
    return False


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _named(revision: Revision, own: re.Pattern[str], first: bool) -> str | None:
    """The revision the document's symbol names in ``revision``'s front matter ("Rev.1",
    "" for none); where the front matter shows no symbol (a draft whose symbol stands in
    its page header only), the one its page header shows once drafting issued it: ""
    for the ``first`` revision, "Rev.1" for one labelled so; else None."""
    for line in (*revision.front_matter, *revision.after_title):
        if (found := own.search(line)) is not None:
            return found["old"][1:] if found["old"] else ""
    if first:
        return ""
    return revision.label if _REVISION_LABEL.fullmatch(revision.label) else None


_REVISION_LABEL = lazy_compile(r"Rev\.\d+")


def _pairs(texts: Iterable[str]) -> Iterator[tuple[str, str]]:
    """The pairs of words in a row in each of ``texts`` (case aside)."""
    for text in texts:
        words = _WORD.findall(text.casefold())
        yield from pairwise(words)
