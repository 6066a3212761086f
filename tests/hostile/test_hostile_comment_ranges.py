"""Word copies that open thousands of comment ranges at one place, or mark thousands of
comments on one stretch of text.

Each piece of text read carried a fresh copy of the ids of every comment open over it:
a 70 KB copy opening 10,000 ranges one after the other, a letter between each, took
`submit --dry-run` 7.8 s and 470 MB (20,000: four times that). Past 1,000 comments open
at one place the copy is now refused in one line, nothing recorded; and a stretch marked
by thousands of comment references no longer copies its ids once a reference.
"""

from __future__ import annotations

import time
from pathlib import Path

from corpus import (
    DRAFT,
    MAIN,
    SYMBOL,
    document_xml,
    fingerprint,
    package_parts,
    paragraph,
    refused_line,
    run_cli,
    write_package,
)

from drafting.limits import MAX_OPEN_COMMENTS
from drafting.readers import read_docx_submission, read_text

DOCUMENT = read_text(DRAFT).to_document(SYMBOL)


def ranged_copy(path: Path, opened: int = 0, references: int = 0) -> Path:
    """A copy of the corpus draft where EU inserts, right after 'a report' in OP1,
    ``opened`` comment ranges, a letter 'a' after each (none closed), then ' and present
    it'; then ``references`` comment references with no range, after the insertion."""
    mark = 'w:id="1" w:author="Anna Schmidt (EU)"'
    ranges = "".join(f'<w:commentRangeStart w:id="{100 + c}"/><w:r><w:t>a</w:t></w:r>'
                     for c in range(opened))
    marked = "".join(f'<w:r><w:commentReference w:id="{100_000 + c}"/></w:r>'
                     for c in range(references))
    parts = package_parts()
    parts[MAIN] = document_xml(
        paragraph("PP1 Recalling its resolution 70/1 of 25 September 2015,")
        + '<w:p><w:r><w:t xml:space="preserve">OP1 Requests the Secretary-General to '
        f'submit a report</w:t></w:r><w:ins {mark}>{ranges}'
        f'<w:r><w:t xml:space="preserve"> and present it</w:t></w:r></w:ins>{marked}'
        '<w:r><w:t xml:space="preserve"> [within existing resources];</w:t></w:r></w:p>'
        + paragraph("OP2 Decides to include the item in its provisional agenda;"))
    return write_package(path, parts)


def test_a_copy_opening_more_comments_than_allowed_is_refused_in_one_line(
        tmp_path, negotiation, capsys):
    path = ranged_copy(tmp_path / "ranges.docx", opened=10_000)
    before = fingerprint(negotiation)
    started = time.perf_counter()
    line = refused_line(run_cli(capsys, "submit", SYMBOL, str(path), "--delegation", "EU",
                                "--yes", "--db", negotiation))
    assert time.perf_counter() - started < 5.0
    assert line == (f"drafting: {path}: 1,001 comments are open at one place of its text, "
                    "more than the 1,000 a Word file may have (see \"Input limits\" in the "
                    "README); the file is refused: delete comments (Review > Delete) and "
                    "save it again")
    assert fingerprint(negotiation) == before


def test_a_copy_opening_as_many_comments_as_allowed_is_read(tmp_path):
    path = ranged_copy(tmp_path / "ranges.docx", opened=MAX_OPEN_COMMENTS)
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    (amendment,) = read.amendments
    # the letters join the word before them: read as 'report' replaced
    assert (amendment.old_text, amendment.new_text) == (
        "report", "report" + "a" * MAX_OPEN_COMMENTS + " and present it")


def test_a_stretch_marked_by_a_hundred_thousand_references_is_read_at_once(tmp_path):
    path = ranged_copy(tmp_path / "references.docx", references=100_000)
    started = time.perf_counter()
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert time.perf_counter() - started < 10.0  # about 1.5 s here; 125 s before
    (amendment,) = read.amendments
    assert (amendment.old_text, amendment.new_text) == ("report", " and present it")
