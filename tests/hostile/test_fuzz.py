"""Fuzzing, bounded for CI: the bracket parser, the Word readers and the JSON reader.

- The bracket parser either reads a text back exactly (``unparse(parse(t)) == t``) or
  raises BracketError pointing at a bracket; trees built at random survive a round
  trip; choosing, agreeing or deleting a group always leaves balanced text.
- The Word readers, given real documents mutated byte by byte or tag by tag, read
  them or raise an InputError (ReaderError, BracketError), never anything else, and
  never hang (a deadline per example far above the time one takes).
- The text reader and the JSON reader, given any text or JSON value (damaged or not),
  likewise; what the text reader accepts holds only balanced brackets and text.

The number of examples is small so that CI spends a few seconds here; set
``DRAFTING_FUZZ_EXAMPLES`` (e.g. 2000) to search longer.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from corpus import DRAFT, MAIN, SYMBOL
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting import brackets, characters
from drafting.brackets import SPACED_SLASH, Bracket
from drafting.engine import Proposal, draft_amendment, merge
from drafting.errors import BracketError, InputError
from drafting.readers import read_docx_submission, read_draft, read_submission_text, read_text
from drafting.writers.docx_clean import write_docx_revision
from drafting.writers.docx_merged import write_merged_docx

_MORE = int(os.environ.get("DRAFTING_FUZZ_EXAMPLES", "0"))


def bounded(examples: int) -> settings:
    """``examples`` (or ``$DRAFTING_FUZZ_EXAMPLES``) examples, each within 10 s."""
    return settings(max_examples=_MORE or examples, deadline=timedelta(seconds=10),
                    suppress_health_check=[HealthCheck.too_slow], database=None)


# The bracket parser

PIECES = ["[", "]", "[", "]", SPACED_SLASH, "/", " ", "a", "word", "提交", "،", "é", "\n",
          "\t", "(", ")", "A/RES/70/1"]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=30).map("".join)


@bounded(300)
@given(texts)
def test_brackets_read_back_exactly_or_point_at_a_bracket(text):
    try:
        nodes = brackets.parse(text, paragraph="OP1")
    except BracketError as error:
        assert 0 <= error.offset < len(text)
        assert text[error.offset] in "[]"
        assert error.paragraph == "OP1"
        assert f"character {error.offset}" in error.message
        return
    assert brackets.unparse(nodes) == text
    assert brackets.count(text) == text.count("[") == text.count("]")
    for group in brackets.groups(text):
        assert text[group.start] == "[" and text[group.end - 1] == "]"


leaf = st.text(st.sampled_from("ab 提 é,;()-\u0627"), min_size=1, max_size=6)
trees = st.recursive(
    leaf,
    lambda inner: st.lists(st.lists(inner, max_size=3).map(tuple), min_size=1,
                           max_size=3).map(lambda alts: Bracket(tuple(alts))),
    max_leaves=12,
)
paragraphs = st.lists(trees, max_size=4).map(tuple)


def canonical(nodes) -> tuple:
    """A tree as `parse` gives it: adjacent texts joined, empty texts dropped."""
    out: list = []
    for node in nodes:
        if isinstance(node, Bracket):
            out.append(Bracket(tuple(canonical(alt) for alt in node.alternatives),
                               node.separators))
        elif node and out and isinstance(out[-1], str):
            out[-1] += node
        elif node:
            out.append(node)
    return tuple(out)


@bounded(150)
@given(paragraphs)
def test_bracket_trees_survive_a_round_trip(nodes):
    text = brackets.unparse(nodes)
    assert brackets.parse(text) == canonical(nodes)


@bounded(150)
@given(paragraphs, st.data())
def test_settling_a_group_leaves_balanced_text(nodes, data):
    text = brackets.unparse(nodes)
    found = brackets.groups(text)
    if not found:
        return
    index = data.draw(st.integers(0, len(found) - 1))
    group = found[index]
    choice = data.draw(st.integers(0, len(group.alternatives) - 1))
    for settled in (brackets.choose(text, index, choice), brackets.delete(text, index)):
        assert brackets.count(settled) < brackets.count(text)
        assert brackets.unparse(brackets.parse(settled)) == settled
    if len(group.alternatives) == 1:
        assert brackets.count(brackets.agree(text, index)) == brackets.count(text) - 1


LINES = ["# Title", "## Heading", "PP1 Recalling,", "OP1 Decides;", "OP1 bis Urges;", "3. Notes;",
         "(a) To act;", "T1 Other", "OP2 [Urges / Calls upon] States;", "", "", "\r", "\x00",
         "\u202e", "e\u0301", "OP99999999999999999999 x", "OP1 quinquies decies x", "\ufeff"]


@bounded(150)
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=12), max_size=12).map("\n".join))
def test_the_text_reader_reads_or_refuses_with_an_input_error(source):
    try:
        result = read_text(source, name="fuzz.md")
    except InputError as error:
        assert str(error).startswith("fuzz.md")
        return
    for paragraph in result.paragraphs:
        assert brackets.unparse(brackets.parse(paragraph.text, tolerant=True)) == paragraph.text
        assert characters.first_forbidden(paragraph.text) is None


# The Word readers on mutated documents


@cache
def _originals(folder: str) -> dict[str, bytes]:
    """A clean house-style draft and a merged document with real tracked changes."""
    document = read_text(DRAFT).to_document(SYMBOL)
    amendments = [
        draft_amendment(document.current, Proposal("OP1", replace="submit", with_="present"),
                        id="A1", proponents=["EU"]),
        draft_amendment(document.current, Proposal("OP2", delete="provisional"),
                        id="A2", proponents=["G77"]),
    ]
    clean, merged = Path(folder) / "clean.docx", Path(folder) / "merged.docx"
    write_docx_revision(document, clean)
    write_merged_docx(merge(document, amendments), merged)
    return {"clean": clean.read_bytes(), "merged": merged.read_bytes()}


FRAGMENTS = [
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:t>[</w:t>", "<w:t>]</w:t>",
    '<w:ins w:id="9" w:author="X">', "</w:ins>", '<w:del w:id="9" w:author="Y">', "</w:del>",
    "<w:delText>gone</w:delText>", "<w:tab/>", "<w:br/>", "<w:tbl><w:tr><w:tc>", "</w:tc>",
    '<w:pPr><w:rPr><w:del w:id="3" w:author="Z"/></w:rPr></w:pPr>', "&amp;", "&#133;",
    '<w:numPr><w:ilvl w:val="8"/><w:numId w:val="77"/></w:numPr>', '<w:pStyle w:val="Title"/>',
    '<w:commentRangeStart w:id="5"/>', "<!DOCTYPE x>", '<?xml version="1.0"?>', "OP1\t",
    "<w:t>OP1</w:t><w:tab/>", '<w:ins w:id="1" w:author="EU" w:date="not a date">',
    "\u202e", "\x85", "\ud7ff", "<w:p><w:r><w:t>OP1 a</w:t></w:r></w:p>" * 3,
]


Edit = tuple[float, int, str]
"""Where (a fraction of the length), how many characters to cut, and what to put there."""

markup_edits = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 200),
              st.sampled_from(FRAGMENTS) | st.just("") | st.just("copy")),
    min_size=1, max_size=4)
byte_edits = st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1,
                      max_size=8)


def mutated_xml(original: bytes, edits: list[Edit]) -> bytes:
    """``original`` with its main part edited: slices cut, doubled ("copy") or replaced
    by fragments of WordprocessingML (often breaking it, sometimes not)."""
    with zipfile.ZipFile(io.BytesIO(original)) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts[MAIN].decode("utf-8")
    for where, length, piece in edits:
        start = int(where * len(xml))
        end = min(len(xml), start + length)
        xml = xml[:start] + (xml[start:end] * 2 if piece == "copy" else piece) + xml[end:]
    parts[MAIN] = xml.encode("utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def mutated_bytes(original: bytes, edits: list[tuple[float, int]], cut: float | None) -> bytes:
    """``original`` with a few bytes overwritten, and cut short at ``cut`` (a fraction)."""
    data = bytearray(original)
    for where, value in edits:
        data[min(len(data) - 1, int(where * len(data)))] = value
    return bytes(data[: len(data) if cut is None else int(cut * len(data))])


@pytest.fixture(scope="module")
def fuzz_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def read_both(path: Path) -> None:
    """Both Word readers on ``path``: each reads it or raises an InputError."""
    document = read_text(DRAFT).to_document(SYMBOL)
    for read in (lambda: read_draft(path),
                 lambda: read_docx_submission(path, document, delegation="EU")):
        try:
            read()
        except InputError as error:
            assert str(error).strip()


@bounded(80)
@given(st.sampled_from(["clean", "merged"]), markup_edits)
def test_the_word_readers_survive_mutated_markup(fuzz_folder, which, edits):
    path = fuzz_folder / "markup.docx"
    path.write_bytes(mutated_xml(_originals(str(fuzz_folder))[which], edits))
    read_both(path)


@bounded(100)
@given(st.sampled_from(["clean", "merged"]), byte_edits, st.none() | st.floats(0, 1))
def test_the_word_readers_survive_mutated_bytes(fuzz_folder, which, edits, cut):
    path = fuzz_folder / "bytes.docx"
    path.write_bytes(mutated_bytes(_originals(str(fuzz_folder))[which], edits, cut))
    read_both(path)


# The JSON reader

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
    | st.text(max_size=8) | st.sampled_from(["OP1", "submit", SYMBOL, "EU", "\x00", "\ud800"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["document", "delegation", "amendments", "paragraph",
                                       "replace", "with", "delete", "insert", "after",
                                       "occurrence", "supporters", "retain", "x"]) | st.text(
                                           max_size=4), inner, max_size=5),
    max_leaves=20,
)


@bounded(150)
@given(json_values, st.integers(0, 40), st.booleans())
def test_the_json_reader_refuses_only_with_input_errors(value, cut, damage):
    text = json.dumps(value)
    if damage:  # a file cut short or with a stray character
        text = text[:cut] + text[cut + 1:] if cut % 2 else text[:cut]
    try:
        submission = read_submission_text(text, name="fuzz.json")
    except InputError as error:
        assert str(error).startswith("fuzz.json")
        return
    assert submission.document and submission.delegation and submission.proposals
