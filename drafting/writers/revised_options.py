"""The option a revision keeps of a paragraph's options, in the secretariat's document.

A paragraph typed as options in Word paragraphs of their own ("2. Alt 1: ...", "2. Alt
2: ...") is ``[first][second]`` to the engine. ``revise --choose`` keeps one option
(`chosen_option`): its words stay where they stand in their own Word paragraph and
form, after the paragraph's number, and the other options go (`option_words`,
`keep_only`). Where an accepted amendment had changed that option's words (or an
accepted alternative replaced the whole paragraph), the new text is none of the options
as they stood, yet it is still one text in their place: the revision keeps the Word
paragraph words of the option nearest it, changed word by word into it, and removes the
others (`revised_option`; `drafting.writers.docx_revision` writes them).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from drafting.model import Paragraph
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.weave import Edit
from drafting.readers.source_places import SourcePlace
from drafting.writers.options import options

_NOBODY = Stamp("", None)
"""The stamp of an untracked edit."""


def revised_option(was: Paragraph, now: Paragraph, place: SourcePlace,
                   ) -> tuple[int, int] | None:
    """The span in ``was.text`` of the option whose words ``now`` is nearest (difflib's
    ratio; the first of equals), where ``was``'s options stand in Word paragraphs of
    their own and ``now`` is no block of options. None for any other change (options
    still offered, a paragraph not typed as options)."""
    if not place.alternatives or len(place.paragraphs) < 2 or now.text == was.text or \
            options(now.text) is not None:
        return None
    spans = [(start, end) for start, end, _ in place.alternatives]
    likeness = [SequenceMatcher(None, was.text[start:end].strip(), now.text.strip(),
                                autojunk=False).ratio() for start, end in spans]
    return spans[max(range(len(spans)), key=likeness.__getitem__)]


def chosen_option(was: Paragraph, now: Paragraph, place: SourcePlace) -> bool:
    """Whether ``now`` is one of the options ``was`` offered, kept as it stood (`revise
    --choose`), and the options stand in Word paragraphs of their own."""
    return bool(place.alternatives) and len(place.paragraphs) > 1 and now.text != was.text \
        and now.text.strip() in {was.text[start:end].strip()
                                 for start, end, _ in place.alternatives}


def option_words(was: Paragraph, now: Paragraph, place: SourcePlace,
                  revised: tuple[int, int] | None = None) -> tuple[int, int, int] | None:
    """The chosen option's words where they stand in the source: the Word paragraph
    that holds them and their span in its text; None when they cannot be placed
    character by character (the options' first paragraph then takes the words). The
    option is the one whose words ``now`` keeps, or, ``revised``, the one at that span
    of ``was.text`` (`revised_option`)."""
    for start, end, _ in place.alternatives:
        words = was.text[start:end]
        if (start, end) != revised if revised else words.strip() != now.text.strip():
            continue
        start += len(words) - len(words.lstrip())
        end -= len(words) - len(words.rstrip())
        spots = place.places[start:end]
        if not spots or any(spot is None for spot in spots) or \
                len({spot[0] for spot in spots}) > 1:
            return None
        return spots[0][0], spots[0][1], spots[-1][1] + 1
    return None


def keep_only(place: SourcePlace, index: int, start: int, end: int, typed: int,
               ) -> dict[int, list[Edit]]:
    """The edits that leave the options' first Word paragraph its typed number (before
    ``typed``) and Word paragraph ``index`` only its words ``start:end``: the rest of
    both goes (the chosen option's runs then join the number)."""
    def cut(at: int, stop: int) -> list[Edit]:
        return [Edit(at, stop, _NOBODY, tracked=False)] if stop > at else []

    length = len(place.paragraphs[index].text)
    if index == 0:
        return {0: cut(typed, start) + cut(end, length)}
    return {0: cut(typed, len(place.paragraphs[0].text)),
            index: cut(0, start) + cut(end, length)}
