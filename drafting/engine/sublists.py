"""Sub-paragraph lists ("(a) ...", "(i) ...", "1. ...") kept inside a paragraph's text.

A revision that inserts or removes an item leaves the letters after it as they were: a
new "(b)" before the old "(b)", or "(a)" then "(c)". Word renumbers the items it numbers
by itself, and a revision's text must read as its Word document does, so `relettered`
numbers such a list again, as Word would: the first item keeps its number, each next one
takes the next (letters, roman numerals or digits, as the list writes them; a nested
list counts on its own and starts again under each item of the list it stands in).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from drafting.engine.anchoring import similarity, word_diff
from drafting.lazy_re import lazy_compile
from drafting.model.labels import SUFFIXES

ITEM = lazy_compile(r"(?P<open>\()?(?P<prefix>(?:\d{1,3}\.)+(?=\d))?"
                  r"(?P<number>[a-z]{1,3}|[A-Z]{1,3}|\d{1,3})"
                  r"(?P<close>(?(open)\)|(?:\)|(?<=\d)\.|(?<=[a-z])\.|(?(prefix)|(?<=[a-z])(?=\t)))))"
                  r"(?=[ \t])")
"""A sub-paragraph's number where its line begins: "(a)", "(iv)", "b)", "(12)", or
digits or small letters with a full stop, as Word's "List Number 2" and lettered lists
show them or a text types them ("2.", "b.", "iv."; ``open`` is None where no bracket
opens it); or Word's legal numbering, the
numbers of the items it stands in first ("2.1.3", ``prefix`` "2.1.", ``number`` "3");
or a letter alone before a tab, as the Council of Europe letters items ("a<tab>")."""
BETWEEN = lazy_compile(r"(?P<open>\(?)(?P<number>[a-z]{1,3}|[A-Z]{1,3}|\d{1,3})[ -]?(?:" +
                     "|".join(sorted(SUFFIXES, key=len, reverse=True)) +
                     r")(?P<close>\))(?=[ \t])")
"""A new item typed between two, as negotiators number it: "(a bis)", "a bis)", "(b ter)".
It is no number of its list (the list goes on over it, and a diff letters nothing
around it) until a revision is issued: then it is numbered in turn (`relettered`)."""

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
_LETTER, _ROMAN_KIND, _DIGIT = "letter", "roman", "digit"


@dataclass(slots=True)
class _List:
    """One list of items in a text: how it writes its numbers, and its items as
    ``(line, value)``."""

    kind: str
    form: tuple[str, str, bool, str]  # what stands before and after, whether upper case,
    # and the numbers of the items it stands in, where written before its own ("2.1.")
    items: list[tuple[int, int]] = field(default_factory=list)

    def gap(self, value: int) -> int | None:
        """How far on ``value`` stands from the last item (0 for the same number twice);
        None before it."""
        last = self.items[-1][1]
        return value - last if value >= last else None


def relettered(old: str, new: str, *, between: bool = False) -> str:
    """``new`` (a revision of ``old``) with each list whose numbers no longer run on (an
    item inserted or removed) numbered again, where ``old``'s lists all ran on; else
    ``new`` as it is. A list starts where it did in ``old`` (its first item removed,
    "(b)" is "(a)" now). The first line is an item only where ``old``'s is one (an
    article's "1. For the purposes ...", Word's number). With ``between`` (a revision
    issued), an item ``new`` adds typed between two ("(a bis)") is an item of its list
    like any other, numbered in turn with those after it, as a revision renumbers."""
    numbered = _between_numbered(old.split("\n"), new.split("\n"),
                                 0 if ITEM.match(old) else 1) if between else new
    if numbered != new:  # "(a bis)" numbered in turn, where its list then runs on
        done = relettered(old, numbered)
        lines = done.split("\n")
        added = {n for n, line in enumerate(lines) if line not in old.split("\n")}
        if all(_runs_on(found) for found in _lists(lines, added)):
            return done
    first = 0 if ITEM.match(old) else 1
    if new == old or not any(ITEM.match(line) for line in new.split("\n")[first:]):
        return new
    was = old.split("\n")
    lists = _lists(was)
    if not all(_runs_on(found) for found in lists):
        return new  # numbered as the drafters chose: not for a revision to change
    starts: dict[str, tuple[str, tuple[str, str, bool, str], int]] = {}
    for found in lists:  # each item's words: the kind, form and start of its list
        for line, _ in found.items:
            starts.setdefault(item_words(was[line]), (found.kind, found.form, found.items[0][1]))
    lines = new.split("\n")
    # a line the revision adds between two items, unnumbered, is no end of their list; and
    # the number typed on an item it adds is a guess ("(c)" typed on a new item between
    # "(a)" and "(b)"): the item takes its place among the list's, numbered in turn
    added = {number for number, line in enumerate(lines) if line not in was}
    guessed = {number for number in added if number >= first and ITEM.match(lines[number])
               and not BETWEEN.match(lines[number])}
    found_lists = _lists(_without(lines, guessed), added)
    homes = _homes(guessed, found_lists, lines)
    if set(homes) != guessed:  # one in no list of the old items': a list's item as typed
        guessed = set(homes)
        found_lists = _lists(_without(lines, guessed), added)
        homes = _homes(guessed, found_lists, lines)
    for found in found_lists:
        among = [(n, 0) for n in sorted(guessed) if homes.get(n) is found]
        first = next((start for kind, form, start in (
            starts.get(item_words(lines[line]), ("", "", 0)) for line, _ in found.items)
            if (kind, form) == (found.kind, found.form)), _start(found, lists))
        if _runs_on(found) and found.items[0][1] == first and not among:
            continue
        found.items = sorted([*found.items, *among])
        for step, (line, _) in enumerate(found.items):
            start, end = ITEM.match(lines[line]).span("number")  # type: ignore[union-attr]
            lines[line] = lines[line][:start] + written(first + step, found.kind,
                                                        found.form[2]) + lines[line][end:]
    if not all(_runs_on(found) for found in _lists(lines, added)):  # read otherwise: as it is
        return new
    return "\n".join(lines)


def _between_numbered(was: list[str], lines: list[str], first: int) -> str:
    """``lines`` with each item they add typed between two ("(c bis)<tab>", "a bis) ")
    numbered as its list's items are ("(c)", with the space or tab they write after it),
    a number `relettered` takes as a guess; the lines as they are otherwise."""
    out = list(lines)
    for number, line in enumerate(lines):
        found = BETWEEN.match(line)
        if number < first or line in was or found is None:
            continue
        if not any(  # no item of ``was`` is written so: no list of it
                (item := ITEM.match(other)) and (item["open"] or "", item["close"]) ==
                (found["open"], found["close"]) for other in was[first:]):
            continue
        before = next((ITEM.match(other) for other in reversed(lines[:number])
                       if ITEM.match(other)), None)
        space = before.string[before.end()] if before else line[found.end()]
        out[number] = f"{found['open']}{found['number']}{found['close']}{space}" + \
            line[found.end():].lstrip(" \t")
    return "\n".join(out)


def _homes(guessed: Collection[int], lists: list[_List], lines: list[str],
           ) -> dict[int, _List]:
    """The list each of the ``guessed`` lines (items a revision adds, their numbers typed
    by guess) stands in: the innermost of ``lists`` written alike whose items stand
    before and after it, or that it opens or closes (nothing but such lines between it
    and the list's first or last item)."""
    homes = {}
    for number in guessed:
        form = _form(ITEM.match(lines[number]))  # type: ignore[arg-type]
        around = [found for found in lists
                  if found.form == form and _stands_in(number, found, guessed)]
        if around:
            homes[number] = max(around, key=lambda found: found.items[0][0])
    return homes


def _without(lines: list[str], left: Collection[int]) -> list[str]:
    """``lines`` with those ``left`` out emptied."""
    return ["" if number in left else line for number, line in enumerate(lines)]


def _stands_in(number: int, found: _List, guessed: Collection[int]) -> bool:
    """Whether line ``number`` stands among ``found``'s items, or opens or closes the
    list with nothing but ``guessed`` lines between it and the list's items."""
    first, last = found.items[0][0], found.items[-1][0]
    if number < first:
        return all(n in guessed for n in range(number + 1, first))
    if number > last:
        return all(n in guessed for n in range(last + 1, number))
    return True


def _start(found: _List, lists: list[_List]) -> int:
    """Where ``found`` (a list none of whose items' words ``old`` holds: its items joined,
    changed or new) starts: where ``old``'s lists written alike all start, else where
    it does."""
    alike = {items.items[0][1] for items in lists if (items.kind, items.form) ==
             (found.kind, found.form)}
    return alike.pop() if len(alike) == 1 else found.items[0][1]


def unrelettered(old: str, new: str) -> str:
    """``new`` (a revision of ``old``) with the items it holds from ``old`` (found by
    their words) numbered as in ``old``, where relettering that gives ``new`` back: the
    text a diff shows, in which an item inserted or removed is the only change, not the
    letters after it; else ``new`` as it is. Items are paired as `matched_lines` pairs
    them: one deleted and another added in the same list are each the change they are."""
    if new == old or not any(ITEM.match(line) for line in new.split("\n")[1:]):
        return new
    was, now = old.split("\n"), new.split("\n")
    lines = list(now)
    for i, i2, j, j2 in matched_lines(was, now):  # items paired by their words
        if i2 - i == 1 and j2 - j == 1:
            before, after = ITEM.match(was[i]), ITEM.match(now[j])
            if before and after and j:
                lines[j] = before[0] + now[j][after.end():]
    candidate = "\n".join(lines)
    return candidate if candidate != new and relettered(old, candidate) == new else new


def matched_lines(was: list[str], now: list[str]) -> list[tuple[int, int, int, int]]:
    """The lines of ``was`` and ``now`` in order, matched by their words (an item's
    number aside), as spans ``(i1, i2, j1, j2)``: lines ``was[i1:i2]`` become
    ``now[j1:j2]`` (one line each, or lines that are no items), removed (``j1 == j2``)
    or inserted (``i1 == i2``). Where as many lines stand in the place of as many, they
    are matched one by one; else items each with the one most like it (`_alike`)."""
    matcher = SequenceMatcher(None, [item_words(line) for line in was],
                              [item_words(line) for line in now], autojunk=False)
    spans: list[tuple[int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            spans += [(i, i + 1, j, j + 1) for i, j in zip(range(i1, i2), range(j1, j2),
                                                           strict=True)]
        elif tag != "replace" or any(ITEM.match(line)
                                     for line in (*was[i1:i2], *now[j1:j2])):
            spans += _alike(was[i1:i2], now[j1:j2], i1, j1)
        else:  # lines broken or joined otherwise: word by word, as one text
            spans.append((i1, i2, j1, j2))
    return spans


ALIKE = 0.3
"""How alike (`similarity`) two lines must be to be read as one changed, not one removed
and another inserted."""


def _alike(was: list[str], now: list[str], i: int, j: int) -> list[tuple[int, int, int, int]]:
    """Lines ``was`` (from line ``i``) in the place of a different number of lines
    ``now`` (from line ``j``): each paired with one alike enough, the most alike in all,
    the rest removed (first) or inserted; as `matched_lines` gives them."""
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {
        (len(was), len(now)): (0.0, (0, 0))}  # from (a, b): the score, the step taken
    for a in range(len(was), -1, -1):
        for b in range(len(now), -1, -1):
            steps = [(best[a + 1, b][0], (1, 0))] if a < len(was) else []
            if b < len(now):
                steps.append((best[a, b + 1][0], (0, 1)))
            if a < len(was) and b < len(now):
                alike = similarity(item_words(was[a]), item_words(now[b]))
                if alike >= ALIKE:
                    steps.append((alike + best[a + 1, b + 1][0], (1, 1)))
            if steps:
                best[a, b] = max(steps, key=lambda step: step[0])
    spans: list[tuple[int, int, int, int]] = []
    a = b = 0
    while (a, b) != (len(was), len(now)):
        da, db = best[a, b][1]
        spans.append((i + a, i + a + da, j + b, j + b + db))
        a, b = a + da, b + db
    return spans


def line_diff(old: str, new: str) -> list[tuple[int, str]]:
    """``old`` -> ``new`` as `word_diff` gives it, ``(op, text)`` with op -1, 0 or 1, but
    with their lines (a paragraph's sub-items) matched first (`matched_lines`): a line and
    the one it became word by word, a line removed or inserted whole with its line break
    ("\\n(b) ..." after the line before, "... \\n" before the first line kept), never one
    item's words paired with another's. Texts of one line give `word_diff`'s."""
    if "\n" not in old and "\n" not in new:
        return word_diff(old, new)
    was, now = old.split("\n"), new.split("\n")
    ops: list[tuple[int, str]] = []
    removed: list[str] = []
    inserted: list[str] = []
    kept = False  # whether a line of ``old`` has been matched with one of ``new``

    def whole(before: bool) -> None:
        for op, lines in ((-1, removed), (1, inserted)):
            if lines:
                ops.append((op, "".join(f"\n{line}" for line in lines) if kept else
                            "".join(f"{line}\n" for line in lines) if before else
                            "\n".join(lines)))
        removed.clear()
        inserted.clear()

    for i1, i2, j1, j2 in matched_lines(was, now):
        if j1 == j2:
            removed += was[i1:i2]
        elif i1 == i2:
            inserted += now[j1:j2]
        else:
            whole(True)
            if kept:
                ops.append((0, "\n"))
            ops += word_diff("\n".join(was[i1:i2]), "\n".join(now[j1:j2]))
            kept = True
    whole(False)
    return [(op, text) for op, text in ops if text]


def line_similarity(old: str, new: str) -> float:
    """`similarity` of two texts with their lines matched first (`line_diff`): an item
    added before another and one removed leave the items kept alike, not their words
    paired with the next item's. 1.0 for two empty texts."""
    total = len(old) + len(new)
    if not total:
        return 1.0
    return 2 * sum(len(text) for op, text in line_diff(old, new) if op == 0) / total


def item_words(line: str) -> str:
    """A line's words, without the item number it opens with ("(b)", or Word's "2.")."""
    found = ITEM.match(line)
    return line[found.end():].strip() if found else line.strip()


def written(value: int, kind: str, upper: bool = False) -> str:
    """``value`` as a list of ``kind`` writes it: "c", "aa" (Word's 27th letter), "iv",
    "12"."""
    if kind == _DIGIT or value < 1:
        return str(value)
    if kind == _LETTER:
        text = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
    else:
        text = ""
        for size, numeral in _ROMAN:
            count, value = divmod(value, size)
            text += numeral * count
    return text.upper() if upper else text


def _lists(lines: list[str], through: Collection[int] = ()) -> list[_List]:
    """The lists of items among ``lines``: a list goes on over the items nested in it, an
    item typed between two ("(a bis)", `BETWEEN`) and the lines ``through`` (that are no
    items), and ends at any other line that is no item."""
    found: list[_List] = []
    open_: list[_List] = []  # the lists still going on, the innermost last
    for number, line in enumerate(lines):
        match = ITEM.match(line)
        if match is None:
            if number not in through and not BETWEEN.match(line):
                open_ = []
            continue
        form = _form(match)
        readings = _plausible(_readings(match["number"]), _ahead(lines, number, form),
                              open_, form)
        # the list it goes on: the nearest number on (an item removed leaves a gap)
        goes_on = [(gap, -depth, value) for depth, now in enumerate(open_)
                   for kind, value in readings if now.kind == kind and now.form == form
                   and (gap := now.gap(value)) is not None]
        near = [found for found in goes_on if found[0] <= 1]  # "(i)" after "(h)": a letter
        opens = number and lines[number - 1].rstrip().endswith((":", "\uff1a")) and any(
            kind not in {now.kind for now in open_} for kind, _ in readings)
        if near or (goes_on and not opens):  # "(i)" after "(g)" (an item removed): a letter
            _, depth, value = min(near or goes_on)
            del open_[-depth + 1:]
        else:
            kind, value = _first_reading(readings)
            open_.append(_List(kind, form))
            found.append(open_[-1])
        open_[-1].items.append((number, value))
    return found


def _form(match: re.Match[str]) -> tuple[str, str, bool, str]:
    """How an item's number is written: its brackets, case and the numbers before it."""
    return (match["open"], match["close"], match["number"].isupper(), match["prefix"] or "")


def _ahead(lines: list[str], number: int, form: tuple[str, str, bool, str],
           ) -> list[tuple[str, int]]:
    """The readings of the item after line ``number``, where it is written alike."""
    match = ITEM.match(lines[number + 1]) if number + 1 < len(lines) else None
    if match is None or _form(match) != form:
        return []
    return _readings(match["number"])


def _plausible(readings: list[tuple[str, int]], ahead: list[tuple[str, int]],
               open_: list[_List], form: tuple[str, str, bool, str]) -> list[tuple[str, int]]:
    """Of an ambiguous number's readings ("(i)": the ninth letter, or one), those the
    items around it bear out: the one the next item follows ("(ii)" after "(i)": roman;
    "(j)": a letter); a double letter ("ii") only right after the letter before it."""
    if len(readings) < 2:
        return readings
    followed = [(kind, value) for kind, value in readings if (kind, value + 1) in ahead]
    if len(followed) == 1:
        return followed
    letters = [now.items[-1][1] for now in open_ if now.kind == _LETTER and now.form == form]
    kept = [(kind, value) for kind, value in readings
            if kind != _LETTER or value <= 26 or any(0 <= value - last <= 1 for last in letters)]
    return kept or readings


def _runs_on(found: _List) -> bool:
    values = [value for _, value in found.items]
    return values == list(range(values[0], values[0] + len(values)))


def _readings(number: str) -> list[tuple[str, int]]:
    """What an item's number may stand for: ``(kind, value)`` pairs ("c": the third
    letter, or a hundred in roman numerals)."""
    if number.isdigit():
        return [(_DIGIT, int(number))]
    lower = number.lower()
    readings = []
    if len(set(lower)) == 1:
        readings.append((_LETTER, (ord(lower[0]) - ord("a") + 1) + 26 * (len(lower) - 1)))
    roman = _roman_value(lower)
    if roman is not None:
        readings.append((_ROMAN_KIND, roman))
    return readings


def _first_reading(readings: list[tuple[str, int]]) -> tuple[str, int]:
    """How a list's first item is read: "(i)" opens roman numerals, any other letter a
    list of letters."""
    if not readings:
        return _LETTER, 0
    return next(((k, v) for k, v in readings if k == _ROMAN_KIND and v == 1), readings[0])


def _roman_value(text: str) -> int | None:
    """The value of a roman numeral written as Word writes them; None for any other text."""
    value, rest = 0, text
    for size, numeral in _ROMAN:
        while rest.startswith(numeral):
            value, rest = value + size, rest[len(numeral):]
    return value if not rest and value and written(value, _ROMAN_KIND) == text else None


def written_alike(one: str, two: str) -> bool:
    """Whether ``one`` and ``two`` are both an item's number alone, written alike: in the
    same brackets, both in digits or both in letters ("(b)" and "(d)", "(a)" and "(iv)";
    not "(b)" and "2)", nor "(b)" and "(2)")."""
    first, second = ITEM.match(f"{one} "), ITEM.match(f"{two} ")
    if first is None or second is None or (first.end(), second.end()) != (len(one), len(two)):
        return False
    return (first["open"], first["close"], first["number"].isdigit(), first["prefix"]) == \
        (second["open"], second["close"], second["number"].isdigit(), second["prefix"])


def follows(before: str, after: str) -> bool:
    """Whether the item number ``after`` comes next after ``before``, written alike:
    "(c)" after "(b)", "(iii)" after "(ii)", "4)" after "3)", "b" after "a" (typed
    before a tab)."""
    one, two = _item(before), _item(after)
    if one is None or two is None or (one.end(), two.end()) != (len(before), len(after)):
        return False
    if (one["open"], one["close"], one["prefix"]) != (two["open"], two["close"], two["prefix"]):
        return False
    return any(kind == other and value + 1 == next_value
               for kind, value in _readings(one["number"])
               for other, next_value in _readings(two["number"]))


def _item(number: str) -> re.Match[str] | None:
    """`ITEM` matched on an item's ``number`` alone, as typed before a space or a tab."""
    return ITEM.match(f"{number} ") or ITEM.match(f"{number}\t")
