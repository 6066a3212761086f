"""The numbers Word shows before a copy's list items, read as the revision numbers them.

A paragraph's sub-paragraphs numbered by Word ("(a)", "(b)") hold their numbers in the
draft's text, as Word showed them at import. In an edited copy, an item inserted or
removed moves the numbers Word shows after it ("(b)" is "(c)" now, or "(c)" is "(b)"):
that is Word's doing, no proposal. `as_numbered` gives each item the copy still holds the
number the revision gives it, so that the inserted or removed item alone differs:

- an item inserted keeps the number Word shows it, as a tracked copy reads it;
- an item deleted whole, tracked (its words and its paragraph mark), is its own line
  deleted ("\\n(b) To build capacities;"), not its words and the next item's number (nor,
  the last item, its words and the paragraph joined to the next);
- an item emptied (all its words deleted, tracked, its paragraph mark left for Word to
  number an empty item; or its typed number and words deleted, the empty paragraph
  left; or, as LibreOffice strikes a line, its words struck and its typed number left)
  is deleted whole too: a delegation that empties an item means it gone, not an
  empty "(a)";
- typed numbers an edited copy renumbered by hand around an item inserted or removed
  are read as the revision numbers the items (`unrelettered`): the item alone differs;
- an item missing from an edited copy is that line deleted, untracked.
"""

from __future__ import annotations

from collections.abc import Collection
from difflib import SequenceMatcher
from itertools import accumulate

from drafting.engine.anchoring import similarity
from drafting.engine.sublists import ALIKE, BETWEEN, ITEM, matched_lines, unrelettered
from drafting.lazy_re import lazy_compile
from drafting.ooxml.numbering import shown_alike
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.docx_untracked import UNTRACKED

NUMBER = "number"
"""The kind of the piece a copy reads for an item's automatic number ("\\n(c) ")."""
_WORD = lazy_compile(r"\w+")


def as_numbered(pieces: list[RunPiece], target: str, *,
                closing_deleted: bool = False) -> list[RunPiece]:
    """``pieces`` (a paragraph of a copy) with the automatic number of each item that
    ``target`` (the revision's text) holds too, found by its words, as ``target`` writes
    it, and the items it deleted whole read as such (the last one too where its mark,
    the paragraph's, is deleted: ``closing_deleted``); the pieces as they are where none
    changes."""
    numbers = [n for n, piece in enumerate(pieces) if piece.kind == NUMBER]
    if not numbers:  # typed numbers, if any: the copy's own, renumbered by hand or not
        return _emptied(_typed_as_numbered(pieces, target), closing_deleted=closing_deleted)
    out = _emptied(_deleted_whole(pieces), closing_deleted=closing_deleted)
    numbers = [n for n, piece in enumerate(out) if piece.kind == NUMBER]
    if closing_deleted and last_item_deleted(out):
        last, deleted = out[numbers[-1]], out[numbers[-1] + 1]
        out[numbers.pop()] = _deleted_as(last, deleted)
    words = []
    for position, n in enumerate(numbers):
        end = numbers[position + 1] if position + 1 < len(numbers) else len(out)
        text = "".join(p.text for p in out[n + 1:end] if p.in_proposed)
        words.append(text.split("\n", 1)[0].strip())
    lines = [line.partition(" ") for line in target.split("\n")[1:]]
    theirs = [rest.strip() for _, _, rest in lines]
    for mine, their in _paired(words, theirs, [out[n].text.strip() for n in numbers],
                               [number for number, _, _ in lines]):
        piece = out[numbers[mine]]
        shown = piece.text.strip()
        if _alike(shown, lines[their][0]):
            out[numbers[mine]] = piece.with_text(piece.text.replace(shown, lines[their][0], 1))
    return _missing(out, target)


