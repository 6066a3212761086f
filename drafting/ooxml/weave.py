"""Tracked changes woven into a paragraph's own runs.

An `Edit` deletes the visible characters ``start:end`` of a Word paragraph (read by
`drafting.ooxml.visible`), or inserts text at ``start``. `weave` applies a paragraph's
edits from its end to its start, so each offset (and each piece of text read before it)
still means what it meant when read:
a run is split where a change begins or ends (both halves keep its ``w:rPr``), deleted
runs move into a ``w:del`` (their ``w:t`` become ``w:delText``), and inserted text is a
new run carrying the formatting of the character before it (or after it, at the start)
inside a ``w:ins``. Nothing else in the paragraph changes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.lazy_re import lazy_compile
from drafting.model.marks import Mark, pieces
from drafting.ooxml.revisions import (
    DELETED_TAGS,
    RevisionMarks,
    Stamp,
    element,
    text_element,
)
from drafting.ooxml.run_form import own_styles, with_styles
from drafting.ooxml.visible import Atom, atoms_by_child
from drafting.opening_words import opening_words_end

_T = qn("w:t")
_R = qn("w:r")
_RPR, _PPR = qn("w:rPr"), qn("w:pPr")
_I, _I_CS = qn("w:i"), qn("w:iCs")
_MARKS = (qn("w:ins"), qn("w:del"))
_FIELD, _FIELD_CHAR, _FIELD_CHAR_TYPE = qn("w:fldSimple"), qn("w:fldChar"), qn("w:fldCharType")
_BESIDE = frozenset(qn(f"w:{name}") for name in (
    "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart", "commentRangeEnd"))
"""Marks that stand among runs and show nothing."""
_TYPED_START = lazy_compile(
    r"\s*(?:(?:OP|PP) ?(?=\d))?"
    r"(?:\d{1,4}(?:\s*[a-z]+)?(?: Alt(?: \d{1,2})?)?(?:\.|\t|\s+[-\u2013](?=\s)|[\uff0e\u3001])"
    r"|\([a-z0-9\u0621-\u064a]{1,5}\))\s*")
"""A typed number ("5.", "5 bis.", "7 Alt.", Arabic "5 -", Chinese "５．" or "5、", "(a)",
"(أ)"), or a label typed as a house style types it ("OP1<tab>", "OP1 Alt<tab>", "PP2. "),
where a paragraph's text begins."""
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(slots=True)
class Edit:
    """Delete characters ``start:end`` (``text`` empty), or insert ``text`` at ``start``
    (``start == end``). ``made`` receives the ``w:ins``/``w:del`` elements it wrote,
    for comments to anchor on; ``deleter`` nests an insertion in a deletion (words
    proposed inside a paragraph another proposes to delete)."""

    start: int
    end: int
    stamp: Stamp
    text: str = ""
    deleter: Stamp | None = None
    made: list[Any] = field(default_factory=list)
    tracked: bool = True
    """False to make the change itself (a revision issued): deleted runs go, inserted
    ones are plain runs."""
    marks: tuple[Mark, ...] = ()
    """The inline formatting of ``text`` (offsets in it): its words typed in italics or
    bold are so in the runs inserted (`drafting.ooxml.run_form`), over the form they take
    from the words beside them."""
    upright: bool = False
    """``text`` is a bracket put in ("[", "] "), not words: its runs take the font and
    size of the words beside them but never their italics (UN editing: a bracket opening
    before "*Recalling*" is upright; the words inside keep their italics)."""


def weave(read: Callable[[], list[Atom]], edits: Sequence[Edit], marks: RevisionMarks) -> None:
    """Apply ``edits`` to one paragraph; ``read`` gives its visible atoms as they stand
    (a split or an insertion keeps the offsets before it; edits go from the end)."""
    _weave(read, edits, marks, known=all(edit.tracked for edit in edits))


def _weave(read: Callable[[], list[Atom]], edits: Sequence[Edit], marks: RevisionMarks, *,
           known: bool) -> None:
    """`weave`; with ``known``, a deletion that ends before every edit made so far
    finds its runs in the first reading instead of reading the paragraph again
    (`_runs_within`): what stands before an edit's start is as it was read, as long as
    every change is tracked and lands where it was meant to."""
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[0]), reverse=True)
    atoms = read()  # read once: each edit changes only what stands at or after its start
    home = _home(atoms)
    ends = {edit.end for edit in edits if edit.end > edit.start}
    settled = sys.maxsize  # the atoms before this offset are still as first read
    for _, edit in ordered:
        if edit.end > edit.start:
            before = _delete(atoms, read, edit, marks, known=known and edit.end <= settled)
            known = known and (before is not None or edit.start == 0)
        if edit.text:  # words after words deleted get a run of their own; words in
            fresh = read() if edit.end > edit.start else atoms  # their place, a new reading
            before = _insert(fresh, edit, marks, join=edit.start not in ends, home=home)
            known = known and (before is not None or edit.start == 0)
        settled = min(settled, edit.start)


