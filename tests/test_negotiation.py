"""The main job: the sample negotiation, zero draft to Rev.2, on the command line only.

`samples/negotiate.py` (what `make demo` runs) plays it, one `drafting` process per
step; here every file it leaves is opened and checked, and the store it built is read
back through the command line.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import jsonschema
import pytest

from drafting.engine import bracket_report
from drafting.readers import read_draft

ROOT = Path(__file__).parents[1]
SYMBOL = "A/C.2/81/L.7"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> tuple[Path, str]:
    """The folder the story wrote into, and what it printed."""
    out = tmp_path_factory.mktemp("negotiation")
    done = subprocess.run([sys.executable, str(ROOT / "samples" / "negotiate.py"), str(out)],
                          capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr
    return out, done.stdout


def drafting(out: Path, *args: str) -> str:
    env = dict(os.environ, DRAFTING_DB=f"sqlite:///{out / 'negotiation.db'}")
    done = subprocess.run([sys.executable, "-m", "drafting_cli", *args], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def brackets_in(path: Path) -> int:
    return bracket_report(read_draft(path).paragraphs).total


def body_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def tracked(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(author, text) of every insertion and deletion in the document body."""
    with zipfile.ZipFile(path) as package:
        from lxml import etree

        root = etree.fromstring(package.read("word/document.xml"))
    insertions = [(e.get(f"{W}author"), "".join(e.itertext())) for e in root.iter(f"{W}ins")]
    deletions = [(e.get(f"{W}author"), "".join(t.text or "" for t in e.iter(f"{W}delText")))
                 for e in root.iter(f"{W}del")]
    return insertions, deletions


def test_every_promised_file_is_left_in_one_folder(story):
    out, printed = story
    sys.path.insert(0, str(ROOT / "samples"))
    try:
        from negotiate import OUTPUTS
    finally:
        sys.path.remove(str(ROOT / "samples"))
    for name in ("compilation.docx", "compilation.html", "merged.docx", "Rev.1.docx",
                 "Rev.2.docx"):
        assert name in OUTPUTS
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    assert f"Done. In {out.resolve()}/" in printed
    assert "$ drafting revise A/C.2/81/L.7 --label Rev.2" in printed
    record = json.loads((out / "A-C.2-81-L.7.json").read_text(encoding="utf-8"))
    assert record["head"]["signature"].startswith("ed25519:")
    assert f"{out / 'A-C.2-81-L.7.json'}: head #{record['head']['seq']}: signed with the " \
        "key" in printed


def test_each_revision_has_fewer_brackets(story):
    out, _ = story
    zero = brackets_in(ROOT / "samples" / "docx" / "zero-draft.docx")
    rev1, rev2 = brackets_in(out / "Rev.1.docx"), brackets_in(out / "Rev.2.docx")
    assert zero == 9 and rev1 == 5 and rev2 == 2
    report = json.loads(drafting(out, "brackets", SYMBOL, "--json"))
    assert report["total"] == rev2
    assert report["previous"] == {"revision": "Rev.1", "total": rev1}
    assert "(Rev.1: 5; 3 fewer)" in drafting(out, "brackets", SYMBOL)


def test_revision_files_hold_the_decided_text(story):
    out, _ = story
    rev1 = read_draft(out / "Rev.1.docx").to_document(SYMBOL).current
    rev2 = read_draft(out / "Rev.2.docx").to_document(SYMBOL).current
    # Rev.1: accepted proposals in, AOSIS's OP9 bis numbered OP10 (the rest moves down
    # one), the OP24 bracket settled on "present", OP22's inner bracket unbracketed, the
    # USA's deletion of OP23 rejected.
    assert len(rev1) == 41  # the chapeau is not a paragraph
    assert "emphasizing its universal and unified character" in rev1.by_label("PP3").text
    assert rev1.by_label("OP10").text.startswith("Recognizes that, once maritime zones")
    assert "take effective measures to prevent and combat" in rev1.by_label("OP11").text
    assert rev1.by_label("OP25").text.startswith("Requests the Secretary-General to present ")
    assert "[, including through voluntary contributions,]" in rev1.by_label("OP23").text
    zero = read_draft(ROOT / "samples" / "zero-draft.md").to_document(SYMBOL).current
    assert rev1.by_label("OP24").text == zero.by_label("OP23").text
    # Rev.2: the EU's bridge in PP15, G77's deletion in OP22, the USA's compromise in OP13,
    # "scale up" chosen in OP15, OP23 unbracketed, G77's bracket in OP7.
    assert "[" not in rev2.by_label("PP15").text
    assert "concessional and preferential terms where so agreed" in rev2.by_label("PP15").text
    assert "within existing resources" not in rev2.by_label("OP22").text
    assert "with their prior consent" in rev2.by_label("OP13").text
    assert "to scale up financial support" in rev2.by_label("OP15").text
    assert ", including through voluntary contributions, and" in rev2.by_label("OP23").text
    assert "[and encourages States to refrain" in rev2.by_label("OP7").text
    assert rev2.by_label("PP12").text.count("[") == 1
    # Rev.2 is the secretariat's own document, made from Rev.1's, made from the zero draft's
    assert "A/C.2/81/L.7/Rev.2" in body_text(out / "Rev.2.docx")
    with zipfile.ZipFile(ROOT / "samples" / "docx" / "zero-draft.docx") as zero, \
            zipfile.ZipFile(out / "Rev.2.docx") as rev2:
        assert zero.read("word/styles.xml") == rev2.read("word/styles.xml")
        assert b"A/C.2/81/L.7/Rev.2" in rev2.read("word/header1.xml")


