"""The input limits: how much one file may hold before drafting refuses it.

Every limit is here, named once, and listed in the README ("Input limits"). Each is far
above any real negotiation text and low enough that reading a file never takes more
than seconds and memory of the order of the file's size. Past a limit the reader
refuses the file (`LimitError`, or a `SubmissionError` finding for JSON) before the
expensive work starts - before any diff, any matching, any amendment is drafted - naming
the file, the paragraph and the limit, and nothing is recorded.

The limits on a ``.docx`` package as a zip (file size, parts, unpacked bytes, ratio)
are `drafting.ooxml.package.SafeLimits`, whose defaults are taken from here. Two limits
live with what they bound: the store keeps a Word draft of at most
`drafting.store.sources.MAX_SOURCE_BYTES` (50 MB), and a paragraph compared word by word
may hold at most 131,072 different words with its new version
(`drafting.engine.anchoring.word_diff`).
"""

from __future__ import annotations

from drafting.brackets import nesting
from drafting.errors import LimitError

_MB = 1024 * 1024

MAX_PARAGRAPH_CHARS = 100_000
"""Characters in one paragraph (a footnote counts as one; in a Word copy, its text before
and its text after the tracked changes each), and in any one text of an amendment (new
words, a new paragraph, an alternative, a reason). Negotiation paragraphs are rarely
beyond a few thousand characters; 100,000 is some thirty pages."""

MAX_BRACKET_DEPTH = 32
"""How deep square brackets may nest in one paragraph, and in any one text of an
amendment: ``[a [b]]`` nests 2 deep (`drafting.brackets.nesting`). Real negotiation
texts nest 2 to 4 deep (a bracket within an alternative of a bracket); 32 leaves room
for many more. The bound matters because every bracket group is a choice shown with its
text, nested brackets included: the report of a paragraph nested n deep shows its
innermost words n times, so n is kept small."""

MAX_PARAGRAPHS = 10_000
"""Paragraphs in one document: a draft imported, or a delegation's Word copy (every
Word paragraph counts, empty ones and those in tables included)."""

MAX_AMENDMENTS_PER_FILE = 2_000
"""Amendments in one submission file (JSON, or a Word file's changes)."""

MAX_SUPPORTERS = 500
"""Delegations an amendment of a JSON submission names as its supporters (``maxItems``
in the schema): the 193 member states, the observers and every group, twice over."""

MAX_JSON_VALUES = 1_000_000
"""Values in one JSON submission (texts, numbers, lists, objects and field names, counted
from the lengths of its lists and objects before anything else is checked): the 2,000
amendments a file may hold, of eight fields and thirty supporters each, come to 94,000;
each supported by all 193 member states, to 420,000.
The file's 50 MB alone did not bound the work: the schema checks a value at a time (some
45 microseconds each), and a file of 5 million supporters took 297 s to be refused, one
of 20 million numbers in an unknown field 103 s and 3.8 GB. Supporters the schema need not
see (`drafting.readers.submission_shape.thinned`) are not shown to it."""

MAX_NAME_CHARS = 200
"""The most characters of who acts (``--actor``), a delegation a write names or a
delegation's full name (``--name``; the longest official names have some 60): a name,
checked before anything is recorded, a refusal included (a refusal is recorded, so a
longer one would let anyone grow the log at will)."""
MAX_TRACKED_PROPOSALS = 200_000
"""Tracked changes by delegation codes ("EU", "EU, G77") in one Word file: a copy of the
merged draft carries every pending proposal so, and they are set aside as proposed
already; the sender's own changes are held to `MAX_AMENDMENTS_PER_FILE`."""

MAX_TEXT_FILE_BYTES = 50 * _MB
"""A text, Markdown or JSON file."""

MAX_MAP_BYTES = _MB
"""A map of an inbox's files (``submit --map``, a line per file): thousands of lines."""

MAX_DOCX_BYTES = 200 * _MB
"""A ``.docx`` file as stored on disk, and all its parts together once unpacked."""

MAX_XML_PART_BYTES = 50 * _MB
"""One XML part of a ``.docx`` (``word/document.xml``, footnotes, comments ...) once
unpacked: it is parsed whole into memory. A document of thousands of pages takes a
fraction of this."""

MAX_XML_TAGS = 4_000_000
"""Tags (every ``<``: start, end and empty-element tags) in the XML parts of a ``.docx``,
all together, counted as they are unpacked, before any is parsed. The byte limits alone
did not bound memory: lxml spends some 130 bytes on an element, so a part of tiny empty
elements (``<w:r/>``, 6 bytes) took 30 times its size (a 48 MB main part, 1.65 GB).
Word writes 25 to 55 bytes a tag: a draft of 600 paragraphs has some 40,000 tags, a
merged copy tracking 3,860 proposals 134,000 (about 25 a proposal, so some 2.5 million
for the 100,000 proposals of the largest negotiation measured), and a main part written
so up to the 50 MB limit some 2 million. Four million tags parse in at most some
600 MB."""

MAX_DOCX_PARTS = 2_000
"""Entries in a ``.docx`` zip package."""

