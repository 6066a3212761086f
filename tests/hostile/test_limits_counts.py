"""The input limits that count what parsing costs rather than bytes (README "Input
limits"): the tags of a Word file's XML parts (`MAX_XML_TAGS`) and the values of a JSON
submission (`MAX_JSON_VALUES`, `MAX_SUPPORTERS`).

Audit of the byte limits: a Word file within all of them, its main part, style sheet,
numbering and comments 45 MB each of empty elements, took `submit` 44 s and 5.9 GB; a
30 MB JSON file of one amendment with 5 million supporters took 297 s to be refused, a
40 MB one with 20 million numbers in an unknown field 103 s and 3.8 GB.
"""

from __future__ import annotations

import json
import zipfile

import pytest
from corpus import (
    DRAFT,
    MAIN,
    SYMBOL,
    document_xml,
    draft_body,
    fingerprint,
    package_parts,
    refused_line,
    run_cli,
)

from drafting.errors import LimitError
from drafting.limits import MAX_JSON_VALUES, MAX_SUPPORTERS, MAX_XML_TAGS
from drafting.ooxml.package import SAFE_LIMITS, SafeLimits, open_docx, open_word
from drafting.readers import SubmissionError, load_submission, read_submission, read_text
from drafting.readers.submission_findings import schema_findings

TEXTS = [line for line in DRAFT.splitlines() if line[:3] in ("PP1", "OP1", "OP2")]
DOCUMENT = read_text(DRAFT).to_document(SYMBOL)
SEE = '(see "Input limits" in the README)'
STYLES = "word/styles.xml"


def tags(parts: dict[str, bytes]) -> int:
    return sum(data.count(b"<") for name, data in parts.items()
               if name.endswith((".xml", ".rels")))


def passing(parts: dict[str, bytes], limit: int) -> str:
    """The part whose tags (in the order written) take the count past ``limit``."""
    count = 0
    for name, data in parts.items():
        count += data.count(b"<") if name.endswith((".xml", ".rels")) else 0
        if count > limit:
            return name
    raise AssertionError("within the limit")


