"""Hostile JSON submissions through `load_submission` and `drafting submit`.

Every problem is listed, each with the file, the amendment (counted from 1), its
paragraph and the field; the file is refused whole; nobody can submit in another
delegation's name; the store is unchanged.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from corpus import SYMBOL, fingerprint, refused_line, run_cli

from drafting.errors import ReaderError
from drafting.readers import SubmissionError, load_submission, read_text
from drafting.readers.textfile import MAX_BYTES

GOOD = {"paragraph": "OP1", "replace": "submit", "with": "present"}


def file_of(**fields) -> str:
    data = {"document": SYMBOL, "delegation": "EU", "amendments": [GOOD]}
    data.update(fields)
    return json.dumps(data)  # non-ASCII as \u escapes, as most tools write it


# name, file content, the lines that must be among the problems ("{f}" is the file)
REFUSED = [
    ("wrong-types-in-the-file",
     '{"document": 5, "delegation": ["EU"], "amendments": {"OP1": "x"}}',
     ["{f}: 'document' must be a text", "{f}: 'delegation' must be a text",
      "{f}: 'amendments' must be a list"]),
    ("wrong-types-in-amendments",
     file_of(amendments=[
         {"paragraph": 3, "delete": "report"},
         {"paragraph": "OP1", "replace": True, "with": None},
         {"paragraph": "OP1", "delete": "report", "occurrence": "2"},
         {"paragraph": "OP1", "retain": True, "supporters": "USA", "reason": 7},
         "OP1 delete report"]),
     ["{f}, amendment 1: 'paragraph' must be a text",
      "{f}, amendment 2 (OP1): 'replace' must be a text",
      "{f}, amendment 2 (OP1): 'with' must be a text",
      "{f}, amendment 3 (OP1): 'occurrence' must be a whole number",
      "{f}, amendment 4 (OP1): 'supporters' must be a list",
      "{f}, amendment 4 (OP1): 'reason' must be a text",
      "{f}, amendment 5: the amendment must be an object"]),
    ("unknown-fields",
     file_of(proponents=["USA"], amendments=[
         {**GOOD, "delegation": "USA"}, {"paragraph": "OP2", "replce": "item", "with": "x"}]),
     ["{f}: unknown field 'proponents'",
      "{f}, amendment 1 (OP1): unknown field 'delegation'",
      "{f}, amendment 2 (OP2): unknown field 'replce' (did you mean 'replace'?)"]),
    ("missing-fields",
     '{"amendments": [{"delete": "report"}, {"paragraph": "OP1"}]}',
     ["{f}: 'document' is missing", "{f}: 'delegation' is missing",
      "{f}, amendment 1: 'paragraph' is missing",
      "{f}, amendment 2 (OP1): the amendment asks for nothing"]),
    ("delegation-given-twice",
     f'{{"document": "{SYMBOL}", "delegation": "EU", "delegation": "USA", '
     f'"amendments": [{json.dumps(GOOD)}]}}',
     ["{f}: 'delegation' is given more than once; give it once"]),
    ("unknown-delegation", file_of(delegation="XYZ"),
     ["{f}: the delegation 'XYZ' is not known in this negotiation"]),
    ("another-document", file_of(document="A/C.2/81/L.8"),
     [f"{{f}}: the file is for document 'A/C.2/81/L.8', not {SYMBOL}"]),
    ("one-bad-amendment-refuses-all",
     file_of(amendments=[GOOD, {"paragraph": "OP2", "delete": "not in the text"}]),
     ["{f}, amendment 2 (OP2): the text 'not in the text' does not occur in the paragraph"]),
    ("nul-and-surrogate",
     file_of(submitted_by="J\u0000ane", amendments=[{**GOOD, "with": "pre\ud800sent"}]),
     ["{f}: 'submitted_by', character 1: U+0000 (NUL) is not text",
      "{f}, amendment 1 (OP1): 'with', character 3: U+D800 (half of a UTF-16 surrogate pair)"]),
]


@pytest.fixture(scope="module")
def document():
    from corpus import DRAFT
    return read_text(DRAFT).to_document(SYMBOL)


@pytest.mark.parametrize(("name", "content", "lines"), REFUSED, ids=[c[0] for c in REFUSED])
def test_every_problem_is_listed_and_nothing_recorded(name, content, lines, tmp_path, document,
                                                      negotiation, capsys):
    path = tmp_path / f"{name}.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SubmissionError) as caught:
        load_submission(path, document, delegations={"EU", "G77", "USA"})
    problems = caught.value.problems
    for line in lines:
        wanted = line.format(f=path)
        assert any(problem.startswith(wanted) for problem in problems), (wanted, problems)
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    count = len(problems)
    assert refused_line(outcome) == (
        f"drafting: {path}: {count} problem{'s' * (count > 1)}; nothing was recorded")
    for line in lines:
        assert line.format(f=path).split("(")[0] in outcome.err
    assert fingerprint(negotiation) == before


UNREADABLE = [
    ("not-json", b'{"document": "A", "amendments": [1, 2,]}', "line 1, column 39: not valid JSON"),
    ("empty", b"", "the file is empty"),
    ("not-utf8", b'{"document": "\xff"}', "byte 14 is not UTF-8"),
    ("too-deep", b"[" * 100_000 + b"]" * 100_000, "the JSON is nested too deeply"),
    ("huge-number", file_of(amendments=[{**GOOD, "occurrence": 0}]).replace(
        '"occurrence": 0', '"occurrence": ' + "9" * 5000).encode(),
     "not a usable JSON submission (a number of 5,000 digits)"),
]


@pytest.mark.parametrize(("name", "content", "phrase"), UNREADABLE,
                         ids=[c[0] for c in UNREADABLE])
def test_an_unreadable_file_is_refused_in_one_line(name, content, phrase, tmp_path, document,
                                                   negotiation, capsys):
    path = tmp_path / f"{name}.json"
    path.write_bytes(content)
    with pytest.raises(ReaderError) as caught:
        load_submission(path, document)
    assert str(caught.value).startswith(f"{path}")
    assert phrase in str(caught.value)
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert phrase in refused_line(outcome)
    assert fingerprint(negotiation) == before


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path, document):
    path = tmp_path / "large.json"
    with path.open("wb") as stream:  # sparse: nothing is written to disk
        stream.truncate(MAX_BYTES + 1)
    with pytest.raises(ReaderError, match="more than the 50 MB a reader takes"):
        load_submission(path, document)


# Nobody speaks in another's name


def test_a_file_of_another_delegation_is_refused_under_its_flag(tmp_path, negotiation, capsys):
    path = tmp_path / "usa.json"
    path.write_text(file_of(delegation="USA"), encoding="utf-8")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--delegation", "EU", "--yes",
                      "--db", negotiation)
    assert refused_line(outcome) == (
        f"drafting: {path}: the file is the submission of USA, not of EU")
    assert fingerprint(negotiation) == before


def test_proponents_cannot_be_set_in_the_file(tmp_path, document):
    """The proponent is the file's delegation, and only that: an amendment cannot name
    others as proponents, and supporters must be known delegations."""
    path = tmp_path / "eu.json"
    path.write_text(file_of(amendments=[{**GOOD, "proponents": ["USA"]},
                                        {**GOOD, "supporters": ["USA", "ZZZ"]}]))
    with pytest.raises(SubmissionError) as caught:
        load_submission(path, document, delegations={"EU", "USA"})
    assert caught.value.problems == [
        f"{path}, amendment 1 (OP1): unknown field 'proponents'",
        f"{path}, amendment 2 (OP1): the supporter 'ZZZ' is not known in this negotiation "
        "(known: EU, USA; add the delegation first if it is new)"]


def test_unknown_supporters_refuse_the_file(tmp_path, negotiation, capsys):
    path = tmp_path / "eu.json"
    path.write_text(file_of(amendments=[{**GOOD, "supporters": ["USA", "ZZZ"]}]))
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {path}: 1 problem; nothing was recorded"
    assert f"{path}, amendment 1 (OP1): the supporter 'ZZZ' is not known" in outcome.err
    assert fingerprint(negotiation) == before


def test_one_bad_file_among_several_records_none(tmp_path, negotiation, capsys):
    good, bad = tmp_path / "eu.json", tmp_path / "g77.json"
    good.write_text(file_of())
    bad.write_text(file_of(delegation="G77", amendments=[{"paragraph": "OP9", "delete": "x"}]))
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(good), str(bad), "--yes",
                      "--db", negotiation)
    assert refused_line(outcome).startswith("drafting: 1 file of 2 cannot be submitted; "
                                            "nothing was recorded")
    assert f"  {bad}: 1 problem" in outcome.err  # the file, then what is wrong in it
    assert "amendment 1 (OP9): there is no such paragraph" in outcome.err
    assert fingerprint(negotiation) == before
    outcome = run_cli(capsys, "submit", SYMBOL, str(good), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err  # the good one alone goes through
    assert fingerprint(negotiation) != before


def test_a_real_process_lists_the_problems_without_a_traceback(tmp_path, negotiation):
    path = tmp_path / "eu.json"
    path.write_text(file_of(proponents=["USA"], amendments=[{"paragraph": 3}]))
    before = fingerprint(negotiation)
    result = subprocess.run(
        [sys.executable, "-m", "drafting_cli", "submit", SYMBOL, str(path), "--yes"],
        capture_output=True, text=True, timeout=120,
        env=dict(os.environ, DRAFTING_DB=negotiation))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"drafting: {path}: 3 problems; nothing was recorded"
    assert lines[1:] == [f"{path}: unknown field 'proponents'",
                         f"{path}, amendment 1: 'paragraph' must be a text",
                         f"{path}, amendment 1: the amendment asks for nothing: give one of "
                         "'replace' (with 'with'), 'delete', 'insert' (with 'after' or "
                         "'before'), 'new_paragraph', 'delete_paragraph', 'alternative', "
                         "'retain' or 'bracket'"]
    assert fingerprint(negotiation) == before



def test_a_name_for_who_submitted_past_a_name_s_length_is_refused(tmp_path, document):
    """A 118 KB file with 300 small changes and a 100,000-character "submitted_by" grew
    the store by 60 MB: the name is copied into every amendment's row."""
    data = json.loads(file_of(amendments=[GOOD] * 3))
    path = tmp_path / "eu.json"
    path.write_text(json.dumps({**data, "submitted_by": "x" * 201}), encoding="utf-8")
    with pytest.raises(SubmissionError) as caught:
        load_submission(path, document, delegations={"EU"})
    assert any("submitted_by" in problem for problem in caught.value.problems)
    path.write_text(json.dumps({**data, "submitted_by": "Jane Doe, Permanent Mission"}),
                    encoding="utf-8")
    _, amendments = load_submission(path, document, delegations={"EU"})
    assert {a.submitted_by for a in amendments} == {"Jane Doe, Permanent Mission"}


def test_an_occurrence_of_thousands_of_digits_is_not_echoed(tmp_path, negotiation, capsys):
    """An "occurrence" JSON reads as a number of 4,300 digits (the most Python turns into
    text) was echoed whole, burying the message."""
    path = tmp_path / "huge-occurrence.json"
    path.write_text(file_of(amendments=[{"paragraph": "OP1", "delete": "re",
                                         "occurrence": 1}]).replace(
        '"occurrence": 1', '"occurrence": ' + "9" * 4300), encoding="utf-8")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    refused_line(outcome)
    assert "there is no occurrence of 4,300 digits (occurrences are numbered 1 to " \
        in outcome.err
    assert "9" * 20 not in outcome.err
    assert max(len(line) for line in outcome.err.splitlines()) < 300
    assert fingerprint(negotiation) == before