def _paired(words: list[str], theirs: list[str], shown: list[str], numbers: list[str],
            ) -> list[tuple[int, int]]:
    """The copy's items (their ``words``, Word's numbers ``shown``) paired with the
    revision's (``theirs``, ``numbers``) as a diff pairs them (`matched_lines`): one for
    one, the same item; where items were removed (or joined) among others, each with the
    one most like it, unless its number is already that of an item like it (two joined
    keep the first one's) - the first item gone, the next is "(a)" now, not a proposal."""
    pairs = []
    for mine, i2, their, j2 in matched_lines(words, theirs):
        if i2 - mine == 1 and j2 - their == 1:  # the same item, its words changed or not
            pairs.append((mine, their))
            continue
        for a, a2, b, b2 in matched_lines([f"{n} {w}" for n, w in zip(
                shown[mine:i2], words[mine:i2], strict=True)], [f"{n} {w}" for n, w in zip(
                numbers[their:j2], theirs[their:j2], strict=True)]):
            if a2 - a == 1 and b2 - b == 1 and not any(
                    numbers[k] == shown[mine + a] and similarity(theirs[k], words[mine + a])
                    >= ALIKE for k in range(their, j2)):
                pairs.append((mine + a, their + b))
    return pairs


def _typed_as_numbered(pieces: list[RunPiece], target: str) -> list[RunPiece]:
    """``pieces`` (a paragraph of an edited copy, untracked) with the typed numbers of the
    items ``target`` holds too written as ``target`` writes them, where the copy numbered
    its items again by hand after one inserted or removed (`unrelettered`): that is the
    revision's own renumbering, no proposal; the pieces as they are otherwise."""
    if any(p.state != NORMAL for p in pieces):
        return pieces
    text = "".join(p.text for p in pieces)
    fixed = unrelettered(target, text)
    if fixed == text:
        return pieces
    out = list(pieces)
    begins = [0, *accumulate(len(p.text) for p in pieces)][:-1]  # each piece's, in ``text``
    at = 0
    changed: list[tuple[int, int, str]] = []  # (start, end, number) in ``text``
    for line, now in zip(text.split("\n"), fixed.split("\n"), strict=True):
        if line != now:
            found, wanted = ITEM.match(line), ITEM.match(now)
            if found is None or wanted is None or line[found.end():] != now[wanted.end():]:
                return pieces
            changed.append((at + found.start("number"), at + found.end("number"),
                            wanted["number"]))
        at += len(line) + 1
    for start, end, number in reversed(changed):
        n = max(k for k, begin in enumerate(begins) if begin <= start)
        if end > begins[n] + len(out[n].text):  # the number split between runs
            return pieces
        piece = out[n]
        cut = start - begins[n]
        out[n] = piece.with_text(piece.text[:cut] + number + piece.text[end - begins[n]:])
    return out


def _deleted_whole(pieces: list[RunPiece]) -> list[RunPiece]:
    """``pieces`` with each item deleted whole, its words and its paragraph mark tracked
    as deleted, read as its line deleted: its number deleted, the next item's kept.

    A copy reads such an item as its number, its words deleted, then the next item's
    number deleted with the mark before it (two lines joined): the same original text,
    but it would propose the next item's words under the deleted item's number."""
    out = list(pieces)
    for n, piece in enumerate(pieces):
        if piece.kind != NUMBER:
            continue
        end = n + 1
        while end < len(pieces) and not pieces[end].in_proposed:  # deleted (or undone)
            end += 1
        joints = [at for at in range(n + 1, end) if _joint(pieces[at])]
        if not joints:
            continue
        last = joints[-1]
        if any(p.in_original for p in pieces[last + 1:end]) and not (
                end == len(pieces) or _opens(pieces[end])):  # some of its words deleted
            continue
        for at, stop in zip([n, *joints[:-1]], joints, strict=True):  # each item whole
            out[at] = _deleted_as(pieces[at], next(
                (p for p in pieces[at + 1:stop] if p.in_original), pieces[stop]))
        out[last] = number_piece(pieces[last].text)  # emptied, if so: `_emptied`'s
    return out


