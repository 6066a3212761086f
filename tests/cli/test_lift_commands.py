"""A delegation agreeing to bracketed text lifts its brackets: one proposal, "lift the
brackets", however it is made (a copy with the "[" and "]" taken away, or `amend`), shown
so in the list, the compilation and the merged draft, and taken by the revision. It was
two deletions, of "[" and of "]"."""

from __future__ import annotations

import zipfile

import docx
from test_workflow_commands import drafting

DRAFT = """# Oceans

The General Assembly,

1. Decides to act [promptly] on the recommendations;

2. [Requests the Secretary-General to submit a report;]
"""


def test_brackets_taken_away_in_a_copy_are_one_proposal_to_lift_them(tmp_path):
    db, draft, copy = tmp_path / "s.db", tmp_path / "d.md", tmp_path / "eu.docx"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "USA"), ("show", "A/1", "-o", str(copy))):
        assert drafting(db, *args).returncode == 0, args
    word = docx.Document(str(copy))
    for paragraph in word.paragraphs:  # the EU agrees OP2 and "promptly": brackets gone
        for run in paragraph.runs:
            run.text = run.text.replace("[Requests", "Requests").replace("report;]", "report;")
            run.text = run.text.replace("[promptly]", "promptly")
    word.save(str(copy))
    sent = drafting(db, "submit", "A/1", str(copy), "--delegation", "EU", "--yes")
    assert sent.returncode == 0, sent.stderr
    assert "OP2: lift the brackets of the paragraph  (EU)" in sent.stdout
    assert "OP1: lift the brackets around 'promptly'  (EU)" in sent.stdout
    assert "warning" not in sent.stderr
    listed = drafting(db, "amendments", "A/1").stdout.splitlines()
    assert len(listed) == 3 and listed[-1] == "2 amendments"
    assert drafting(db, "amend", "A/1", "OP2", "-d", "USA", "--replace", "submit", "--with",
                    "present", "--yes").returncode == 0
    assert drafting(db, "compile", "A/1", "-o", str(tmp_path / "c.md")).returncode == 0
    compiled = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "~~[~~ (EU)Requests the Secretary-General to ~~submit~~ **present** (USA) a " \
        "report;~~]~~ (EU)" in compiled  # the USA's change stands on its words
    assert "~~[~~promptly ~~]~~ (EU)" in compiled
    assert drafting(db, "merge", "A/1", "-o", str(tmp_path / "m.docx")).returncode == 0
    with zipfile.ZipFile(tmp_path / "m.docx") as package:
        body = package.read("word/document.xml").decode()
    assert body.count('w:author="EU"') == 4 and body.count(">[</w:delText>") == 2
    for args in (("decide", "A1", "accept"), ("decide", "A2", "accept"),
                 ("decide", "A3", "accept"), ("revise", "A/1", "--label", "Rev.1")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    shown = " ".join(drafting(db, "show", "A/1").stdout.split())
    assert "Decides to act promptly on the recommendations;" in shown
    assert "Requests the Secretary-General to present a report;" in shown
    assert "[" not in shown


def test_amend_replacing_a_bracket_by_its_words_is_a_lift_and_half_a_bracket_is_refused(
        tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU")):
        assert drafting(db, *args).returncode == 0, args
    lift = drafting(db, "amend", "A/1", "OP1", "-d", "EU", "--replace", "[promptly]",
                    "--with", "promptly", "--dry-run")
    assert "OP1: lift the brackets around 'promptly'  (EU)" in lift.stdout
    half = drafting(db, "amend", "A/1", "OP2", "-d", "EU", "--delete", "[", "--dry-run")
    assert half.returncode != 0 and "unbalanced" in half.stderr
