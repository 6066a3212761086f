"""A treaty text numbered per article, end to end on the command line: every command
takes and shows labels such as ``2.1``, options are one choice, stray brackets warn."""

from __future__ import annotations

import json
from pathlib import Path

from test_workflow_commands import drafting

TREATY = (Path(__file__).parents[1] / "data" / "treaty.md").read_text(encoding="utf-8")


def test_a_treaty_negotiated_by_article_and_paragraph(tmp_path):
    db, source = tmp_path / "s.db", tmp_path / "treaty.md"
    source.write_text(TREATY, encoding="utf-8")
    assert drafting(db, "init").returncode == 0
    strict = drafting(db, "import", str(source), "--doc", "BBNJ", "--strict")
    assert strict.returncode != 0 and "--strict" in strict.stderr
    imported = drafting(db, "import", str(source), "--doc", "BBNJ")
    assert imported.returncode == 0, imported.stderr
    assert "3.1" in imported.stderr and "never closed" in imported.stderr
    assert drafting(db, "delegation", "add", "EU", "AOSIS").returncode == 0
    replaced = drafting(db, "amend", "BBNJ", "1.2", "--delegation", "EU", "--replace", "report",
                        "--with", "report annually", "--yes")
    assert replaced.returncode == 0, replaced.stderr
    new = drafting(db, "amend", "BBNJ", "1.1", "--delegation", "AOSIS", "--new-paragraph",
                   "Each Party shall designate a focal point.", "--yes")
    assert new.returncode == 0, new.stderr
    compiled = tmp_path / "c.md"
    assert drafting(db, "compile", "BBNJ", "-o", str(compiled)).returncode == 0
    assert "1.1 ter" in compiled.read_text(encoding="utf-8")  # 1.1 bis is taken

    report = json.loads(drafting(db, "brackets", "BBNJ", "--json").stdout)
    by_label = {p["label"]: p for p in report["paragraphs"]}
    assert by_label["2.1"]["groups"] == [
        {"number": 1, "alternatives": ["Parties shall establish a fund.", ""]}]
    assert by_label["3.1"]["unbalanced"] == 1

    ids = [a["id"] for a in json.loads(drafting(db, "amendments", "BBNJ", "--json").stdout)]
    for amendment in ids:
        assert drafting(db, "decide", amendment, "accept").returncode == 0
    revised = drafting(db, "revise", "BBNJ", "--label", "Rev.1",
                       "--choose", "2.1=Parties shall establish a fund.")
    assert revised.returncode == 0, revised.stderr
    # the new paragraph stood as 1.1 ter, after 1.1 bis, and keeps that place
    assert "  1.1 bis -> 1.2\n  1.1 ter -> 1.3\n  1.2 -> 1.4\n" in revised.stdout
    shown = drafting(db, "show", "BBNJ", "--para", "1.4")
    assert "Parties shall report annually." in shown.stdout
    assert "Each Party shall designate a focal point." in drafting(
        db, "show", "BBNJ", "--para", "1.3").stdout
    assert "Parties shall establish a fund." in drafting(db, "show", "BBNJ", "--para",
                                                         "2.1").stdout


ANNEXED = """The Parties to this Agreement,

Recognizing the need for cooperation,

Have agreed as follows:

Part I

General provisions

Article 1

1. This Agreement applies to fisheries.

Chapter I

1. The Parties shall cooperate.

2. The Parties shall report.

Annex I

List of species

1. Tuna.

2. Cod.

Annexe II

1. Notification within [30][60] days.
"""


def test_a_chapter_and_an_annex_of_the_same_number_keep_their_own_paragraphs(tmp_path):
    """Paragraph 1 of Annex I is not paragraph 1 of Chapter I (the import used to refuse
    the text, the label used twice), and an annex's paragraphs are amended, decided and
    renumbered by their labels; a part's title is a heading, not a preambular paragraph."""
    db, source = tmp_path / "s.db", tmp_path / "annexed.md"
    source.write_text(ANNEXED, encoding="utf-8")
    assert drafting(db, "init").returncode == 0
    imported = drafting(db, "import", str(source), "--doc", "FISH")
    assert imported.returncode == 0, imported.stderr
    shown = drafting(db, "show", "FISH").stdout
    lines = [line.split(None, 1) for line in shown.splitlines() if line.strip()]
    assert ["Part I"] in [[" ".join(line)] for line in lines]
    assert "PP3" not in shown and "T2" not in shown  # "General provisions": a heading
    assert "\nT1                Have agreed as follows:\n" in shown  # it ends the preamble
    assert "\nPart I\n\nGeneral provisions\n\nArticle 1\n\n1.1 " in shown  # one blank line
    for label, text in (("I.1", "The Parties shall cooperate."), ("ANNEX I.1", "Tuna."),
                        ("ANNEX I.2", "Cod.")):
        assert f"\n{label:<18}{text}" in shown
    assert "\nANNEX II.1   2 br Notification" in shown  # its brackets counted
    assert drafting(db, "delegation", "add", "EU").returncode == 0
    for args in (("ANNEX I.1", "--new-paragraph", "Swordfish."),
                 ("annex i.2", "--replace", "Cod", "--with", "Atlantic cod")):
        amended = drafting(db, "amend", "FISH", *args, "--delegation", "EU", "--yes")
        assert amended.returncode == 0, amended.stderr
    listed = json.loads(drafting(db, "amendments", "FISH", "--para", "ANNEX I.2",
                                 "--json").stdout)
    assert [a["new_text"] for a in listed] == ["Atlantic cod"]
    for amendment in json.loads(drafting(db, "amendments", "FISH", "--json").stdout):
        assert drafting(db, "decide", amendment["id"], "accept").returncode == 0
    revised = drafting(db, "revise", "FISH", "--label", "Rev.1",
                       "--choose", "ANNEX II.1=30")
    assert revised.returncode == 0, revised.stderr
    assert "  ANNEX I.1 bis -> ANNEX I.2\n  ANNEX I.2 -> ANNEX I.3\n" in revised.stdout
    assert "Atlantic cod." in drafting(db, "show", "FISH", "--para", "ANNEX I.3").stdout
    assert "Swordfish." in drafting(db, "show", "FISH", "--para", "ANNEX I.2").stdout
    assert "The Parties shall cooperate." in drafting(db, "show", "FISH", "--para",
                                                      "I.1").stdout


def test_an_annex_in_chinese_is_labelled_as_in_english(tmp_path):
    db, source = tmp_path / "s.db", tmp_path / "annexed.txt"
    source.write_text("本协定缔约方，\n\n认识到合作的必要，\n\n第一条\n\n1. 本协定适用于渔业。\n\n"
                      "附件二\n\n1. 金枪鱼。\n\n2. 鳕鱼。\n", encoding="utf-8")
    compiled = tmp_path / "c.md"
    for args in (("init",), ("import", str(source), "--doc", "FISH"),
                 ("delegation", "add", "CHN"),
                 ("amend", "FISH", "ANNEX 2.2", "--delegation", "CHN", "--replace", "鳕鱼",
                  "--with", "大西洋鳕鱼", "--yes"),
                 ("compile", "FISH", "-o", str(compiled))):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    assert "ANNEX 2.2" in compiled.read_text(encoding="utf-8")
    assert "大西洋鳕鱼" in compiled.read_text(encoding="utf-8")