def _emptied(pieces: list[RunPiece], *, closing_deleted: bool) -> list[RunPiece]:
    """``pieces`` with each item emptied, its words all tracked as deleted and its
    paragraph mark kept (Word still numbers it, with no words), read as deleted whole:
    its number deleted with its words ("\\n(a) " and "To respect ..."); the same for an
    item with a typed number, its line break deleted with its number and words ("\\n"
    and "(a)<tab>To respect ..."). The last item with the paragraph's mark deleted
    (``closing_deleted``) is `last_item_deleted`'s."""
    out: list[RunPiece] = []
    numbered: dict[int, RunPiece] = {}  # a typed number kept: deleted with its words
    for n, piece in enumerate(pieces):
        if not _opens(piece):
            out.append(piece)
            continue
        end = next((at for at in range(n + 1, len(pieces)) if _opens(pieces[at])),
                   len(pieces))
        words = [p for p in pieces[n + 1:end] if p.text.strip()]
        kept = _typed_kept(words) if piece.kind != NUMBER else 0
        emptied = len(words) > kept and all(p.state == DELETED and p.in_original
                                            for p in words[kept:])
        if piece.kind != NUMBER and not kept:  # a typed number first
            emptied &= ITEM.match("".join(p.text for p in words).lstrip()) is not None
        if emptied and not (end == len(pieces) and closing_deleted and piece.kind == NUMBER):
            out.append(_deleted_as(piece, words[kept]))
            numbered.update({id(p): words[kept] for p in pieces[n + 1:end]
                             if p.state == NORMAL and p is not piece})
        else:
            out.append(piece)
    return [_deleted_as(p, numbered[id(p)]) if id(p) in numbered else p for p in out]


def _typed_kept(words: list[RunPiece]) -> int:
    """How many of an item's first ``words`` (its pieces with words) are its typed number
    left as it was ("(3)<tab>"), the item's words after it all struck, as LibreOffice
    strikes a line's words and keeps its number: 0 where they are no number alone."""
    kept = 0
    while kept < len(words) and words[kept].state == NORMAL:
        kept += 1
    typed = "".join(p.text for p in words[:kept]).strip()
    found = ITEM.match(f"{typed} ")
    return kept if kept and found and found.end() == len(typed) else 0


def _opens(piece: RunPiece) -> bool:
    """Whether ``piece`` opens a line of its own Word paragraph: an item's automatic
    number, or the line break that joins a Word paragraph to the one before."""
    return piece.kind == NUMBER or (piece.state == NORMAL and not piece.kind and
                                    piece.text == "\n") or \
        (piece.state == INSERTED and piece.text.startswith("\n"))


def _deleted_as(number: RunPiece, deleted: RunPiece) -> RunPiece:
    """An item's automatic ``number`` deleted by the change that deleted its words."""
    return RunPiece(number.text, DELETED, deleted.author, deleted.date, deleted.change_id,
                    kind=deleted.kind)


def last_item_deleted(pieces: list[RunPiece]) -> bool:
    """Whether the last of ``pieces`` (a paragraph of a copy) are an item, Word's number
    or its own typed one opening its line, its words all tracked as deleted: with the
    paragraph's mark deleted too, that item is deleted whole (as selecting its line and
    pressing Delete does), not joined to the next paragraph."""
    last = next((n for n in range(len(pieces) - 1, -1, -1) if pieces[n].kind == NUMBER
                 or (pieces[n].in_original and pieces[n].text.startswith("\n"))), None)
    rest = pieces[last + 1:] if last is not None else []
    return bool(rest) and rest[0].in_original and not any(p.in_proposed for p in rest)


def _joint(piece: RunPiece) -> bool:
    """Whether ``piece`` is a deleted line break and item number ("\\n(c) "): the next
    item joined to the one before, its paragraph mark deleted."""
    return piece.state == DELETED and piece.in_original and piece.text.startswith("\n") \
        and ITEM.match(f"{piece.text[1:].strip()} ") is not None