def _delete(atoms: list[Atom], read: Callable[[], list[Atom]], edit: Edit,
            marks: RevisionMarks, *, known: bool = False) -> Any | None:
    """Delete ``edit``'s characters; the run that now ends at its start (None when the
    start could not be made a run boundary). ``known``: ``atoms`` still hold what
    stands before the end as it is (see `_weave`)."""
    _split_at(atoms, edit.end)  # the end first: the atoms before it stay as they were
    before, rest = _cut(atoms, edit.start)
    if known:
        runs = _runs_within(atoms, edit.start, edit.end, rest)
    else:
        runs, offset = [], 0
        for atom in read():
            if offset >= edit.start and offset + len(atom.text) <= edit.end and \
                    atom.run not in runs:
                runs.append(atom.run)
            offset += len(atom.text)
    if not edit.tracked:
        for run in runs:
            run.getparent().remove(run)
        return before
    for group in _sibling_groups(runs):
        wrapper = marks.deleted([], edit.stamp)
        group[0].addprevious(wrapper)
        for run in group:
            wrapper.append(run)
        for node in wrapper.iter(*DELETED_TAGS):
            node.tag = DELETED_TAGS[node.tag]
        edit.made.append(wrapper)
    return before


def _runs_within(atoms: list[Atom], start: int, end: int, rest: Any | None) -> list[Any]:
    """The runs whose visible text lies wholly within ``start:end`` once both are run
    boundaries, in order: what a new reading would give, from the atoms read before the
    cuts (``rest``: the ``w:t`` cut off at ``start``). A ``w:t`` that ran past ``end``
    was cut there and now ends there; anything else that does is left out."""
    runs = [] if rest is None else [rest.getparent()]
    position = 0
    for atom in atoms:
        if position >= end:
            break
        stop = position + len(atom.text)
        if position >= start and (stop <= end or atom.node.tag == _T):
            run = atom.node.getparent()  # moved to a run of its own by a cut, maybe
            if run not in runs:
                runs.append(run)
        position = stop
    return runs


def _home(atoms: list[Atom]) -> tuple[Any, Any] | None:
    """The first run read and the ``w:p`` holding it: where words go, and their form, once
    every word the paragraph showed is deleted ("1" replaced by "2" in a number cell)."""
    if not atoms:
        return None
    return atoms[0].run, next(atoms[0].run.iterancestors(qn("w:p")), None)


def _insert(atoms: list[Atom], edit: Edit, marks: RevisionMarks, *,
            join: bool = True, home: tuple[Any, Any] | None = None) -> Any | None:
    """Insert ``edit``'s words; the run they follow (None at the paragraph's start).
    Where no word is left to stand beside, they end ``home``'s paragraph (`_home`)."""
    before = _split_at(atoms, edit.start) if edit.start > 0 else None
    word = _next_word(before, edit.text)  # " all" after "Invites": the next word's form
    if join and not edit.tracked and before is not None and word is None and \
            not _restyled(edit, before) and _joins(before, edit.text) and \
            _past_fields(before) is before:
        last = before[-1]  # plain words after plain words: one run, as Word keeps them
        last.text = (last.text or "") + edit.text
        last.set(_XML_SPACE, "preserve")
        return before
    model = word if word is not None else before if before is not None else (
        atoms[0].run if atoms else home[0] if home else None)
    made = [with_styles(new_run(piece, model), styles)
            for piece, styles in pieces(edit.text, edit.marks)] if _restyled(edit, model) \
        else [new_run(edit.text, model)]
    if edit.upright:
        for run in made:
            upright(run)
    if not edit.tracked:
        wrappers = made
    elif edit.deleter is not None:
        wrappers = [marks.inserted([marks.deleted(made, edit.deleter)], edit.stamp)]
    else:
        wrappers = [marks.inserted(made, edit.stamp)]
    if before is not None:
        anchor = _past_fields(_outermost(before))
        for wrapper in reversed(wrappers):
            anchor.addnext(wrapper)
    elif atoms:
        for wrapper in wrappers:
            _outermost(atoms[0].run).addprevious(wrapper)
    elif home is not None and home[1] is not None:
        for wrapper in wrappers:
            home[1].append(wrapper)
    else:
        return None
    edit.made.extend(wrappers)
    return before


def _restyled(edit: Edit, model: Any | None) -> bool:
    """Whether ``edit``'s marks give some of its words a style the run ``model`` lacks."""
    if not edit.marks:  # most words proposed: no style of their own
        return False
    shown = own_styles(model) if model is not None else frozenset()
    return any(styles - shown for _, styles in pieces(edit.text, edit.marks))


