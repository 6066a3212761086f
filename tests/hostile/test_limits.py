"""The input limits (drafting.limits, README "Input limits"): one file can never exhaust
memory or time. Past a limit the file is refused - naming the file, the paragraph and
the limit - before the expensive work, and the store is unchanged; at the limit it is read.

Issue 15, break 5: an edited copy whose paragraph was one 9 MB run took `submit` past
8 GB and 120 s.
"""

from __future__ import annotations

import json

import docx
import pytest
from corpus import (
    DRAFT,
    MAIN,
    SYMBOL,
    document_xml,
    draft_body,
    fingerprint,
    package_parts,
    paragraph,
    refused_line,
    run_cli,
    word_file,
    write_package,
)

from drafting.engine import Proposal, draft_amendment
from drafting.errors import AmendmentError, LimitError
from drafting.limits import (
    MAX_AMENDMENTS_PER_FILE,
    MAX_PARAGRAPH_CHARS,
    MAX_PARAGRAPHS,
    MAX_XML_PART_BYTES,
)
from drafting.ooxml.package import SAFE_LIMITS, SafeLimits, open_docx
from drafting.readers import (
    SubmissionError,
    load_submission,
    read_docx_submission,
    read_draft,
    read_text,
)

TEXTS = [line for line in DRAFT.splitlines() if line[:3] in ("PP1", "OP1", "OP2")]
PP1, OP1, OP2 = TEXTS
DOCUMENT = read_text(DRAFT).to_document(SYMBOL)
LIMIT = f"more than the {MAX_PARAGRAPH_CHARS:,} a paragraph may have"


def filler(size: int) -> str:
    """``size`` characters of words."""
    words = " ".join(f"measure{n % 4000}" for n in range(size // 8 + 1))
    return words[:size - 1] + "s"


def op1_of_length(size: int) -> str:
    """OP1 as written in the copy ("OP1 ..." label included), ``size`` characters long,
    with words inserted before its final semicolon."""
    head = OP1[:-1] + " "
    return head + filler(size - len(head) - 1) + ";"


def copy(tmp_path, *texts: str, name: str = "eu.docx"):
    return word_file(tmp_path / name, draft_body(*texts))


def submit_refused(capsys, negotiation, path, *options: str) -> str:
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "submit", SYMBOL, str(path), *options, "--yes",
                                "--db", negotiation))
    assert fingerprint(negotiation) == before
    return line


# A paragraph too long, in a delegation's Word copy


def test_a_copy_with_a_paragraph_at_the_limit_is_read(tmp_path):
    text = op1_of_length(MAX_PARAGRAPH_CHARS)
    read = read_docx_submission(copy(tmp_path, PP1, text, OP2), DOCUMENT, delegation="EU")
    [amendment] = read.amendments
    assert len(text) == MAX_PARAGRAPH_CHARS
    assert amendment.new_text == " " + text[len(OP1):-1]


def test_a_copy_with_a_paragraph_past_the_limit_is_refused_and_nothing_recorded(
        tmp_path, negotiation, capsys):
    path = copy(tmp_path, PP1, op1_of_length(MAX_PARAGRAPH_CHARS + 1), OP2)
    line = submit_refused(capsys, negotiation, path, "--delegation", "EU")
    assert line == (f"drafting: {path}, paragraph 2 (OP1): the paragraph has 100,001 "
                    f"characters, {LIMIT} (see \"Input limits\" in the README); the file is "
                    "refused: split it into shorter paragraphs")


def test_a_tracked_insertion_past_the_limit_is_refused(tmp_path):
    inserted = filler(MAX_PARAGRAPH_CHARS)
    body = (paragraph(PP1) + '<w:p><w:r><w:t xml:space="preserve">' + OP1[:-1] + "</w:t></w:r>"
            '<w:ins w:id="1" w:author="Anna" w:date="2026-11-02T10:00:00Z"><w:r>'
            f'<w:t xml:space="preserve"> {inserted}</w:t></w:r></w:ins>'
            "<w:r><w:t>;</w:t></w:r></w:p>" + paragraph(OP2))
    path = word_file(tmp_path / "tracked.docx", body)
    with pytest.raises(LimitError) as refused:
        read_docx_submission(path, DOCUMENT, delegation="EU")
    length = len(OP1) + 1 + len(inserted)
    assert refused.value.message.startswith(
        f"{path}, paragraph 2 (OP1): the paragraph has {length:,} characters, {LIMIT}")