def _missing(pieces: list[RunPiece], target: str) -> list[RunPiece]:
    """``pieces`` with each of ``target``'s items that the copy does not hold (neither as
    its text nor as tracked deleted), found by its words, added as an untracked
    deletion of its line ("\\n(b) To build capacities;") where it stood."""
    starts, offset = {}, 0  # where each of the copy's original lines begins: its piece
    for n, piece in enumerate(pieces):
        if piece.in_original:
            if piece.text.startswith("\n"):
                starts[offset] = n
            offset += len(piece.text)
    original = "".join(p.text for p in pieces if p.in_original)
    if original == target:
        return pieces
    mine, theirs = original.split("\n"), target.split("\n")
    at, begins = [], 0
    for line in mine:
        at.append(begins)
        begins += len(line) + 1
    added: dict[int, str] = {}  # piece index (len(pieces): at the end) -> lines deleted
    matcher = SequenceMatcher(None, [_words(line) for line in mine],
                              [_words(line) for line in theirs], autojunk=False)
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        lost = theirs[j1:j2]
        if tag != "insert" or i1 == 0 or not all(ITEM.match(line) for line in lost):
            continue
        where = starts.get(at[i1] - 1) if i1 < len(mine) else len(pieces)
        if where is not None:
            added[where] = "".join(f"\n{line}" for line in lost)
    if not added:
        return pieces
    out: list[RunPiece] = []
    for n, piece in enumerate([*pieces, None]):
        if n in added:
            out.append(RunPiece(added[n], DELETED, kind=UNTRACKED))
        if piece is not None:
            out.append(piece)
    return out


def _words(line: str) -> str:
    """A line's words, without the item number it opens with."""
    found = ITEM.match(line)
    return line[found.end():].strip() if found else line.strip()


def _alike(shown: str, number: str) -> bool:
    """Whether two numbers are written alike ("(c)" and "(b)", not "(c)" and "To")."""
    return bool(number) and len(number) <= 12 and \
        _WORD.sub("0", shown) == _WORD.sub("0", number)


def number_piece(prefix: str) -> RunPiece:
    """The unchanged piece of an item's automatic number, ``prefix`` ("\\n(c) ")."""
    return RunPiece(prefix, NORMAL, kind=NUMBER)



def typed_over(prefix: str, text: str, held: Collection[str] = ()) -> str:
    """The joint before a new item Word numbers (``prefix``: "\\n(d) ") whose words,
    ``text``, open with a number typed by hand: the line break alone, the typed number
    being the item's label, never text after Word's ("(c bis)<tab>" typed on the new
    item after "(c)" stays out of Word's list; "(d)<tab>" is Word's own number). A line
    ``held`` by the draft so, both numbers (as the import reads one), keeps Word's."""
    if not prefix.strip() or not (BETWEEN.match(text) or ITEM.match(text)) or \
            prefix.lstrip() + text in held:
        return prefix
    return prefix[:len(prefix) - len(prefix.lstrip())]


def heading_renumbered(pieces: list[RunPiece], shown: str, target: str) -> list[RunPiece]:
    """``pieces`` (a heading of a copy, opening with ``shown``, the number Word shows it:
    "Article 3 ") with that number as ``target`` (the revision's heading) writes it
    ("Article 2 "), where it is written alike: a heading inserted before it makes Word
    number it on, and a number Word shows is nobody's proposal. The pieces as they are
    otherwise."""
    if not shown or not pieces or pieces[0].text != shown or pieces[0].state != NORMAL:
        return pieces
    found = shown_alike(shown, target)
    if found is None or not target[len(found):].startswith(shown[len(shown.rstrip()):]):
        return pieces
    return [pieces[0].with_text(target[:len(shown) - len(shown.rstrip()) + len(found)]),
            *pieces[1:]]