def test_compilation_credits_every_delegation_however_it_submitted(story):
    out, _ = story
    text = body_text(out / "compilation.docx")
    for code in ("(EU)", "(USA)", "(JPN)", "(AOSIS)", "(G77)"):
        assert code in text, code
    assert "OP9 bis" in text and "OP9 ter" in text  # two new paragraphs after OP9

    class Words(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: list[str] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    page = Words()
    page.feed((out / "compilation.html").read_text(encoding="utf-8"))
    words = " ".join(page.text)
    assert {"ins", "del"} <= set(page.tags)
    assert "sea-level rise, ocean warming," in words and "(AOSIS" in words
    assert "transmit" in words  # G77's OP24 proposal, typed on the command line


def test_merged_document_has_real_tracked_changes_by_delegation(story):
    out, _ = story
    insertions, deletions = tracked(out / "merged.docx")
    authors = {a for a, _ in insertions + deletions}
    assert {"EU", "USA", "JPN", "AOSIS", "G77"} <= authors
    assert ("EU", "effective") in [(a, t.strip()) for a, t in insertions] or any(
        a == "EU" and "effective" in t for a, t in insertions)
    assert any(a == "USA" and "high-level" in t for a, t in deletions)
    if shutil.which("pandoc"):
        rejected = subprocess.run(["pandoc", "--track-changes=reject", "-t", "plain",
                                   "--wrap=none", str(out / "merged.docx")],
                                  capture_output=True, text=True, timeout=120, check=True)
        original = read_draft(ROOT / "samples" / "docx" / "zero-draft.docx").paragraphs
        flat = " ".join(rejected.stdout.split())
        for paragraph in original:
            assert " ".join(paragraph.text.split()) in flat, paragraph.label


def test_round_two_changes_show_as_tracked_changes(story):
    out, _ = story
    insertions, deletions = tracked(out / "changes-Rev.1-Rev.2.docx")
    inserted = " ".join(t for _, t in insertions)
    removed = " ".join(t for _, t in deletions)
    assert "where so agreed" in inserted
    assert "within existing resources" in removed
    page = (out / "compilation-Rev.1.html").read_text(encoding="utf-8")
    assert "Rev.1" in page and "voluntary and other contributions" in page


def test_export_follows_its_schema_and_keeps_the_whole_record(story):
    out, _ = story
    data = json.loads((out / "A-C.2-81-L.7.json").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [r["label"] for r in data["revisions"]] == ["Zero draft", "Rev.1", "Rev.2"]
    statuses = {a["status"] for a in data["amendments"]}
    assert statuses == {"accepted", "rejected", "withdrawn", "stale", "submitted"}
    withdrawn = {(a["proponents"][0], a["paragraph"]) for a in data["amendments"]
                 if a["status"] == "withdrawn"}
    assert withdrawn == {("G77", "OP24"), ("USA", "OP13")}
    typed_in_word = [a for a in data["amendments"] if a["proponents"] == ["USA"]
                     and a["paragraph"] == "OP13" and a["status"] == "accepted"]
    assert len(typed_in_word) == 1 and typed_in_word[0]["new_text"].strip() == "prior"
    kinds = [e["kind"] for e in data["events"]]
    assert kinds[0] == "import" and kinds.count("revise") == 2
    assert "the record is intact" in drafting(out, "verify")


def test_a_decision_taken_by_mistake_is_reopened_and_taken_again(story):
    """USA's deletion of OP23 is accepted by mistake, reopened with a note and rejected;
    both decisions stay in the log, and Rev.1 keeps OP23 (the last one applied)."""
    out, printed = story
    log = drafting(out, "log", SYMBOL)
    [reopened] = [line for line in log.splitlines() if " reopened: " in line]
    amendment = reopened.split("  ")[-1].split()[0]
    decided = [line.split("  ")[-1] for line in log.splitlines()
               if " decide " in line and f" {amendment} " in line + " "]
    assert decided == [f"{amendment} accepted", f"{amendment} reopened: accepted by mistake",
                       f"{amendment} rejected: no consensus to delete"]
    assert f"{amendment}: reopened, submitted again" in printed


def test_the_g77s_amendment_to_the_eus_proposed_paragraph_is_shown_under_it(story):
    """The G77 amends the words of the EU's OP9 bis: shown under it in both rounds'
    compilations, as a comment by the G77 in the merged draft, pending with its proposal."""
    out, _ = story
    text = body_text(out / "compilation.docx")
    nested = text.index("Amendment to the proposal of EU (A3): Encourages States")
    assert text.index("OP9 bis") < nested < text.index("OP9 ter")
    assert "recognizing, respecting and protecting their rights (G77)" in text[nested:]
    with zipfile.ZipFile(out / "merged.docx") as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert "to this proposal: replace 'recognizing and respecting their rights'" in comments
    assert "Amendment to the proposal of EU (A3)" in (
        out / "compilation-Rev.1.html").read_text(encoding="utf-8")  # moved on with it


def test_renumbering_is_printed_and_kept(story):
    out, printed = story
    rev1 = json.loads((out / "A-C.2-81-L.7.json").read_text(encoding="utf-8"))["revisions"][1]
    assert rev1["label_table"]["OP10"] == "OP11" and rev1["label_table"]["OP24"] == "OP25"
    issued = printed[printed.index("issued Rev.1"):printed.index("$ drafting show")]
    assert "  OP9 ter -> OP10" in issued and "  OP24 -> OP25" in issued
    assert re.search(r"issued Rev\.2: 41 paragraphs, 2 brackets \(Rev\.1: 5\)", printed)
    shown = drafting(out, "show", SYMBOL, "--revision", "Rev.1", "--para", "OP11")
    assert shown.startswith("OP11") and "effective measures" in shown
