"""Hostile numbering, dates, headers and comments in Word files, and ``submit --each``.

A list that starts where no Word list starts, or writes its number with a text longer
than Word allows, is refused when its definitions are read, before any number is
written (it once took 20 s and 5.9 GB, or ended in an OverflowError); so are headers
and footers that together pass what a document holds in them (19 headers of 9.9 MB took
4 GB), from the zip directory, before any is unpacked. A revision date that falls out of
range once in UTC is refused like any other bad date (it once ended in an OverflowError).
Two comments with one id both reach the reason. ``submit --each`` records the good files
when another is refused or meets a bug of ours, and says which and why.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from corpus import (
    DRAFT,
    MAIN,
    SYMBOL,
    W_NS,
    document_xml,
    fingerprint,
    package_parts,
    paragraph,
    refused_line,
    run_cli,
    write_package,
)

from drafting import intake
from drafting.errors import LimitError, ReaderError
from drafting.limits import MAX_LIST_NUMBER, MAX_LIST_NUMBER_TEXT, MAX_SECONDARY_XML_BYTES
from drafting.ooxml.numbering import MAX_LETTERS, format_number
from drafting.ooxml.package import SafeLimits, open_word
from drafting.ooxml.runs import parse_date
from drafting.readers import read_docx_submission, read_draft, read_text
from drafting.store import Store, open_store

SEE = '(see "Input limits" in the README)'
OP1 = "OP1 Requests the Secretary-General to submit a report [within existing resources];"
DOCUMENT = read_text(DRAFT).to_document(SYMBOL)
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def add_part(parts: dict[str, bytes], name: str, kind: str, data: bytes) -> None:
    """Add ``word/<name>`` of content type ``kind`` (``header``, ``comments`` ...), related
    to the main part by the relationship of the same name."""
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        f'<Override PartName="/word/{name}" ContentType="{_TYPES}.{kind}+xml"/></Types>'
    )).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        f'<Relationship Id="rId{len(rels)}" Type="{_RELS}/{kind}" Target="{name}"/>'
        "</Relationships>")).encode()
    parts[f"word/{name}"] = data


def root(tag: str, inner: str) -> bytes:
    return f'<w:{tag} xmlns:w="{W_NS}">{inner}</w:{tag}>'.encode()


# Numbering


NUMBERED = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr>'


def numbered_draft(path: Path, *, start: str = "1", fmt: str = "decimal",
                   text: str = "%1.", override: str = "") -> Path:
    """A draft whose two operative paragraphs are numbered by a list (w:abstractNum 7,
    used through w:num 5) that starts at ``start``, writes ``fmt`` with ``text``; its
    w:num holds ``override`` (a w:lvlOverride) when given."""
    level = (f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
             f'<w:lvlText w:val="{text}"/></w:lvl>')
    parts = package_parts()
    parts["word/numbering.xml"] = root("numbering", (
        f'<w:abstractNum w:abstractNumId="7">{level}</w:abstractNum>'
        f'<w:num w:numId="5"><w:abstractNumId w:val="7"/>{override}</w:num>'))
    parts[MAIN] = document_xml(paragraph("Recalling its resolution 70/1,") + "".join(
        f"<w:p>{NUMBERED}<w:r><w:t>{words}</w:t></w:r></w:p>"
        for words in ("Requests the Secretary-General to act;", "Decides to remain seized;")))
    return write_package(path, parts)


def start_refused(shown: str, verb: str = "starts", where: str = "w:abstractNum '7'") -> str:
    return (f"the list numbering ({where}), level 1, {verb} at {shown}, beyond the "
            f"{MAX_LIST_NUMBER:,} a Word list may start at {SEE}; the file is refused: in "
            "Word, set the list's number again (right-click it, Set Numbering Value) and "
            "save the file")


@pytest.mark.parametrize(("start", "shown"), [
    ("2600000", "2,600,000"), ("2000000000", "2,000,000,000"),
    ("1" + "0" * 30, "a number of 31 digits"), (str(-MAX_LIST_NUMBER - 1), "-32,768"),
    (str(MAX_LIST_NUMBER + 1), "32,768"),
])
def test_a_list_that_starts_past_the_limit_is_refused(tmp_path, start, shown):
    path = numbered_draft(tmp_path / "draft.docx", start=start, fmt="lowerLetter")
    with pytest.raises(LimitError) as refused:
        read_draft(path)
    assert refused.value.message == f"{path}: {start_refused(shown)}"


def test_a_list_restarted_past_the_limit_is_refused(tmp_path):
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="99999"/></w:lvlOverride>'
    path = numbered_draft(tmp_path / "draft.docx", override=override)
    with pytest.raises(LimitError) as refused:
        read_draft(path)
    refusal = start_refused("99,999", "restarts", "w:num '5'")
    assert refused.value.message == f"{path}: {refusal}"


@pytest.mark.parametrize(("start", "override", "verb", "where"), [
    ("-5", "", "starts", "w:abstractNum '7'"),
    ("1", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-1"/></w:lvlOverride>',
     "restarts", "w:num '5'"),
])
def test_a_list_that_starts_below_zero_is_refused_and_nothing_imported(
        tmp_path, negotiation, capsys, start, override, verb, where):
    """Labels OP-5 .. OP-3 were imported and amended, and then no revision could be made
    ("'OP-3' is not a paragraph label"): the document was stuck for good."""
    path = numbered_draft(tmp_path / "draft.docx", start=start, override=override)
    shown = "-5" if start == "-5" else "-1"
    with pytest.raises(ReaderError) as refused:
        read_draft(path)
    assert refused.value.message == (
        f"{path}: the list numbering ({where}), level 1, {verb} at {shown}, below 0, where a "
        "Word list counts from 0 or above: its paragraphs would be labelled with negative "
        "numbers, which a revision cannot number; the file is refused: in Word, set the "
        "list's number again (right-click it, Set Numbering Value) and save the file")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "import", str(path), "--doc", "N1", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {refused.value.message}"
    assert fingerprint(negotiation) == before


def test_a_list_that_starts_at_zero_is_read(tmp_path):
    path = numbered_draft(tmp_path / "draft.docx", start="0")
    assert [p.label for p in read_draft(path).paragraphs] == ["PP1", "OP0", "OP1"]


def test_a_list_at_the_limit_is_read(tmp_path):
    path = numbered_draft(tmp_path / "draft.docx", start=str(MAX_LIST_NUMBER))
    read = read_draft(path)
    assert [p.label for p in read.paragraphs] == ["PP1", "OP32767", "OP32768"]


def test_numbers_past_what_letters_write_are_written_in_decimals(tmp_path):
    assert format_number(MAX_LETTERS, "lowerLetter") == "z" * 30
    assert format_number(MAX_LETTERS + 1, "upperLetter") == str(MAX_LETTERS + 1)
    path = numbered_draft(tmp_path / "draft.docx", start=str(MAX_LIST_NUMBER),
                          fmt="lowerLetter", text="(%1)")
    text = read_draft(path).paragraphs[0].text
    assert "(32767) Requests the Secretary-General to act;" in text
    assert "(32768) Decides to remain seized;" in text


def _refused(path) -> tuple[pytest.ExceptionInfo[LimitError], int]:
    """The refusal of importing ``path``, and the peak memory (bytes) it took."""
    tracemalloc.start()
    try:
        with pytest.raises(LimitError) as refused:
            read_draft(path)
        return refused, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_level_text_past_the_limit_is_refused_before_a_number_is_written(tmp_path):
    """The tester's bomb, smaller: letters for 2.6 million, written 200 times a number
    (20 MB a paragraph). The level text is refused first, so nothing is written."""
    text = "%1" * 200
    path = numbered_draft(tmp_path / "draft.docx", start="2600000", fmt="lowerLetter",
                          text=text)
    refused, peak = _refused(path)
    assert refused.value.message == (
        f"{path}: the list numbering (w:abstractNum '7'), level 1, writes its number with "
        f"400 characters (w:lvlText), more than the {MAX_LIST_NUMBER_TEXT} a list number "
        f"may have {SEE}; the file is refused: in Word, define the list's number format "
        "again and save the file")
    assert peak < 5_000_000


def test_a_level_text_at_the_limit_is_read(tmp_path):
    text = "%1" * (MAX_LIST_NUMBER_TEXT // 2)
    path = numbered_draft(tmp_path / "draft.docx", start="3", fmt="lowerLetter", text=text)
    assert "c" * (MAX_LIST_NUMBER_TEXT // 2) + " Requests" in read_draft(path).paragraphs[0].text


def test_import_and_submit_refuse_a_numbering_bomb_and_change_nothing(
        tmp_path, negotiation, capsys):
    path = numbered_draft(tmp_path / "EU.docx", start="1" + "0" * 30, fmt="lowerLetter")
    before = fingerprint(negotiation)
    expected = f"drafting: {path}: {start_refused('a number of 31 digits')}"
    for command in (["import", str(path), "--doc", "Z/9"],
                    ["submit", SYMBOL, str(path), "--delegation", "EU", "--yes"]):
        assert refused_line(run_cli(capsys, *command, "--db", negotiation)) == expected
    assert fingerprint(negotiation) == before


# Revision dates out of range


def tracked_copy(path: Path, date: str = "2026-11-02T10:00:00Z", *, comment: str = "",
                 comments: bytes = b"") -> Path:
    """A Word copy of `DOCUMENT` replacing "submit" in OP1 by "present", the change
    dated ``date`` (and inside ``comment``'s range: an id of ``comments``)."""
    mark = f'w:author="Anna" w:date="{date}"'
    start = f'<w:commentRangeStart w:id="{comment}"/>' if comment else ""
    end = f'<w:commentRangeEnd w:id="{comment}"/>' if comment else ""
    parts = package_parts()
    parts[MAIN] = document_xml(
        paragraph("Sustainable fisheries")
        + paragraph("PP1 Recalling its resolution 70/1 of 25 September 2015,")
        + '<w:p><w:r><w:t xml:space="preserve">OP1 Requests the Secretary-General to </w:t>'
        f'</w:r>{start}<w:del w:id="1" {mark}><w:r><w:delText>submit</w:delText></w:r></w:del>'
        f'<w:ins w:id="2" {mark}><w:r><w:t>present</w:t></w:r></w:ins>{end}'
        '<w:r><w:t xml:space="preserve"> a report [within existing resources];</w:t></w:r>'
        "</w:p>" + paragraph("OP2 Decides to include the item in its provisional agenda;"))
    if comments:
        add_part(parts, "comments.xml", "comments", comments)
    return write_package(path, parts)


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00"])
def test_a_date_out_of_range_in_utc_is_refused_as_other_bad_dates(tmp_path, date):
    path = tracked_copy(tmp_path / "eu.docx", date)
    with pytest.raises(ReaderError) as refused:
        read_docx_submission(path, DOCUMENT, delegation="EU")
    assert refused.value.message == (
        f"{path}: the revision date '{date}' is not a date and time (in UTC it falls "
        "before the year 1 or after 9999)")


@pytest.mark.parametrize("date", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                                  "9999-12-31T23:59:59", "0001-01-01T00:00:00-01:00"])
def test_the_first_and_last_dates_are_read(date):
    assert parse_date(date) is not None


