"""From the command line, end to end: the same change typed over different words, as Word
and LibreOffice track typing over a selection (the selection deleted, the new words
inserted). It is one proposal, credited to all who made it, and taken once
(`drafting.engine.equivalent`); a copy of the zero draft retyping a change Rev.1 made
does not propose it again."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree
from test_copy_identity_commands import SYMBOL, _draft
from test_workflow_commands import drafting, ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from merged_answers import answered

OP2 = "Requests the Secretary-General to submit a report{} on the implementation"


def _typed_over(source: Path, path: Path, author: str, *changes: tuple[str, str]) -> Path:
    """``source`` saved at ``path`` with each (old, new) of ``changes`` typed over with
    Track Changes by ``author``: ``old`` deleted, ``new`` inserted after it."""
    word = docx.Document(str(source))
    for number, (old, new) in enumerate(changes, 1):
        text = next(t for t in word.element.body.iter(qn("w:t")) if old in (t.text or ""))
        run = text.getparent()
        assert run[-1] is text, "the words stand last in their run"
        cut = text.text.index(old)
        rest, text.text = text.text[cut + len(old):], text.text[:cut]
        for at, (tag, words) in enumerate((("w:del", old), ("w:ins", new), ("", rest))):
            part = etree.Element(qn("w:r"))
            etree.SubElement(part, qn("w:delText" if tag == "w:del" else "w:t")).text = words
            for piece in part:
                piece.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if tag:
                mark = etree.Element(qn(tag), {qn("w:id"): f"{number}{at}",
                                               qn("w:author"): author,
                                               qn("w:date"): "2026-11-20T10:00:00Z"})
                mark.append(part)
                part = mark
            run.addnext(part)
            run = part
    word.save(str(path))
    return path


def _store(tmp_path: Path) -> tuple[Path, Path]:
    db, base = tmp_path / "s.db", _draft(tmp_path / "zero.docx")
    ok(db, "init")
    ok(db, "import", str(base), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    return db, base


def _submit(db: Path, path: Path, code: str) -> str:
    done = drafting(db, "submit", SYMBOL, str(path), "--delegation", code, "--yes")
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_the_same_change_typed_over_different_words_is_one_proposal_taken_once(tmp_path):
    """It was two changes, "-{submit a report}- +{submit a report annually}+ (USA)
    -{on the}- +{annually on the}+ (EU)", and accepted both, "annually annually"."""
    db, base = _store(tmp_path)
    _submit(db, _typed_over(base, tmp_path / "eu.docx", "EU",
                            (" on the implementation", " annually on the implementation")), "EU")
    _submit(db, _typed_over(base, tmp_path / "usa.docx", "USA",
                            ("submit a report", "submit a report annually")), "USA")
    listed = ok(db, "amendments", SYMBOL)  # each as its delegation submitted it
    assert "'submit a report' -> 'submit a report annually'" in listed
    assert "replace 'on the implementation' -> ' annually on the" in listed

    ok(db, "compile", SYMBOL, "-o", str(tmp_path / "compilation.txt"))
    (line,) = [t for t in (tmp_path / "compilation.txt").read_text().splitlines()
               if "Secretary-General" in t]
    assert OP2.format(" +{annually}+ (EU, USA)") in line and "-{" not in line

    merged = tmp_path / "merged.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged))
    accepted = answered(merged, tmp_path / "accepted.docx", {"EU, USA"})
    (text,) = [p.text for p in docx.Document(str(accepted)).paragraphs if "Secretary" in p.text]
    assert OP2.format(" annually") in text and text.count("annually") == 1

    ok(db, "decide", "A1", "accept")
    ok(db, "decide", "A2", "accept")
    revised = ok(db, "revise", SYMBOL, "--label", "Rev.1", "--dry-run")
    assert "annually annually" not in revised and " ".join(revised.split()).count(
        OP2.format(" annually")) == 1


def test_a_copy_of_the_zero_draft_retyping_a_change_rev1_made_does_not_propose_it_again(
        tmp_path):
    """USA's copy of the zero draft, sent after Rev.1 took the EU's change, makes it again
    (typed over) and one of its own: the change was recorded again in USA's name, and
    accepted, Rev.2 read "a report annually annually"."""
    db, base = _store(tmp_path)
    retyped = ("submit a report", "submit a report annually")
    _submit(db, _typed_over(base, tmp_path / "eu.docx", "EU", retyped,
                            ("existing resources", "available resources")), "EU")
    ok(db, "decide", "A1", "accept")
    ok(db, "decide", "A2", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")

    usa = _typed_over(base, tmp_path / "usa.docx", "USA", retyped,
                      ("upon all States", "upon all Member States"))
    warned = _submit(db, usa, "USA")
    assert "the file is a copy of Zero draft, not of Rev.1" in warned
    assert "its change to OP2 is in Rev.1 already (accepted since, it may be): not proposed " \
        "again" in " ".join(warned.split())
    listed = ok(db, "amendments", SYMBOL, "--status", "submitted")
    assert "'upon all States' -> 'upon all Member States'" in listed and "1 amendment" in listed

    ok(db, "decide", "A3", "accept")
    revised = " ".join(ok(db, "revise", SYMBOL, "--label", "Rev.2", "--dry-run").split())
    assert OP2.format(" annually") in revised and "annually annually" not in revised
    assert "upon all Member States to become" in revised