def write_package(path, parts: dict[str, bytes]):
    """The package stored, not compressed (a part of empty runs compresses too well)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def padded(runs: int, *, styles: int = 0) -> dict[str, bytes]:
    """The draft's paragraphs with ``runs`` empty runs in the first, and ``styles`` empty
    elements at the end of the style sheet."""
    parts = package_parts()
    body = draft_body(*TEXTS).replace("<w:r>", "<w:r/>" * runs + "<w:r>", 1)
    parts[MAIN] = document_xml(body)
    end = parts[STYLES].rindex(b"</w:styles>")
    parts[STYLES] = parts[STYLES][:end] + b"<x/>" * styles + parts[STYLES][end:]
    return parts


def too_many_tags(path, part: str, limit: int = MAX_XML_TAGS) -> str:
    return (f"{path}: part {part} brings the XML parts of the file past the {limit:,} tags "
            f"(each '<') a Word document may hold {SEE}; the file is refused: split the "
            "document into several files and save each again in Word")


def test_the_tags_of_all_xml_parts_are_counted_before_any_is_parsed(tmp_path):
    assert SAFE_LIMITS.max_xml_tags == MAX_XML_TAGS
    parts = padded(1_000, styles=1_000)
    path = write_package(tmp_path / "eu.docx", parts)
    count = tags(parts)
    open_docx(path, limits=SafeLimits(max_xml_tags=count))
    open_word(path, limits=SafeLimits(max_xml_tags=count))
    for opened in (open_docx, open_word):
        with pytest.raises(LimitError) as refused:
            opened(path, limits=SafeLimits(max_xml_tags=count - 1))
        assert refused.value.message == too_many_tags(path, passing(parts, count - 1),
                                                      count - 1)


def test_a_part_in_utf16_counts_its_tags_as_characters(tmp_path):
    parts = padded(100)
    count = tags(parts)
    text = parts[MAIN].decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    parts[MAIN] = text.encode("utf-16")
    path = write_package(tmp_path / "eu.docx", parts)
    open_word(path, limits=SafeLimits(max_xml_tags=count))
    with pytest.raises(LimitError, match=f"part {passing(parts, count - 1)} brings"):
        open_word(path, limits=SafeLimits(max_xml_tags=count - 1))


def test_a_word_file_of_too_many_tags_is_refused_at_submit_and_import(
        tmp_path, negotiation, capsys):
    """Empty runs, 6 bytes each: within every byte limit (24 MB), they took 30 times
    their size to parse."""
    path = write_package(tmp_path / "eu.docx", padded(MAX_XML_TAGS))
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "submit", SYMBOL, str(path), "-d", "EU", "--yes",
                                "--db", negotiation))
    assert line == f"drafting: {too_many_tags(path, MAIN)}"
    line = refused_line(run_cli(capsys, "import", str(path), "--doc", "NEW/1",
                                "--db", negotiation))
    assert line == f"drafting: {too_many_tags(path, MAIN)}"
    assert fingerprint(negotiation) == before


# JSON submissions


def json_file(tmp_path, amendments, **more) -> str:
    path = tmp_path / "eu.json"
    path.write_text(json.dumps({"document": SYMBOL, "delegation": "EU", **more,
                                "amendments": amendments}), encoding="utf-8")
    return path


CODES = [f"D{n:03d}" for n in range(MAX_SUPPORTERS + 1)]
ONE = {"paragraph": "OP1", "replace": "submit", "with": "present"}


def test_an_amendment_of_too_many_supporters_is_refused_alone(tmp_path, negotiation, capsys):
    path = json_file(tmp_path, [ONE, {**ONE, "supporters": CODES, "bogus": 1}])
    with pytest.raises(SubmissionError) as refused:
        load_submission(path, DOCUMENT)
    assert refused.value.problems == [
        f"{path}, amendment 2 (OP1): 'supporters' names {MAX_SUPPORTERS + 1} delegations, "
        f"more than the {MAX_SUPPORTERS} an amendment may name {SEE}; name fewer"]
    assert refused_line(run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db",
                                negotiation)).endswith("1 problem; nothing was recorded")
    allowed = json_file(tmp_path, [{**ONE, "supporters": CODES[:-1]}])
    assert len(read_submission(allowed).proposals) == 1


def test_a_file_of_too_many_values_is_refused_before_the_schema(tmp_path):
    numbers = [0] * (MAX_JSON_VALUES + 1)
    path = json_file(tmp_path, [ONE], extra=numbers)
    with pytest.raises(SubmissionError) as refused:
        read_submission(path)
    assert refused.value.problems == [
        f"{path}: the file holds more than the {MAX_JSON_VALUES:,} values (texts, numbers, "
        f"lists, objects and field names) a submission may hold {SEE}: the count passes "
        f"it at 'extra', of {MAX_JSON_VALUES + 1:,} entries; split the file, or take out "
        "what is not an amendment"]
    path = json_file(tmp_path, [ONE, {**ONE, "reason": {"x": numbers}}])
    with pytest.raises(SubmissionError) as refused:
        read_submission(path)
    assert "passes it at amendment 2 (OP1), 'reason' field 'x', of" in \
        refused.value.problems[0]


def test_a_file_of_as_many_amendments_as_allowed_with_supporters_is_read(tmp_path):
    """2,000 amendments of eight fields and thirty supporters each: within the values."""
    item = {**ONE, "occurrence": 1, "reason": "why", "supporters": CODES[:30]}
    path = json_file(tmp_path, [item] * 2_000, submitted_by="EU", revision="Zero draft")
    assert len(read_submission(path).proposals) == 2_000


def test_the_schema_still_judges_supporters_it_is_not_shown():
    data = {"document": SYMBOL, "delegation": "EU", "amendments": [
        {**ONE, "supporters": ["USA", "JPN"], "bogus": 1},
        {**ONE, "supporters": ["USA", "USA", " ", 3]}]}
    found = [text for number, _, text in schema_findings(data) if number]
    assert any("unknown field 'bogus'" in text for text in found)
    assert not any("supporters" in text for text in found[:1])
    assert any("'supporters'" in text for text in found[1:])