def test_a_huge_run_is_refused_by_its_length(tmp_path, negotiation, capsys):
    """The issue's own case, at a size a test can afford: one run of 5 MB."""
    path = copy(tmp_path, PP1, op1_of_length(5_000_000), OP2)
    line = submit_refused(capsys, negotiation, path, "--delegation", "EU")
    assert f"{path}, paragraph 2 (OP1): the paragraph has 5,000,000 characters" in line


def test_a_comment_past_the_limit_is_refused(tmp_path):
    word = docx.Document()
    for text in TEXTS:
        word.add_paragraph(text)
    word.add_comment(word.paragraphs[1].runs, text=filler(MAX_PARAGRAPH_CHARS + 1),
                     author="Anna")
    word.save(str(path := tmp_path / "eu.docx"))
    with pytest.raises(LimitError) as refused:
        read_docx_submission(path, DOCUMENT, delegation="EU")
    assert refused.value.message.startswith(
        f"{path}: the comment by Anna has 100,001 characters, {LIMIT}")


# Too many paragraphs, too many amendments


def test_a_copy_of_more_paragraphs_than_a_document_may_have_is_refused(
        tmp_path, negotiation, capsys):
    empty = MAX_PARAGRAPHS + 1 - len(TEXTS)
    path = word_file(tmp_path / "long.docx", draft_body(*TEXTS) + "<w:p/>" * empty)
    line = submit_refused(capsys, negotiation, path, "--delegation", "EU")
    assert line == (f"drafting: {path}: the document has 10,001 paragraphs, more than the "
                    "10,000 a document may have (see \"Input limits\" in the README); the "
                    "file is refused: split it into several documents")


def new_paragraphs(count: int) -> list[str]:
    return [f"Invites State number {n} to report on its fisheries;" for n in range(count)]


def test_a_word_file_of_as_many_amendments_as_allowed_is_read(tmp_path):
    path = copy(tmp_path, *TEXTS, *new_paragraphs(MAX_AMENDMENTS_PER_FILE))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert len(read.amendments) == MAX_AMENDMENTS_PER_FILE


def test_a_word_file_of_too_many_amendments_is_refused_and_nothing_recorded(
        tmp_path, negotiation, capsys):
    path = copy(tmp_path, *TEXTS, *new_paragraphs(MAX_AMENDMENTS_PER_FILE + 1))
    line = submit_refused(capsys, negotiation, path, "--delegation", "EU")
    assert line == (f"drafting: {path}: the file holds more than the 2,000 amendments one "
                    "file may hold (see \"Input limits\" in the README); the file is "
                    "refused: split it into several files")


# At import


def test_importing_a_markdown_draft_with_a_paragraph_too_long_is_refused(
        tmp_path, negotiation, capsys):
    path = tmp_path / "draft.md"
    text = "OP2 Decides " + filler(MAX_PARAGRAPH_CHARS)
    path.write_text(f"{PP1}\n\n{OP1}\n\n{text}\n", encoding="utf-8")
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "import", str(path), "--doc", "NEW/1",
                                "--db", negotiation))
    assert line.startswith(f"drafting: {path}, line 5 (OP2): the paragraph has "
                           f"{len(text):,} characters, {LIMIT}")
    assert fingerprint(negotiation) == before


def test_importing_a_word_draft_with_a_paragraph_too_long_is_refused(
        tmp_path, negotiation, capsys):
    path = copy(tmp_path, PP1, op1_of_length(MAX_PARAGRAPH_CHARS + 1), OP2, name="draft.docx")
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "import", str(path), "--doc", "NEW/1",
                                "--db", negotiation))
    assert line.startswith(f"drafting: {path}, paragraph 2 (OP1): the paragraph has 100,001 "
                           f"characters, {LIMIT}")
    assert fingerprint(negotiation) == before


def test_lines_that_join_into_a_paragraph_too_long_are_refused():
    """Each sub-paragraph is a block of its own, within the limit; together they are not."""
    line = "(a) " + filler(MAX_PARAGRAPH_CHARS // 2)
    with pytest.raises(LimitError, match=r"^draft.md \(OP1\): the paragraph has "):
        read_text(f"OP1 Calls upon States:\n\n{line}\n\n{line}", name="draft.md")


def test_importing_more_paragraphs_than_a_document_may_have_is_refused(
        tmp_path, negotiation, capsys):
    path = tmp_path / "draft.md"
    path.write_text("\n\n".join(f"OP{n} Decides;" for n in range(1, MAX_PARAGRAPHS + 2)),
                    encoding="utf-8")
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "import", str(path), "--doc", "NEW/1",
                                "--db", negotiation))
    assert line == (f"drafting: {path}: the document has 10,001 paragraphs, more than the "
                    "10,000 a document may have (see \"Input limits\" in the README); the "
                    "file is refused: split it into several documents")
    assert fingerprint(negotiation) == before
    assert len(read_draft(_as_many_as_allowed(tmp_path)).paragraphs) == MAX_PARAGRAPHS