MAX_SECONDARY_XML_BYTES = 5 * _MB
"""The XML parts of a ``.docx`` parsed whole besides the document's own (its main part,
style sheet, numbering, settings, comments and properties: the largest part of each of
these kinds), together, once unpacked: headers, footers, and any further part of those
kinds (a glossary's style sheet ...). A header or footer is a few KB, so a thousand of
them fit; without this bound, parts each within the other limits (19 headers of 9.9 MB
of empty paragraphs) took 4 GB to parse, some 20 times their size."""

MAX_LIST_NUMBER = 32_767
"""The value a Word list may start (or restart) at (``w:start``, ``w:startOverride``),
either side of zero: far above any real list, and where the standard bounds a list's
start it bounds it at this (``ST_TextBulletStartAtNum``). Past it, a number in letters
took thousands of characters each time it was written (megabytes a paragraph). A start
below 0 is refused as well (`drafting.ooxml.numbering`)."""

MAX_LIST_NUMBER_TEXT = 100
"""Characters of the text a list level writes its number with (``w:lvlText``: ``%1.``,
``(%2)``, ``Article %1.%2``). Word allows 31 once the numbers are in."""

MAX_OPEN_COMMENTS = 1_000
"""Comment ranges (``w:commentRangeStart``) open at one place of a Word copy's text, and
comments marked on one stretch of it. Word anchors each reply on its thread's range, so
a thread of ten replies opens eleven; a merged copy opens one a proposal commented on the
same words. Each piece of text carries the ids of the comments over it, so a 70 KB file
opening 10,000 ranges one after the other, a letter between each, took 7.8 s and 470 MB
(and 20,000 four times that): `drafting.ooxml.comment_ranges`."""

MAX_COMMENT_MARKS = 2_000_000
"""Comments over the pieces of a Word copy's text, counted once a piece: a piece within
three comments counts three. A merged copy of 3,860 proposals, each with its comment,
has some 10,000."""

DIFF_SECONDS = 1.0
"""The most one word-by-word comparison of two texts may take (diff-match-patch's
``Diff_Timeout``). Texts within the limits above are compared in milliseconds; past
this time the comparison stops with a coarser but correct answer (the rest of the two
texts as one replacement), so it can never run unbounded."""


_SEE = "(see \"Input limits\" in the README)"


def too_long(where: str, length: int, what: str = "the paragraph",
             fix: str = "split it into shorter paragraphs") -> LimitError:
    """The refusal of a text of ``length`` characters at ``where`` (file, paragraph);
    ``fix`` says what to do."""
    return LimitError(f"{where}: {what} has {length:,} characters, more than the "
                      f"{MAX_PARAGRAPH_CHARS:,} a paragraph may have {_SEE}; the file is "
                      f"refused: {fix}")


def bracket_depth(text: str) -> int:
    """How deep the brackets of ``text`` nest (`drafting.brackets.nesting`) where that may
    pass `MAX_BRACKET_DEPTH`, else 0: they nest no deeper than ``text`` has "[" (counted
    first, as every paragraph of every copy is checked)."""
    return nesting(text) if text.count("[") > MAX_BRACKET_DEPTH else 0


def nested_too_deep(what: str, depth: int) -> str:
    """The sentence that refuses ``what`` (a text) for brackets nested ``depth`` deep."""
    return (f"{what} nests square brackets {depth:,} deep, more than the "
            f"{MAX_BRACKET_DEPTH} levels a paragraph may have {_SEE}")


def too_deep(where: str, depth: int, what: str = "the paragraph") -> LimitError:
    """The refusal of a text at ``where`` (file, paragraph) whose brackets nest ``depth``
    deep (`drafting.brackets.nesting`)."""
    return LimitError(f"{where}: {nested_too_deep(what, depth)}; the file is refused: "
                      "take out the brackets that stand inside others")


def too_many_paragraphs(where: str, count: int) -> LimitError:
    """The refusal of a document of ``count`` paragraphs."""
    return LimitError(f"{where}: the document has {count:,} paragraphs, more than the "
                      f"{MAX_PARAGRAPHS:,} a document may have {_SEE}; the file is refused: "
                      "split it into several documents")


def too_many_tags(where: str, part: str, limit: int = MAX_XML_TAGS) -> LimitError:
    """The refusal of a ``.docx`` whose XML parts pass ``limit`` tags together, ``part``
    the one being unpacked when they did (it is not read further)."""
    return LimitError(f"{where}: part {part} brings the XML parts of the file past the "
                      f"{limit:,} tags (each '<') a Word document may hold {_SEE}; the file "
                      "is refused: split the document into several files and save each "
                      "again in Word")


def too_many_amendments(where: str) -> LimitError:
    """The refusal of a file of more than `MAX_AMENDMENTS_PER_FILE` amendments (reading
    stops at the first one past the limit, so the whole count is not known)."""
    return LimitError(f"{where}: the file holds more than the {MAX_AMENDMENTS_PER_FILE:,} "
                      f"amendments one file may hold {_SEE}; the file is refused: split it "
                      "into several files")


def too_many_comments(count: int, limit: int, what: str) -> LimitError:
    """The refusal of a Word copy where ``count`` comments are ``what`` ("open at one
    place of its text", ...), past ``limit`` (`MAX_OPEN_COMMENTS`, `MAX_COMMENT_MARKS`)."""
    return LimitError(f"{count:,} comments are {what}, more than the {limit:,} a Word file "
                      f"may have {_SEE}; the file is refused: delete comments (Review > "
                      "Delete) and save it again")