def _split_at(atoms: list[Atom], offset: int) -> Any | None:
    """Make ``offset`` fall between two runs (not inside one); the run that now ends
    there (None when no character comes before it)."""
    return _cut(atoms, offset)[0]


def _cut(atoms: list[Atom], offset: int) -> tuple[Any | None, Any | None]:
    """`_split_at`, and the ``w:t`` that now begins at ``offset`` when one was cut in
    two there."""
    position = 0
    for atom in atoms:
        end = position + len(atom.text)
        if position < offset < end and atom.node.tag == _T:
            return atom.run, _split_text(atom, offset - position)
        if offset == end:
            _split_after(atom.run, atom.node)
            return atom.run, None
        position = end
    return None, None


def _split_text(atom: Atom, cut: int) -> Any:
    """Split a ``w:t`` at ``cut`` into two runs: the first keeps the first part; the
    ``w:t`` of the second part."""
    node = atom.node
    rest = text_element("w:t", (node.text or "")[cut:])
    node.text = (node.text or "")[:cut]
    node.set(_XML_SPACE, "preserve")
    node.addnext(rest)
    _split_after(atom.run, node)
    return rest


def _split_after(run: Any, node: Any) -> None:
    """Move the children of ``run`` after ``node`` into a new run after it (same
    ``w:rPr``); nothing when ``node`` is its last child."""
    following = list(node.itersiblings())
    if not following:
        return
    second = element("w:r")
    if (properties := run.find(_RPR)) is not None:
        second.append(properties.__copy__())  # lxml's deep copy
    for child in following:
        second.append(child)
    run.addnext(second)


def _next_word(before: Any | None, text: str) -> Any | None:
    """The run whose formatting words ``text`` put after ``before`` take where they are
    words of their own and another form follows: they open with a space, ``before`` ends
    a word and the next run opens with a space in other formatting (" all" after the
    italic opening "Invites", before " Member States": roman, as the words after the
    opening are). None where they take ``before``'s."""
    if before is None or not text[:1].isspace():
        return None
    last = before.findall(_T)
    if not last or not (last[-1].text or "")[-1:].strip():
        return None
    following = next((r for r in before.itersiblings() if r.tag not in _BESIDE), None)
    if following is None or following.tag != _R:
        return None
    first = following.find(_T)
    if first is None or (first.text or "")[:1].strip():
        return None
    mine, theirs = before.find(_RPR), following.find(_RPR)
    same = (mine is None and theirs is None) or (
        mine is not None and theirs is not None and etree.tostring(mine) == etree.tostring(theirs))
    return None if same else following


def _joins(run: Any, text: str) -> bool:
    """Whether ``text`` can go at the end of ``run``'s last ``w:t``."""
    return len(run) > 0 and run[-1].tag == _T and "\t" not in text and "\n" not in text and \
        run.getparent() is not None and run.getparent().tag not in _MARKS


def _sibling_groups(runs: list[Any]) -> list[list[Any]]:
    """Runs in groups of adjacent siblings (runs inside a hyperlink form their own)."""
    groups: list[list[Any]] = []
    for run in runs:
        if groups and groups[-1][-1].getnext() is run:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def _outermost(run: Any) -> Any:
    """The run, or the revision mark around it (an insertion goes beside, not inside)."""
    parent = run.getparent()
    return parent if parent is not None and parent.tag in _MARKS else run


def _past_fields(anchor: Any) -> Any:
    """Where words put after ``anchor`` go: after the fields whose shown result it ends
    (a ``w:fldSimple`` it is the last of, the runs up to a field's end mark), never
    inside one: Word replaces a field's result when it updates the field, and Reject All
    would leave them standing there."""
    while True:
        parent = anchor.getparent()
        if parent is not None and parent.tag == _FIELD and anchor.getnext() is None:
            anchor = parent
            continue
        for following in anchor.itersiblings():
            if following.tag in _BESIDE:
                continue
            kinds = {mark.get(_FIELD_CHAR_TYPE) for mark in following.iter(_FIELD_CHAR)}
            if following.tag != _R or "begin" in kinds or (not kinds and any(
                    child.tag != _RPR for child in following)):
                return anchor  # words, or another field: the words go before them
            if "end" in kinds:
                break
        else:
            return anchor
        anchor = following


