"""An item a secretariat inserted inside a list Word letters "(a)", "(b)", ..., typing its
label "(a bis)<tab>" on it, end to end. Word still shows its own "(b)" before it, and the
import read both: "(b) (a bis)<tab>further ...", the items after it lettered on ("(c)").
The typed label is the item's number: Word's is not prepended nor counted, the items
after keep their letters; a delegation's copy amends it; the merged draft and Rev.1 keep
the document's numbering (each item in Word's list, Rev.1's "(b)" Word's own, not typed)."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import word_lettered

from drafting.readers import read_draft

SYMBOL = "A/C.5/80/L.12"
NEW = "To welcome the further report of the Advisory Committee;"
DECISION = ["United Nations", SYMBOL, "Financing of the United Nations Interim Force",
            "The General Assembly, having considered the report of the Secretary-General, "
            "decides:", "#To take note of the report of the Secretary-General;",
            f"#(a bis)\t{NEW}", "#To authorize commitments not exceeding [50 million];",
            "#To consider the question further at its resumed session."]
RESOLUTION = ["United Nations", SYMBOL, "Financing of the United Nations Interim Force",
              "The General Assembly,", "Recalling its resolution 79/1,",
              "1.\tWelcomes the report of the Secretary-General;",
              "2.\tRequests the Secretary-General:",
              "#To report on the use of the commitment authority;", f"#(a bis)\t{NEW}",
              "#To ensure full implementation of the relevant provisions;",
              "3.\tDecides to remain seized of the matter."]
LAYOUTS = {"a decision's items": (DECISION, "OP1 bis"), "a paragraph's list": (RESOLUTION,
                                                                                "OP2")}


def _ok(db, *args):
    done = drafting(db, *args)
    assert done.returncode == 0 and "own layout" not in done.stderr, (args, done.stderr)
    return done.stdout


def _listed(path: Path) -> list[tuple[bool, str]]:
    """Each paragraph from the first Word numbers: whether Word numbers it, and its text
    (tracked insertions and deletions both, a deletion in ~tildes~)."""
    out = []
    for paragraph in docx.Document(str(path)).paragraphs:
        numbered = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
        text = "".join("\t" if e.tag == qn("w:tab") else f"~{e.text}~"
                       if e.tag == qn("w:delText") else e.text or ""
                       for e in paragraph._p.iter(qn("w:t"), qn("w:tab"), qn("w:delText")))
        if numbered or out:
            out.append((numbered, text))
    return out


@pytest.mark.parametrize(("lines", "label"), LAYOUTS.values(), ids=LAYOUTS)
def test_a_typed_bis_item_in_a_word_list_is_negotiated_and_revised(tmp_path, lines, label):
    db, source = tmp_path / "s.db", word_lettered(tmp_path / "L12.docx", lines)
    _ok(db, "init")
    _ok(db, "import", str(source), "--doc", SYMBOL)
    _ok(db, "delegation", "add", "EU")
    shown = _ok(db, "show", SYMBOL, "--para", label)
    assert NEW in shown and "(b) (a bis)" not in shown
    if label == "OP2":  # a line, its typed label its number; the item after it keeps "(b)"
        assert f"(a bis) {NEW}" in " ".join(shown.split()) and "(b) To ensure" in shown
    else:  # OP1 bis, as typed; the item after it keeps Word's "(b)": OP2
        assert "To authorize" in _ok(db, "show", SYMBOL, "--para", "OP2")
    untouched = drafting(db, "submit", SYMBOL, str(source), "-d", "EU", "--dry-run")
    assert "no change found" in untouched.stderr
    copy = docx.Document(str(source))
    bis = next(p for p in copy.paragraphs if NEW in p.text)
    bis.runs[0].text = bis.runs[0].text.replace("further", "second")
    copy.save(str(tmp_path / "eu.docx"))
    assert f"{label}: replace 'further' -> 'second'" in _ok(
        db, "submit", SYMBOL, str(tmp_path / "eu.docx"), "-d", "EU", "--yes")
    _ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    merged = _listed(tmp_path / "merged.docx")
    assert (True, f"(a bis)\t{NEW.replace('further', '~further~second')}") in merged
    assert [numbered for numbered, _ in merged[:3]] == [True] * 3  # as in the draft
    _ok(db, "decide", "A1", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    _ok(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    revised = _listed(tmp_path / "rev1.docx")[:3]
    assert revised[1] == (True, NEW.replace("further", "second"))  # Word's "(b)" alone
    assert [numbered for numbered, _ in revised] == [True] * 3
    read = read_draft(tmp_path / "rev1.docx").paragraphs
    if label == "OP2":
        assert read[2].text.split("\n")[1:] == [
            "(a) To report on the use of the commitment authority;",
            f"(b) {NEW.replace('further', 'second')}",
            "(c) To ensure full implementation of the relevant provisions;"]
    else:
        assert [p.label for p in read] == ["OP1", "OP2", "OP3", "OP4"]


def test_a_new_item_after_a_typed_bis_item_shows_its_typed_label_alone(tmp_path):
    """A new item proposed after "(a bis)" took that item's form whole: typed "(a ter)"
    on a paragraph Word letters, Word showed "(c) (a ter)" and lettered the items after
    it on. Its typed label is its number (Word's list leaves it); Rev.1 letters it."""
    db, source = tmp_path / "s.db", word_lettered(tmp_path / "L12.docx", DECISION)
    _ok(db, "init")
    _ok(db, "import", str(source), "--doc", SYMBOL)
    _ok(db, "delegation", "add", "EU")
    words = "To request a further report;"
    _ok(db, "amend", SYMBOL, "OP1 bis", "-d", "EU", "--new-paragraph", words, "--yes")
    _ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert _listed(tmp_path / "merged.docx")[1:4] == [
        (True, f"(a bis)\t{NEW}"), (False, f"(a ter)\t{words}"),
        (True, "To authorize commitments not exceeding [50 million];")]
    _ok(db, "decide", "A1", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    _ok(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert _listed(tmp_path / "rev1.docx")[1:3] == [(True, NEW), (True, words)]