def _as_many_as_allowed(tmp_path):
    path = tmp_path / "allowed.md"
    path.write_text("\n\n".join(f"OP{n} Decides;" for n in range(1, MAX_PARAGRAPHS + 1)),
                    encoding="utf-8")
    return path


# JSON submissions and amendments typed in


def json_file(tmp_path, amendments) -> str:
    path = tmp_path / "eu.json"
    path.write_text(json.dumps({"document": SYMBOL, "delegation": "EU",
                                "amendments": amendments}), encoding="utf-8")
    return path


def test_a_json_text_past_the_limit_is_refused_and_nothing_recorded(
        tmp_path, negotiation, capsys):
    long = filler(MAX_PARAGRAPH_CHARS + 1)
    path = json_file(tmp_path, [
        {"paragraph": "OP1", "replace": "submit", "with": "present"},
        {"paragraph": "OP2", "replace": "include", "with": long},
        {"paragraph": "OP9", "new_paragraph": filler(MAX_PARAGRAPH_CHARS),
         "reason": long}])
    with pytest.raises(SubmissionError) as refused:
        load_submission(path, DOCUMENT)
    assert refused.value.problems == [
        f"{path}, amendment 2 (OP2): 'with' has 100,001 characters, {LIMIT} (see \"Input "
        "limits\" in the README); shorten it",
        f"{path}, amendment 3 (OP9): 'reason' has 100,001 characters, {LIMIT} (see \"Input "
        "limits\" in the README); shorten it"]
    line = submit_refused(capsys, negotiation, path)
    assert line == f"drafting: {path}: 2 problems; nothing was recorded"


def test_a_json_file_of_too_many_amendments_is_refused_alone(tmp_path, negotiation, capsys):
    one = {"paragraph": "OP1", "replace": "submit", "with": "present"}
    path = json_file(tmp_path, [one] * (MAX_AMENDMENTS_PER_FILE + 1))
    with pytest.raises(SubmissionError) as refused:
        load_submission(path, DOCUMENT)
    assert refused.value.problems == [
        f"{path}: the file holds 2,001 amendments, more than the 2,000 one file may hold "
        "(see \"Input limits\" in the README); split it into several files"]
    submit_refused(capsys, negotiation, path)
    allowed = json_file(tmp_path, [one] * MAX_AMENDMENTS_PER_FILE)
    assert len(load_submission(allowed, DOCUMENT)[1]) == MAX_AMENDMENTS_PER_FILE


def test_an_amendment_typed_in_past_the_limit_is_refused(negotiation, capsys):
    long = filler(MAX_PARAGRAPH_CHARS + 1)
    with pytest.raises(AmendmentError, match=r"^OP1: the text of 'with' has 100,001 "):
        draft_amendment(DOCUMENT.current, Proposal("OP1", replace="submit", with_=long),
                        id="EU-1", proponents=["EU"])
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--insert", long,
                                "--after", "submit", "--yes", "--db", negotiation))
    assert "OP1: the text of 'insert' has 100,001 characters" in line
    assert fingerprint(negotiation) == before


# One XML part too big to parse


def test_an_xml_part_past_the_limit_is_refused_before_it_is_parsed(tmp_path):
    assert SAFE_LIMITS.max_xml_part_bytes == MAX_XML_PART_BYTES
    parts = package_parts()
    parts[MAIN] = document_xml(draft_body(*TEXTS) + paragraph(filler(1_000_000)))
    path = write_package(tmp_path / "big.docx", parts)
    size = len(parts[MAIN])
    with pytest.raises(LimitError) as refused:
        open_docx(path, limits=SafeLimits(max_xml_part_bytes=size - 1))
    assert refused.value.message.startswith(f"{path}: part {MAIN} unpacks to ")
    assert (f"more than the {(size - 1) / 1024 / 1024:.1f} MB one part of a Word document "
            "may hold") in refused.value.message
    open_docx(path, limits=SafeLimits(max_xml_part_bytes=size))
