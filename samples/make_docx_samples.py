"""Write the sample Word files: the zero draft, and three delegations' submissions.

``python samples/make_docx_samples.py [OUTDIR]`` (default ``samples/docx/``) writes:

- ``zero-draft.docx``: the sample zero draft laid out as the UN lays out an "L."
  document (`drafting.writers.docx_un`);
- ``eu-tracked.docx``: the EU's proposals as Word tracked changes typed by two
  people of the EU delegation, with their reasons as comments;
- ``usa-tracked.docx``: the USA's proposals as tracked changes, reasons as comments;
- ``jpn-edited.docx``: Japan's proposals typed into a clean copy, no tracked changes.

The delegations' files are the zero draft's own document, changed as a delegation would
change it in Word. They are made from ``submissions/*.json`` with the library's own
writers, so they can be regenerated whenever the writers change.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn

from drafting.engine.amend import apply
from drafting.engine.merge import merge
from drafting.model import SPAN_KINDS, Amendment, Document, Revision
from drafting.readers import load_submission, read_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source
from drafting.writers.docx_un import un_document

HERE = Path(__file__).parent
SYMBOL = "A/C.2/81/L.7"
SECRETARIAT = "Secretariat of the Second Committee"
EU_TYPISTS = ("Anna Schmidt (EU)", "Marc Dubois (EU)")
"""The EU's tracked changes are typed by two people, alternately."""


def zero_draft() -> Document:
    """The sample zero draft as a Document."""
    return read_draft(HERE / "zero-draft.md").to_document(SYMBOL)


def amendments_of(document: Document, code: str) -> list[Amendment]:
    """One delegation's sample amendments (from its JSON submission)."""
    _, found = load_submission(HERE / "submissions" / f"{code.lower()}.json", document)
    return found


def edited_copy(document: Document, amendments: list[Amendment]) -> Document:
    """The zero draft with every span amendment typed in, as a delegation's edited copy."""
    current = document.current
    texts = {p.id: p.text for p in current}
    for amendment in sorted(amendments, key=lambda a: a.span.start if a.span else 0,
                            reverse=True):
        if amendment.kind in SPAN_KINDS:
            texts[amendment.paragraph_id] = apply(texts[amendment.paragraph_id], amendment)
    edited = tuple(replace(p, text=texts[p.id]) for p in current)
    return replace(document, revisions=(Revision(current.label, edited),))


def retype(path: Path, typists: tuple[str, ...]) -> None:
    """Give the tracked changes in ``path`` to ``typists``, a paragraph each in turn,
    as if several people of one delegation had edited the file."""
    word = docx.Document(str(path))
    changed = [p for p in word.element.body.iter(qn("w:p"))
               if next(p.iter(qn("w:ins"), qn("w:del")), None) is not None]
    for number, paragraph in enumerate(changed):
        for change in paragraph.iter(qn("w:ins"), qn("w:del")):
            change.set(qn("w:author"), typists[number % len(typists)])
    word.save(str(path))


def main(argv: list[str]) -> None:
    folder = Path(argv[0]) if argv else HERE / "docx"
    folder.mkdir(parents=True, exist_ok=True)
    document = zero_draft()
    source = un_document(document, author=SECRETARIAT)
    (folder / "zero-draft.docx").write_bytes(source)
    for code in ("EU", "USA"):  # each sends the secretariat's file back with Track Changes
        mine = amendments_of(document, code)
        path = folder / f"{code.lower()}-tracked.docx"
        write_merged_into_source(source, merge(document, mine), path)
        if code == "EU":
            retype(path, EU_TYPISTS)
    jpn = edited_copy(document, amendments_of(document, "JPN"))  # typed in, untracked
    (folder / "jpn-edited.docx").write_bytes(
        revise_source(source, document.current, jpn.current, symbol=SYMBOL))
    for name in sorted(p.name for p in folder.glob("*.docx")):
        print(f"wrote {folder / name}")


if __name__ == "__main__":
    main(sys.argv[1:])
