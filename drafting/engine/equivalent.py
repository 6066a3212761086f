"""Changes of words told apart by what they do, not by how they were typed.

Word records typing over a selection as the whole selection deleted and retyped: "submit a
report" -> "submit a report annually" and " on data" -> " annually on data" are one change
of the paragraph, the word "annually" after "report". Two proposals that leave their
paragraph with the same text as a reader sees it are the same proposal (`same_made`);
where they were typed over different words, the merge shows them, and a revision applies
them, once, on the fewest whole words that differ (`narrowest`). The amendments themselves are never
altered: what each delegation submitted stays as it typed it.
"""

from __future__ import annotations

from drafting.characters import visible
from drafting.engine.anchoring import word_character
from drafting.model.amendment import Amendment


def joined(before: str, new: str, after: str, old: str = "") -> str:
    """``before + new + after``, where a deletion (``new`` empty) leaves two spaces at its
    join with one of them gone, as a secretariat would type it ("communities  in" ->
    "communities in"), and a deletion of words (``old``, what it takes out, has a word
    character) leaves no space before a closing mark or the end ("resolution
    [within existing resources];" -> "resolution;"). A bracket or a space deleted alone
    is left as it was taken out: the delegation meant that character."""
    if not new and before.endswith(" ") and after.startswith(" "):
        after = after[1:]
    elif not new and before.endswith(" ") and after[:1] in CLOSING and \
            any(word_character(c) for c in old):
        before = before[:-1]
    return before + new + after


CLOSING = ("", ",", ";", ":", ".", ")")
"""What follows a deletion of words where the space before it goes too ("" the end)."""


def past_space(text: str, at: int, new: str, start: int, end: int) -> tuple[int, str] | None:
    """An insertion of ``new`` at ``at`` that falls strictly inside a deletion of
    ``start:end`` only by the spaces between: moved across them to the deletion's edge,
    as (where, words) that make the same text. "a one-day high-level" with "one-day "
    struck and " two-week" put after "one-day" is "two-week " put before "high-level":
    the two proposals are on different words and both stand. None where it is not so."""
    if not start < at < end:
        return None
    gap = text[at:end]
    if not gap.strip() and new.startswith(gap) and new[len(gap):].strip():
        return end, new[len(gap):] + gap
    gap = text[start:at]
    if not gap.strip() and new.endswith(gap) and new[:-len(gap)].strip():
        return start, gap + new[:-len(gap)]
    return None


def produces(text: str, amendment: Amendment) -> str:
    """The paragraph whose text is ``text`` with ``amendment`` (a change of words, its span
    on ``text``) accepted."""
    span = amendment.span
    assert span is not None, "a change of words has a span"
    return joined(text[:span.start], amendment.new_text, text[span.end:],
                  text[span.start:span.end])


def same_made(text: str, amendment: Amendment) -> str:
    """What tells apart proposals that make different texts: the paragraph `produces`
    makes, without the characters that show nothing (`drafting.characters.visible`, as
    `drafting.store.repeats` compares a proposal with one made before). Two proposals
    that give the same key read the same to a delegate, and are one proposal."""
    return visible(produces(text, amendment))


def narrowest(text: str, amendment: Amendment) -> tuple[int, int, str]:
    """The fewest whole words of ``text`` and the words put in their place that make the
    paragraph as ``amendment`` does: (start, end, new words). "submit a report" ->
    "submit a report annually" is " annually" put after "report"; "report" -> "reports"
    stays the word, and "one-day" -> "two-day" the compound. The amendment's own span and
    words where nothing narrower does."""
    span = amendment.span
    assert span is not None, "a change of words has a span"
    made = produces(text, amendment)
    tail = 0  # the common end first: an insertion keeps the space before it (" annually")
    while tail < min(len(text), len(made)) and text[-1 - tail] == made[-1 - tail]:
        tail += 1
    head = 0
    while head < min(len(text), len(made)) - tail and text[head] == made[head]:
        head += 1
    start, end, new = head, len(text) - tail, made[head:len(made) - tail]
    while start > 0 and _wordy(text, start - 1) and _edge(text[start:end], new, 0):
        start, new = start - 1, text[start - 1] + new
    while end < len(text) and _wordy(text, end) and _edge(text[start:end], new, -1):
        end, new = end + 1, new + text[end]
    if joined(text[:start], new, text[end:], text[start:end]) != made:
        return span.start, span.end, amendment.new_text
    return start, end, new


_HYPHENS = "-\u2010\u2011"
"""What joins the parts of a compound ("one-day"), which is one word here."""


def _wordy(text: str, at: int) -> bool:
    """Whether ``text[at]`` belongs to a word: a word character, or a hyphen between two."""
    return word_character(text[at]) or (
        text[at] in _HYPHENS and 0 < at < len(text) - 1 and word_character(text[at - 1])
        and word_character(text[at + 1]))


def _edge(old: str, new: str, at: int) -> bool:
    """Whether the changed words, taken out or put in, begin (``at`` 0) or end (-1) inside
    a word (a compound's hyphen counts as inside one): the stretch widens to the whole
    word."""
    return any(word_character(words[at]) or words[at] in _HYPHENS
               for words in (old, new) if words)