# Headers and footers


HEADER = root("hdr", "<w:p/>" * 400_000)  # 2.4 MB of empty paragraphs, 2.4 KB packed


def with_headers(path: Path, count: int, header: bytes = HEADER) -> Path:
    parts = package_parts()
    parts[MAIN] = document_xml(paragraph(OP1))
    for index in range(count):
        add_part(parts, f"header{index}.xml", "header", header)
    return write_package(path, parts)


def test_headers_past_the_limit_together_are_refused_before_any_is_unpacked(tmp_path):
    path = with_headers(tmp_path / "draft.docx", 3)
    refused, peak = _refused(path)
    size = len(HEADER) / 1024 / 1024
    assert refused.value.message == (
        f"{path}: its headers, footers and other parts read whole besides the document's "
        f"own unpack to {3 * size:.1f} MB together (3 parts, the largest word/header0.xml "
        f"of {size:.1f} MB), more than the {MAX_SECONDARY_XML_BYTES / 1024 / 1024:.1f} MB a "
        f"Word document may hold in them {SEE[:-1]}; a header is a few KB); the file is "
        "refused: empty its headers and footers in Word and save it again")
    assert peak < len(HEADER)  # not one header was unpacked


def test_headers_within_the_limit_are_read(tmp_path):
    path = with_headers(tmp_path / "draft.docx", 2)
    assert 2 * len(HEADER) <= MAX_SECONDARY_XML_BYTES
    assert [p.label for p in read_draft(path).paragraphs] == ["OP1"]


