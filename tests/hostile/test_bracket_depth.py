"""Brackets nested deep (drafting.limits.MAX_BRACKET_DEPTH, README "Input limits").

Probe C: ``OP1 Decides `` + 49,000 "[" + "x" + 49,000 "]" (100 KB, within the length
limit) was imported, and every ``show`` or ``brackets`` of it then took 2.4 GB: each
bracket group kept copies of its alternatives, so memory grew with the square of the
depth. The same text came in through a JSON ``new_paragraph``. Now the survey keeps
offsets (memory linear in the text), and a text nested deeper than the limit is refused
where it enters - naming the file and the paragraph - and nothing is recorded. Stray
brackets are still read as written, whatever their number.
"""

from __future__ import annotations

import json
import tracemalloc

import pytest
from corpus import DRAFT, SYMBOL, draft_body, fingerprint, refused_line, run_cli, word_file

from drafting import brackets
from drafting.engine import Proposal, bracket_report, draft_amendment
from drafting.errors import AmendmentError, LimitError
from drafting.limits import MAX_BRACKET_DEPTH
from drafting.readers import (
    SubmissionError,
    load_submission,
    read_docx_submission,
    read_text,
)

TEXTS = [line for line in DRAFT.splitlines() if line[:3] in ("PP1", "OP1", "OP2")]
PP1, OP1, OP2 = TEXTS
DOCUMENT = read_text(DRAFT).to_document(SYMBOL)
TOO_DEEP = (f"more than the {MAX_BRACKET_DEPTH} levels a paragraph may have "
            "(see \"Input limits\" in the README)")


def nested(depth: int, inside: str = "x") -> str:
    """``inside`` within ``depth`` pairs of brackets: ``[[x]]`` for 2."""
    return "[" * depth + inside + "]" * depth


def decides(depth: int) -> str:
    return f"Decides {nested(depth)};"


def draft_with_op2(tmp_path, op2: str, name: str = "draft.md"):
    path = tmp_path / name
    path.write_text(f"{PP1}\n\n{OP1}\n\nOP2 {op2}\n", encoding="utf-8")
    return path


def refused(capsys, negotiation, *args: str) -> str:
    """The one line of a refused command, checked to leave the store as it was."""
    before = fingerprint(negotiation)
    line = refused_line(run_cli(capsys, *args, "--db", negotiation))
    assert fingerprint(negotiation) == before
    return line


# How deep a text nests


@pytest.mark.parametrize(("text", "depth"), [
    ("", 0), ("no brackets", 0), ("[a]", 1), ("[a][b] [c / d]", 1), ("[a [b] / [c [d]]]", 3),
    ("[[a]", 1), ("a]] [b]", 1), ("]][[", 0), ("[^3] [a]", 1), (nested(40), 40),
])
def test_nesting_counts_the_pairs_within_pairs(text, depth):
    assert brackets.nesting(text) == depth


# Memory: linear in the text, whatever the depth


