"""Hostile Word files through every entry point that takes one.

Each file of the corpus is refused by the draft reader and by the submission reader
with a ReaderError that names the file and what is wrong, in one line; on the command
line (`drafting import`, `drafting submit`) it exits 1 with that line and no
traceback, and the store is unchanged. Big but honest files - thousands of
paragraphs, a run as long as a paragraph may be - are read correctly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from corpus import (
    HOSTILE_DOCX,
    SYMBOL,
    Hostile,
    draft_body,
    fingerprint,
    paragraph,
    refused_line,
    run_cli,
    word_file,
)

from drafting.errors import ReaderError
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.readers import read_docx_submission, read_draft, read_text
from drafting.store import open_store


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory) -> dict[str, Path]:
    """Every hostile file of the corpus, built once (they are only ever read)."""
    folder = tmp_path_factory.mktemp("hostile")
    return {case.name: case.build(folder) for case in HOSTILE_DOCX}


@pytest.fixture(scope="module")
def shared(_negotiation_file) -> str:
    """The module's store itself: every test here must leave it as it was."""
    return f"sqlite:///{_negotiation_file}"


def check_message(message: str, path: Path, case: Hostile) -> None:
    assert case.phrase in message
    assert str(path) in message
    assert "\n" not in message
    assert "root:" not in message  # nothing of /etc/passwd leaks into a message


@pytest.mark.parametrize("case", HOSTILE_DOCX, ids=str)
def test_the_draft_reader_refuses(case, hostile_files):
    path = hostile_files[case.name]
    before = path.read_bytes()
    with pytest.raises(ReaderError) as caught:
        read_draft(path)
    check_message(str(caught.value), path, case)
    assert path.read_bytes() == before


@pytest.mark.parametrize("case", HOSTILE_DOCX, ids=str)
def test_the_submission_reader_refuses(case, hostile_files):
    path = hostile_files[case.name]
    document = read_text("OP1 Decides;").to_document(SYMBOL)
    with pytest.raises(ReaderError) as caught:
        read_docx_submission(path, document, delegation="EU")
    check_message(str(caught.value), path, case)


@pytest.mark.parametrize("case", HOSTILE_DOCX, ids=str)
def test_import_refuses_and_the_store_is_unchanged(case, hostile_files, shared, capsys):
    path = hostile_files[case.name]
    before = fingerprint(shared)
    line = refused_line(run_cli(capsys, "import", str(path), "--doc", "NEW/1", "--db", shared))
    check_message(line, path, case)
    assert fingerprint(shared) == before


@pytest.mark.parametrize("case", HOSTILE_DOCX, ids=str)
def test_submit_refuses_and_the_store_is_unchanged(case, hostile_files, shared, capsys):
    path = hostile_files[case.name]
    before = fingerprint(shared)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--delegation", "EU", "--yes",
                      "--db", shared)
    check_message(refused_line(outcome), path, case)
    assert fingerprint(shared) == before


def test_a_real_process_prints_one_line_and_no_traceback(hostile_files, shared):
    path = hostile_files["billion-laughs"]
    before = fingerprint(shared)
    result = subprocess.run(
        [sys.executable, "-m", "drafting_cli", "import", str(path), "--doc", "NEW/1"],
        capture_output=True, text=True, timeout=120, env=dict(os.environ, DRAFTING_DB=shared))
    assert result.returncode == 1
    assert result.stderr.startswith(f"drafting: {path}: part word/document.xml contains a "
                                    "document type declaration")
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    assert fingerprint(shared) == before


# Big but honest


def test_thousands_of_paragraphs_are_imported_whole(tmp_path, negotiation, capsys):
    count = 2000
    path = word_file(tmp_path / "long.docx", draft_body(
        *(f"OP{n} Decides that item {n} is considered at session {n % 17};"
          for n in range(1, count + 1))))
    result = read_draft(path)
    assert [p.label for p in result.paragraphs] == [f"OP{n}" for n in range(1, count + 1)]
    assert result.paragraphs[-1].text == (
        f"Decides that item {count} is considered at session {count % 17};")
    outcome = run_cli(capsys, "import", str(path), "--doc", "LONG/1", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    assert f"imported LONG/1: {count} paragraphs" in outcome.out
    with open_store(negotiation) as store:
        assert len(store.document("LONG/1").current) == count


def test_an_edited_copy_of_thousands_of_unlabelled_paragraphs_is_matched_in_order(tmp_path):
    """Without labels, paragraphs are matched by similarity among the next ones; the
    file is read whole (this once took minutes: quadratic matching)."""
    count = 1000
    texts = [f"Decides that item {n} shall be considered at session {n % 17};"
             for n in range(1, count + 1)]
    document = read_text("\n\n".join(f"OP{n} {t}" for n, t in enumerate(texts, 1))
                         ).to_document("LONG/2")
    word = docx.Document()
    for text in texts:
        word.add_paragraph(text.replace("shall", "should"))
    word.save(str(tmp_path / "edited.docx"))
    read = read_docx_submission(tmp_path / "edited.docx", document, delegation="EU")
    assert len(read.amendments) == count
    assert [a.paragraph_id for a in read.amendments] == [p.id for p in document.current]
    assert {(a.old_text, a.new_text) for a in read.amendments} == {("shall", "should")}


def test_a_run_as_long_as_a_paragraph_may_be_is_read_whole_and_amended_at_its_end(
        tmp_path, negotiation, capsys):
    """One run of exactly `MAX_PARAGRAPH_CHARS` (it was a megabyte before the input limits:
    past the limit a paragraph is refused, tests/hostile/test_limits.py)."""
    room = MAX_PARAGRAPH_CHARS - len("OP1 Decides  at once;")  # its label counts too
    words = " ".join(f"measure{n % 5000}" for n in range(room // 8))[:room].rstrip()
    words += "x" * (room - len(words))
    path = word_file(tmp_path / "run.docx", paragraph(f"OP1 Decides {words} at once;"))
    [read] = read_draft(path).paragraphs
    assert read.text == f"Decides {words} at once;"
    assert len(f"OP1 {read.text}") == MAX_PARAGRAPH_CHARS
    assert run_cli(capsys, "import", str(path), "--doc", "RUN/1", "--db", negotiation).code == 0
    submission = tmp_path / "eu.json"
    submission.write_text('{"document": "RUN/1", "delegation": "EU", "amendments": ['
                          '{"paragraph": "OP1", "replace": "at once", "with": "in time"}]}')
    outcome = run_cli(capsys, "submit", "RUN/1", str(submission), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        [amendment] = store.amendments("RUN/1")
    assert amendment.span is not None
    assert read.text[amendment.span.start:amendment.span.end] == "at once"
    assert amendment.span.end == len(read.text) - 1
    out = tmp_path / "compilation.md"
    assert run_cli(capsys, "compile", "RUN/1", "-o", str(out), "--db", negotiation).code == 0
    assert "~~at once~~" in out.read_text(encoding="utf-8")
