"""One text that takes the place of a paragraph's options at a revision.

A paragraph typed as options in Word paragraphs of their own ("2. Alt 1: ...", "2. Alt
2: ...") is ``[first][second]`` to the engine. ``revise --choose`` keeps one option;
where an accepted amendment had changed that option's words (or an accepted
alternative replaced the whole paragraph), the new text is none of the options as they
stood, yet it is still one text in their place: the revision keeps the Word paragraph
words of the option nearest it, changed word by word into it, and removes the others
(`drafting.writers.docx_revision`).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from drafting.model import Paragraph
from drafting.readers.source_places import SourcePlace
from drafting.writers.options import options


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