def surveyed_peak(depth: int) -> int:
    text = f"OP1 {decides(depth)}"
    tracemalloc.start()
    try:
        found = brackets.groups(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(found) == depth and found[-1].alternatives == ("x",)
    return peak


def test_surveying_brackets_nested_20000_deep_takes_memory_linear_in_the_text():
    """Copies of the alternatives took 0.4 GB here (and 2.4 GB at 49,000 deep)."""
    half, full = surveyed_peak(10_000), surveyed_peak(20_000)
    assert full < 40 * 1024 * 1024
    assert full < 2.5 * half  # twice the text, about twice the memory; copies: 4 times


def test_a_group_slices_its_alternatives_from_the_text_as_written():
    text = "Decides [to [act] / [wait]] [now][later];"
    found = brackets.groups(text)
    assert found == [
        brackets.BracketGroup(0, 8, 27, ("to [act]", "[wait]"), 0),
        brackets.BracketGroup(1, 12, 17, ("act",), 1),
        brackets.BracketGroup(2, 20, 26, ("wait",), 1),
        brackets.BracketGroup(3, 28, 40, ("now", "later"), 0)]
    assert [text[g.start:g.end] for g in found][3] == "[now][later]"
    assert hash(found[3]) == hash(brackets.BracketGroup(3, 28, 40, ("now", "later"), 0))
    with pytest.raises(AttributeError):
        found[0].start = 1  # type: ignore[misc]


# At the limit, all works; stray brackets are never refused


def test_a_draft_nested_as_deep_as_allowed_is_imported_and_its_brackets_read(
        tmp_path, negotiation, capsys):
    path = draft_with_op2(tmp_path, decides(MAX_BRACKET_DEPTH))
    outcome = run_cli(capsys, "import", str(path), "--doc", "NEW/1", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    outcome = run_cli(capsys, "brackets", "NEW/1", "--json", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    [op1, op2] = [p for p in json.loads(outcome.out)["paragraphs"] if p["brackets"]]
    assert (op1["label"], op1["brackets"], op2["brackets"]) == ("OP1", 1, MAX_BRACKET_DEPTH)
    assert op2["groups"][-1]["alternatives"] == ["x"]


def test_stray_brackets_however_many_are_read_as_written(tmp_path):
    text = "Decides " + "]" * 3_000 + "[" * 5_000 + "x" + "]" * 20 + ";"  # 20 pairs
    read = read_text(f"{PP1}\n\n{OP1}\n\nOP2 {text}", name="draft.md")
    op2 = read.paragraphs[-1]
    assert op2.text == text and len(read.warnings) == 3_000 + 5_000 - 20
    report = bracket_report([op2])
    assert (report.total, report.unbalanced) == (20, 3_000 + 5_000 - 20)


# Past the limit: refused where the text enters, nothing recorded


def test_the_probe_draft_49000_deep_is_refused_at_import(tmp_path, negotiation, capsys):
    path = draft_with_op2(tmp_path, decides(49_000))
    line = refused(capsys, negotiation, "import", str(path), "--doc", "NEW/1")
    assert line == (f"drafting: {path} (OP2): the paragraph nests square brackets 49,000 "
                    f"deep, {TOO_DEEP}; the file is refused: take out the brackets that "
                    "stand inside others")


def test_a_draft_one_level_too_deep_is_refused_and_show_names_it(tmp_path, capsys):
    path = draft_with_op2(tmp_path, decides(MAX_BRACKET_DEPTH + 1))
    line = refused_line(run_cli(capsys, "show", str(path)))
    assert line.startswith(f"drafting: {path} (OP2): the paragraph nests square brackets "
                           f"{MAX_BRACKET_DEPTH + 1} deep, {TOO_DEEP}")


def test_lines_that_join_into_a_paragraph_too_deep_are_refused():
    """Each sub-paragraph alone holds only stray brackets; joined, they pair up."""
    opening, closing = "(a) " + "[" * 20 + "x", "(b) y" + "]" * 20 + ";"
    with pytest.raises(LimitError, match=r"^draft.md \(OP1\): the paragraph nests square "
                       r"brackets 40 deep"):
        read_text(f"OP1 Calls upon States:\n\n{opening}\n\n{opening}\n\n{closing}\n\n{closing}",
                  name="draft.md")


def test_a_word_draft_too_deep_is_refused_at_import(tmp_path, negotiation, capsys):
    path = word_file(tmp_path / "draft.docx",
                     draft_body(PP1, f"OP1 {decides(MAX_BRACKET_DEPTH + 1)}", OP2))
    line = refused(capsys, negotiation, "import", str(path), "--doc", "NEW/1")
    assert "(OP1): the paragraph nests square brackets 33 deep" in line


def json_file(tmp_path, amendments) -> str:
    path = tmp_path / "eu.json"
    path.write_text(json.dumps({"document": SYMBOL, "delegation": "EU",
                                "revision": "Zero draft", "amendments": amendments}),
                    encoding="utf-8")
    return path


def test_the_probe_json_new_paragraph_is_refused_at_submit(tmp_path, negotiation, capsys):
    path = json_file(tmp_path, [
        {"paragraph": "OP1", "replace": "submit", "with": "present"},
        {"paragraph": "OP1", "new_paragraph": decides(49_000)},
        {"paragraph": "OP2", "replace": "include", "with": nested(MAX_BRACKET_DEPTH + 1)}])
    with pytest.raises(SubmissionError) as refusal:
        load_submission(path, DOCUMENT)
    advice = "take out the brackets that stand inside others"
    assert refusal.value.problems == [
        f"{path}, amendment 2 (OP1): 'new_paragraph' nests square brackets 49,000 deep, "
        f"{TOO_DEEP}; {advice}",
        f"{path}, amendment 3 (OP2): 'with' nests square brackets 33 deep, {TOO_DEEP}; "
        f"{advice}"]
    line = refused(capsys, negotiation, "submit", SYMBOL, str(path), "--yes")
    assert line == f"drafting: {path}: 2 problems; nothing was recorded"


def test_a_json_new_paragraph_as_deep_as_allowed_is_read(tmp_path):
    path = json_file(tmp_path, [{"paragraph": "OP1",
                                 "new_paragraph": decides(MAX_BRACKET_DEPTH)}])
    [amendment] = load_submission(path, DOCUMENT)[1]
    assert amendment.new_text == decides(MAX_BRACKET_DEPTH)


def test_an_amendment_typed_in_too_deep_is_refused(negotiation, capsys):
    deep = decides(MAX_BRACKET_DEPTH + 1)
    with pytest.raises(AmendmentError, match=r"^OP1: the text of 'alternative' nests "
                       r"square brackets 33 deep, more than the 32 levels"):
        draft_amendment(DOCUMENT.current, Proposal("OP1", alternative=deep),
                        id="EU-1", proponents=["EU"])
    line = refused(capsys, negotiation, "amend", SYMBOL, "OP1", "-d", "EU",
                   "--new-paragraph", deep, "--yes")
    assert line.startswith("drafting: OP1: the text of 'new_paragraph' nests square "
                           "brackets 33 deep")


def test_a_word_copy_with_a_paragraph_too_deep_is_refused(tmp_path, negotiation, capsys):
    op1 = OP1[:-1] + " " + nested(MAX_BRACKET_DEPTH + 1, "now") + ";"
    path = word_file(tmp_path / "eu.docx", draft_body(PP1, op1, OP2))
    with pytest.raises(LimitError, match=rf"^{path}, paragraph 2 \(OP1\): the paragraph "
                       "nests square brackets 33 deep"):
        read_docx_submission(path, DOCUMENT, delegation="EU")
    refused(capsys, negotiation, "submit", SYMBOL, str(path), "--delegation", "EU", "--yes")
    allowed = OP1[:-1] + " " + nested(MAX_BRACKET_DEPTH - 1, "now") + ";"  # 1 + 31 deep
    path = word_file(tmp_path / "allowed.docx", draft_body(PP1, allowed, OP2))
    assert read_docx_submission(path, DOCUMENT, delegation="EU").amendments
