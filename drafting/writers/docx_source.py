"""The merged document written into the secretariat's own Word file.

The source (the ``.docx`` the revision was imported from) is opened and every proposal
woven into its paragraphs' own runs as Word tracked changes, by the same rules as the
merged document built from our template (`drafting.writers.docx_merged`: the same
segments, the same brackets of alternatives, the same authors, dates and comments):

- a change inside a paragraph: the runs split where it begins and ends, the deleted
  words in a ``w:del``, the inserted ones in a ``w:ins`` formatted as the words before
  them (`drafting.ooxml.weave`); changes inside footnotes are tracked in the footnotes;
- a paragraph proposed for deletion: all its runs deleted (its typed number and tab
  too) and its mark deleted; where its mark ends a section, the mark before it is
  deleted instead (the words before take the break, in their own form), so that the
  break is never lost;
- a new paragraph or an alternative formulation: a paragraph after its place with the
  paragraph properties of the one before (numbering, style, indents; after a heading,
  of a paragraph of its own kind), its label typed as the source types labels
  (``5 bis.<tab>``, or none where Word numbers paragraphs: an alternative then says
  what it is in a comment), and its mark inserted; after the last paragraph of a
  section (or of the body), as Word does on Enter, the mark before is inserted and the
  new paragraph carries on the old mark and its section break;
- where the document lays its paragraphs apart with one empty paragraph, that
  paragraph's mark is deleted or inserted with the paragraph, by the same delegation
  (`drafting.writers.spacers`): Accept All gives Rev.1's layout;
- retains and reasons: comments, as in the template's merged document.

Nothing else changes: every part of the package that holds no change is copied byte for
byte, and so is every paragraph no proposal touches. Rejecting every change gives the
source's text. An option block's alternatives are changed in their own Word paragraphs.
What the source cannot show (words for an empty alternative, "Option 2: No text"; any
proposal on a paragraph whose characters cannot all be found in the source) is named
in a comment on the paragraph, by its delegation, and returned for a warning.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import docx

from drafting.atomic import write_atomically
from drafting.engine.segments import Compilation
from drafting.model import Revision
from drafting.ooxml.comments import drop_comments
from drafting.ooxml.revisions import Stamp
from drafting.readers.source_places import source_places
from drafting.writers.list_changes import restart_accepted, source_steps
from drafting.writers.merged_mark import stamp
from drafting.writers.source_writer import SourceMismatch, SourceWriter
from drafting.writers.symbol_places import revise_symbol
from drafting.writers.word_package import parts_of, repackaged, source_package

if TYPE_CHECKING:
    from drafting.writers.docx_un import UnLayout

__all__ = ["NOT_WOVEN", "SourceMismatch", "source_holds", "write_merged_into_source"]


NOT_WOVEN = (SourceMismatch, LookupError, ValueError, TypeError, AttributeError)
"""What makes a writer fall back to our own template rather than fail: the source does
not hold the text, or its XML is laid out in a way the weaving does not know. A
proposal is never lost for a layout: the template writes every one."""


def source_holds(source: bytes, revision: Revision) -> bool:
    """Whether ``source`` reads as ``revision`` (same paragraphs and texts), so that
    changes to the revision can be written into it."""
    result, _ = source_places(docx.Document(io.BytesIO(source)))
    return [(p.label, p.text) for p in result.paragraphs] == [
        (p.label, p.text) for p in revision.paragraphs]


def write_merged_into_source(source: bytes | UnLayout, compilation: Compilation,
                             path: str | os.PathLike[str], *,
                             dates: Mapping[str, datetime] | None = None,
                             revised: tuple[str, str] | None = None,
                             author: Stamp | None = None, marked: bool = False) -> list[str]:
    """Write ``compilation`` into a copy of the Word file ``source`` at ``path``, every
    proposal a tracked change (see the module docstring); or into our UN layout of its
    revision, as built (the same file as writing into that layout saved and opened
    again). ``revised`` (the symbol and a later revision's label: the changes between
    two revisions) shows the symbol's revision changed too, where the front matter, the
    page headers and footers show it (`revise_symbol`); ``author`` (by default, with
    ``revised``, its label) stamps the changes no delegation proposed; ``marked``, the file
    says it is the merged draft of the compilation's revision (`merged_mark`). The source's
    own comments are left out, as a revision leaves them (`drop_comments`): the file is
    sent to every delegation. Returns the
    proposals not shown as tracked changes, in words; SourceMismatch where the source
    holds another text."""
    if isinstance(source, bytes):
        document = docx.Document(io.BytesIO(source))
    else:
        document = source.word()
        body = document.part.partname.membername  # changed_parts names it: not read as built
        built = {name: read if name == body else read()  # as saved
                 for name, read in parts_of(document).items()}
    # the merged draft and the changes between two revisions are sent to every
    # delegation: with none of the secretariat's own comments on its draft
    dropped = drop_comments(document)
    result, places = source_places(document)
    author = author or (Stamp(revised[1]) if revised else None)  # never unsigned
    writer = SourceWriter(document, dates or {}, places, author)
    writer.check(result.paragraphs, compilation)
    steps = source_steps(document, result.paragraphs, places)
    writer.write(compilation)
    numbering = restart_accepted(document, steps, writer.marks)  # no number twice
    headers = set() if revised is None or author is None else revise_symbol(
        document, places, *revised, writer.marks, author, tracked=True)
    writer.finish()
    changed = writer.changed_parts() | headers | numbering | dropped
    new = parts_of(document)
    mark = stamp(compilation.symbol, compilation.revision) if marked else None
    if isinstance(source, bytes):
        write_atomically(path, source_package(source, new, changed, mark))
    else:
        write_atomically(path, repackaged(
            [(name, name, blob if callable(blob) else lambda blob=blob: blob)
             for name, blob in built.items()], new, changed, mark))
    return writer.unshown