def new_run(text: str, model: Any | None) -> Any:
    """A run of ``text`` (tabs and line breaks as Word writes them) formatted as
    ``model``."""
    run = element("w:r")
    if model is not None and (properties := model.find(_RPR)) is not None:
        run.append(_without_revisions(properties.__copy__()))
    if "\n" not in text and "\t" not in text:  # most often: one piece of text
        if text:
            run.append(text_element("w:t", text))
        return run
    for number, piece in enumerate(text.split("\n")):
        if number:
            run.append(element("w:br"))
        for part_number, part in enumerate(piece.split("\t")):
            if part_number:
                run.append(element("w:tab"))
            if part:
                run.append(text_element("w:t", part))
    return run


def upright(run: Any) -> Any:
    """``run`` (a ``w:r``) with its own italics (``w:i``, ``w:iCs``) taken off; returns it."""
    properties = run.find(_RPR)
    for italic in () if properties is None else [*properties.findall(_I),
                                                 *properties.findall(_I_CS)]:
        properties.remove(italic)
    return run


def new_runs(text: str, model: Any | None, form: Any | None = None, typed: str = "",
             marks: Sequence[Mark] = ()) -> list[Any]:
    """The runs of a new paragraph: ``typed`` (its typed number, "5 bis.\t") and ``text``
    formatted as the run ``model``, except that where the paragraph ``form`` opens its
    words otherwise than it goes on (a resolution's participle or verb in italics), the
    opening words of ``text`` take that form too (`opening_words_end`), and where it types
    its label otherwise (a bold "OP1"), ``typed`` takes the label's form; the words
    ``marks`` (over ``text``) give a style have it turned on too
    (`drafting.ooxml.run_form`)."""
    label, opening = _forms(form) if form is not None else (None, None)
    end = opening_words_end(text) if opening is not None else 0
    if not end and not marks and (label is None or not typed):
        return [new_run(typed + text, model)]
    runs = [new_run(typed, model if label is None else label)] if typed else []
    if not marks:
        opened = [new_run(text[:end], opening)] if end else []
        return [*runs, *opened, new_run(text[end:], model)]
    for start, stop, like in ((0, end, opening), (end, len(text), model)):
        runs += [with_styles(new_run(piece, like), styles)
                 for piece, styles in pieces(text[start:stop], marks, start) if piece]
    return runs


def _forms(paragraph: Any) -> tuple[Any | None, Any | None]:
    """The runs of ``paragraph``'s typed label ("5.", a house style's "OP1") and of its
    first word after it, each where it is formatted otherwise than the paragraph's last
    words; else None for it. Only the children holding its opening and its last words are
    read: a new paragraph's form is often one with hundreds of changes in it."""
    last = _last_words(paragraph)
    if last is None:
        return None, None
    atoms: list[Atom] = []  # tabs too: "OP1<tab>" is a label typed
    stopped = False
    for read in atoms_by_child(paragraph, paragraph):
        atoms += read
        stopped = stopped or any(_PAST_LABEL.search(atom.text) for atom in read)
        if not stopped:
            continue  # the typed label may go on
        found = _TYPED_START.match("".join(atom.text for atom in atoms))  # as in all of it
        label, first = _opening(atoms, found.end() if found else 0)
        if first is not None:
            break
    else:  # read to its end
        found = _TYPED_START.match("".join(atom.text for atom in atoms))
        label, first = _opening(atoms, found.end() if found else 0)

    def otherwise(run: Any | None) -> Any | None:
        return run if run is not None and _form(run) != _form(last) else None

    return otherwise(label), otherwise(first)


def _opening(atoms: list[Atom], typed: int) -> tuple[Any | None, Any | None]:
    """The run of the first word of ``atoms`` within their first ``typed`` characters (the
    label's), and of the first word past them (None while ``atoms`` end before it)."""
    offset, label = 0, None
    for atom in atoms:
        if atom.node.tag == _T and atom.text.strip():
            if offset + len(atom.text) > typed:
                return label, atom.run
            label = atom.run if label is None else label
        offset += len(atom.text)
    return label, None


def _last_words(paragraph: Any) -> Any | None:
    """The run of the last ``w:t`` ``paragraph`` shows (as `visible` reads it), or None
    where it shows none."""
    if not any(node.text for node in paragraph.iter(_T)):  # a paragraph deleted whole
        return None
    for read in atoms_by_child(paragraph, reversed(paragraph)):
        if words := [atom for atom in read if atom.node.tag == _T]:
            return words[-1].run
    return None


_PAST_LABEL = lazy_compile(r"[^\s\da-zOPA.\-\u2013\uff0e\u3001()\u0621-\u064a]")
"""A character `_TYPED_START` takes in no way: the label typed can end no further on,
and what the paragraph holds after it cannot change where it ends."""


def _form(run: Any) -> bytes:
    properties = run.find(_RPR)
    return b"" if properties is None else etree.tostring(properties)


def _without_revisions(properties: Any) -> Any:
    for change in properties.findall(qn("w:rPrChange")):
        properties.remove(change)
    return properties

