"""Labels never run out: 36 new paragraphs proposed after one paragraph go past ``vicies``
to ``OP3.21``, ``OP3.22``, ... and every command takes them, end to end on a real store:
submit, compile, merge (typed numbers in the secretariat's Word file), revise."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree
from test_workflow_commands import drafting

ROOT = Path(__file__).parents[2]
SYMBOL = "A/C.2/81/L.7"


def ok(db: Path, *args: str) -> str:
    result = drafting(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def submission(folder: Path, symbol: str, after: str, count: int) -> Path:
    path = folder / "eu.json"
    path.write_text(json.dumps({"document": symbol, "delegation": "EU", "amendments": [
        {"paragraph": after, "new_paragraph": f"Calls upon States, number {n};"}
        for n in range(1, count + 1)]}), encoding="utf-8")
    return path


def typed_numbers(path: Path) -> list[str]:
    """The numbers typed before the body's paragraphs ("3.21."), every change accepted."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    numbers = []
    for paragraph in root.iter(qn("w:p")):
        text = "".join("\t" if node.tag == qn("w:tab") else node.text or ""
                       for node in paragraph.iter(qn("w:t"), qn("w:tab"))).lstrip()
        if text[:1].isdigit() and "\t" in text:
            numbers.append(text.split("\t")[0])
    return numbers


def test_36_new_paragraphs_after_one_are_compiled_merged_and_renumbered(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(ROOT / "samples" / "docx" / "zero-draft.docx"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    recorded = ok(db, "submit", SYMBOL, str(submission(tmp_path, SYMBOL, "OP3", 36)), "--yes")
    assert "recorded 36 amendments" in recorded

    compiled = tmp_path / "c.md"
    ok(db, "compile", SYMBOL, "-o", str(compiled))
    text = compiled.read_text(encoding="utf-8")
    order = [text.index(f"**{label}**") for label in (
        "OP3", "OP3 bis", "OP3 vicies", "OP3.21", "OP3.22", "OP3.37", "OP4")]
    assert order == sorted(order)
    assert "**OP3.21** (EU) **Calls upon States, number 20;**" in text  # the file's order
    ok(db, "compile", SYMBOL, "-o", str(tmp_path / "c.docx"))
    ok(db, "compile", SYMBOL, "-o", str(tmp_path / "c.html"))

    merged = tmp_path / "merged.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged))
    typed = typed_numbers(merged)  # the secretariat's document, its numbers typed
    at = typed.index("3.")
    assert typed[at:at + 38] == ["3.", *(f"3 {s}." for s in (
        "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies",
        "decies", "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies",
        "sexdecies", "septdecies", "octodecies", "novodecies", "vicies")),
        *(f"3.{n}." for n in range(21, 38)), "4."]

    positions = json.loads(ok(db, "positions", SYMBOL, "--para", "op3.30", "--json"))
    assert [row["paragraph"] for row in positions["paragraphs"]] == ["OP3.30"]

    for n in range(1, 37):
        ok(db, "decide", f"A{n}", "accept")
    revised = ok(db, "revise", SYMBOL, "--label", "Rev.1")
    assert "  OP3 vicies -> OP22\n  OP3.21 -> OP23\n" in revised
    assert "  OP3.37 -> OP39\n  OP4 -> OP40\n" in revised
    assert "Calls upon States, number 20;" in ok(db, "show", SYMBOL, "--para", "OP23")
    rev1 = tmp_path / "Rev.1.docx"
    ok(db, "show", SYMBOL, "-o", str(rev1))
    numbers = typed_numbers(rev1)
    assert numbers == [f"{n}." for n in range(1, len(numbers) + 1)] and len(numbers) > 40
    ok(db, "verify")


def test_a_treaty_paragraph_goes_on_past_vicies_within_its_article(tmp_path):
    db, source = tmp_path / "s.db", tmp_path / "treaty.md"
    source.write_text((ROOT / "tests" / "data" / "treaty.md").read_text(encoding="utf-8"),
                      encoding="utf-8")
    ok(db, "init")
    ok(db, "import", str(source), "--doc", "BBNJ")
    ok(db, "delegation", "add", "EU")
    ok(db, "submit", "BBNJ", str(submission(tmp_path, "BBNJ", "1.2", 25)), "--yes")
    compiled = tmp_path / "c.md"
    ok(db, "compile", "BBNJ", "-o", str(compiled))
    text = compiled.read_text(encoding="utf-8")
    assert text.index("**1.2 vicies**") < text.index("**1.2.21**") < text.index("**1.2.26**")
    merged = tmp_path / "merged.docx"
    ok(db, "merge", "BBNJ", "-o", str(merged))
    typed = typed_numbers(merged)
    assert "2 vicies." in typed and typed.index("2 vicies.") + 1 == typed.index("2.21.")
    for n in range(1, 26):
        ok(db, "decide", f"A{n}", "accept")
    revised = ok(db, "revise", "BBNJ", "--label", "Rev.1")
    assert "  1.2 vicies -> 1.22\n  1.2.21 -> 1.23\n" in revised  # 1.1 bis was 1.2
    assert "Calls upon States, number 25;" in ok(db, "show", "BBNJ", "--para", "1.28")
