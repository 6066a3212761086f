"""Options laid out as blocks of paragraphs in a revision. A treaty's chair's text may
lay the options of an article out as blocks ("Option 1" on a line of its own, then its
paragraphs "1.", "2."; "Option 2", then its "1."), which the import reads as sections of
the article: ``5 OPTION 1.1``, ``5 OPTION 2.1`` (`drafting.readers.structure_options`).
Once a revision leaves fewer than two of an article's options standing (the others'
paragraphs or headings deleted: an option chosen), what is left is the article's own
text again, numbered in the article (``5.1``), as the import reads such a text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from drafting.errors import LabelError
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import Label, parse_label
from drafting.model.sections import option_named

OPTION_SECTION = lazy_compile(r"(?:(?P<base>.+) )?OPTION (?P<name>\S+)")
"""An option section's key (``5 OPTION 2``): the article's key and the option's name."""


def fold_options(paragraphs: Sequence[Paragraph], numbers: Mapping[str, str],
                 before: Sequence[str] = ()) -> dict[str, str]:
    """``numbers`` (old label -> new, `drafting.model.labels.renumber`'s, for
    ``paragraphs`` in their order) with the paragraphs of every option section of an
    article in which fewer than two option sections stand numbered in the article's
    section, after its own paragraphs. An option section stands where a heading right
    before its first paragraph (the option's title may follow it) names it ("Option
    2"). Where two or more stand, the article's own paragraphs after them number on
    from the highest number they reached (`_after_options`); where the options went on
    from the article's own paragraphs before them in ``before`` (the labels of the text
    revised, in order: "1.", then Option 1's "2.", Option 2's "2."), they still do
    (`_options_on`: a new "1 bis" makes them "3.", never a second "2.")."""
    standing: dict[str, set[str]] = {}
    options: dict[str, set[str]] = {}
    headings: list[str] = []  # the options the headings right before name ("Option 2")
    for paragraph in paragraphs:
        if paragraph.kind is ParagraphKind.HEADING:
            headings.append(option_named(paragraph.text) or "")
            continue
        label = parse_label(numbers[paragraph.label])
        if (option := OPTION_SECTION.fullmatch(label.section)) is not None:
            base = option["base"] or ""
            options.setdefault(base, set()).add(label.section)
            if option["name"] in headings:
                standing.setdefault(base, set()).add(label.section)
        headings = []
    folded = {section: base for base, sections in options.items()
              if len(standing.get(base, ())) < 2 for section in sections}
    numbered = _numbered_in_article(paragraphs, numbers, folded) if folded else numbers
    return _after_options(paragraphs, _options_on(paragraphs, numbered, before))


def _options_on(paragraphs: Sequence[Paragraph], numbers: Mapping[str, str],
                before: Sequence[str]) -> dict[str, str]:
    """``numbers`` with the paragraphs of each article's option sections numbered from
    the number after the article's own paragraphs before them, where they were so
    numbered in ``before`` (labels, in order)."""
    going_on = {key for key, (own, first) in _starts(before).items() if first == own + 1}
    out = dict(numbers)
    own: dict[tuple[str, str], int] = {}  # the article's own last number before its options
    begun: set[tuple[str, str]] = set()  # the articles whose options began
    counts: dict[tuple[str, str], int] = {}  # by the option section
    for paragraph in paragraphs:
        label = parse_label(numbers[paragraph.label])
        if label.kind is not ParagraphKind.OPERATIVE:
            continue
        if (option := OPTION_SECTION.fullmatch(label.section)) is None:
            if (label.prefix, label.section) not in begun:
                own[label.prefix, label.section] = label.number
            continue
        key = (label.prefix, option["base"] or "")
        if key not in going_on:
            continue
        begun.add(key)
        section = (label.prefix, label.section)
        count = counts[section] = counts.get(section, own.get(key, 0)) + 1
        out[paragraph.label] = str(Label(label.prefix, count, 0, label.section))
    return out


def _starts(labels: Sequence[str]) -> dict[tuple[str, str], tuple[int, int]]:
    """For each article whose option sections ``labels`` (in order) number: the
    article's own last number before its first option paragraph (0 for none) and that
    paragraph's number."""
    own: dict[tuple[str, str], int] = {}
    starts: dict[tuple[str, str], tuple[int, int]] = {}
    for text in labels:
        try:
            label = parse_label(text)
        except LabelError:
            continue
        if label.kind is not ParagraphKind.OPERATIVE:
            continue
        option = OPTION_SECTION.fullmatch(label.section)
        if option is None:
            if (label.prefix, label.section) not in starts:
                own[label.prefix, label.section] = label.number
            continue
        key = (label.prefix, option["base"] or "")
        starts.setdefault(key, (own.get(key, 0), label.number))
    return starts


def _after_options(paragraphs: Sequence[Paragraph],
                   numbers: Mapping[str, str]) -> dict[str, str]:
    """``numbers`` with an article's own paragraphs after its option sections numbered
    on from the highest number those reached, as the import reads them (Option 1's
    "2.", "3.", Option 2's "2.", then the article's "4.": 5.4, never 5.2)."""
    out = dict(numbers)
    reached: dict[tuple[str, str], int] = {}  # by the article's prefix and key
    counts: dict[tuple[str, str], int] = {}
    for paragraph in paragraphs:
        label = parse_label(numbers[paragraph.label])
        if label.kind is not ParagraphKind.OPERATIVE:
            continue
        if (option := OPTION_SECTION.fullmatch(label.section)) is not None:
            key = (label.prefix, option["base"] or "")
            reached[key] = max(reached.get(key, 0), label.number)
            continue
        key = (label.prefix, label.section)
        count = counts[key] = max(counts.get(key, label.number - 1) + 1,
                                  reached.get(key, 0) + 1)
        if count != label.number:
            out[paragraph.label] = str(Label(label.prefix, count, 0, label.section))
    return out


def _numbered_in_article(paragraphs: Sequence[Paragraph], numbers: Mapping[str, str],
                         folded: Mapping[str, str]) -> dict[str, str]:
    """``numbers`` with the paragraphs of the ``folded`` sections (option section ->
    its article's) and their articles' own numbered on through each article, in
    order, from the article's first number (1 where its options come first, or it has
    none of its own: its own "3." after the blocks is numbered on after them)."""
    out = dict(numbers)
    bases = set(folded.values())
    counts: dict[tuple[str, str], int] = {}
    for paragraph in paragraphs:
        label = parse_label(numbers[paragraph.label])
        base = folded.get(label.section, label.section if label.section in bases else None)
        if base is not None and label.kind is ParagraphKind.OPERATIVE and \
                (label.prefix, base) not in counts:
            counts[label.prefix, base] = label.number - 1 if label.section == base else 0
    for paragraph in paragraphs:
        label = parse_label(numbers[paragraph.label])
        base = folded.get(label.section, label.section if label.section in bases else None)
        if base is None or label.kind is not ParagraphKind.OPERATIVE:
            continue
        count = counts[label.prefix, base] = counts.get((label.prefix, base), 0) + 1
        out[paragraph.label] = str(Label(label.prefix, count, 0, base))
    return out