def test_the_documents_own_parts_are_not_counted_a_second_style_sheet_is(tmp_path):
    """The style sheet (the largest of its kind) has the limit of one part; a second
    one counts with the headers."""
    limits = SafeLimits(max_secondary_xml_bytes=100_000)
    parts = package_parts()
    styles = parts["word/styles.xml"]
    assert len(styles) > limits.max_secondary_xml_bytes
    write_package(path := tmp_path / "own.docx", parts)
    assert open_word(path, limits=limits).styles is not None
    add_part(parts, "header0.xml", "header", root("hdr", "<w:p/>"))
    add_part(parts, "styles2.xml", "styles", styles)
    write_package(path := tmp_path / "two.docx", parts)
    with pytest.raises(LimitError, match=r"\(2 parts, the largest word/styles2\.xml of "):
        open_word(path, limits=limits)


def test_submit_refuses_a_header_bomb_and_changes_nothing(tmp_path, negotiation, capsys):
    path = with_headers(tmp_path / "EU.docx", 19)
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, "submit", SYMBOL, str(path), "--delegation", "EU",
                                "--dry-run", "--db", negotiation))
    assert line.startswith(f"drafting: {path}: its headers, footers and other parts read "
                           "whole besides the document's own unpack to ")
    assert fingerprint(negotiation) == before


# Comments that share an id


def test_two_comments_with_one_id_both_reach_the_reason(tmp_path):
    comments = root("comments", "".join(
        f'<w:comment w:id="5" w:author="Anna" w:date="2026-11-02T10:00:00Z">'
        f"{paragraph(text)}</w:comment>" for text in ("first", "", "second")))
    path = tracked_copy(tmp_path / "eu.docx", comment="5", comments=comments)
    [amendment] = read_docx_submission(path, DOCUMENT, delegation="EU").amendments
    assert amendment.reason == "first; second"


# submit --each


def recorded(url: str) -> list[tuple[str, ...]]:
    with open_store(url) as store:
        return [a.proponents for a in store.amendments(SYMBOL)]


def inbox(tmp_path: Path, usa_date: str = "2026-11-02T10:00:00Z") -> list[str]:
    return [str(tracked_copy(tmp_path / "EU.docx")),
            str(tracked_copy(tmp_path / "USA.docx", usa_date))]


def submit_each(capsys, url: str, files: list[str], *options: str):
    return run_cli(capsys, "submit", SYMBOL, *files, "--by-filename", *options, "--yes",
                   "--db", url)


def test_each_records_the_good_files_when_one_has_a_date_out_of_range(
        tmp_path, negotiation, capsys):
    files = inbox(tmp_path, "0001-01-01T00:00:00+01:00")
    done = submit_each(capsys, negotiation, files, "--each")
    assert done.code == 1
    assert recorded(negotiation) == [("EU",)]
    assert (f"not submitted: {files[1]}: the revision date '0001-01-01T00:00:00+01:00' is "
            "not a date and time") in done.err
    assert "drafting: 1 file not recorded (USA.docx); 1 recorded" in done.err


def fail_for_usa(monkeypatch, owner: object, name: str, marker: str) -> None:
    """Make ``owner.name`` raise RuntimeError (a bug of ours) for the USA's file only:
    when its positional arguments show ``marker``."""
    original = getattr(owner, name)

    def failing(*args, **kwargs):
        if marker in str(args):
            raise RuntimeError("boom")
        return original(*args, **kwargs)
    monkeypatch.setattr(owner, name, failing)


INTERNAL = ("internal error (RuntimeError: boom); submit this file alone, without --each, "
            "with drafting --debug for the traceback, and please report it")


def test_each_records_the_good_files_when_reading_one_meets_a_bug(
        tmp_path, negotiation, capsys, monkeypatch):
    fail_for_usa(monkeypatch, intake, "prepare_file", "USA.docx")
    files = inbox(tmp_path)
    done = submit_each(capsys, negotiation, files, "--each")
    assert done.code == 1
    assert "Traceback" not in done.err
    assert recorded(negotiation) == [("EU",)]
    assert f"not submitted: {files[1]}: {INTERNAL}" in done.err.splitlines()


def test_each_records_the_good_files_when_recording_one_meets_a_bug(
        tmp_path, negotiation, capsys, monkeypatch):
    fail_for_usa(monkeypatch, Store, "submit", "proponents=('USA',)")
    files = inbox(tmp_path)
    done = submit_each(capsys, negotiation, files, "--each")
    assert done.code == 1
    assert recorded(negotiation) == [("EU",)]
    assert f"not recorded: {files[1]}: {INTERNAL}" in done.err.splitlines()


def test_without_each_a_bug_records_nothing_and_says_so(
        tmp_path, negotiation, capsys, monkeypatch):
    fail_for_usa(monkeypatch, intake, "prepare_file", "USA.docx")
    done = submit_each(capsys, negotiation, inbox(tmp_path))
    assert done.code == 2
    assert done.err.startswith("drafting: internal error (RuntimeError: boom)")
    assert recorded(negotiation) == []
