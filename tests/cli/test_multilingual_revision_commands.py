"""A Chinese draft numbered "１．" (full-width) and a Russian treaty with "Статья 1-бис",
end to end on the command line in their own Word documents: import, amend, merge,
revise and `show -o`. The Chinese operative paragraphs used to be read as preambular
(PP3, the number in the text) and the Russian treaty was refused ("the label 1.1 is used
twice"); Rev.1 keeps the document's own typed numbers, renumbered in its own figures."""

from __future__ import annotations

import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree
from test_workflow_commands import drafting

from drafting.readers import read_draft

CHINESE_SYMBOL = "A/C.2/81/L.50"
CHINESE_OPERATIVE = ["鼓励会员国加强海洋观测系统；", "邀请委员会就数据差距[提交/提出]报告；",
                     "决定将该项目列入临时议程。"]
TREATY_SYMBOL = "A/CONF.250/2026/L.3"
ARTICLE = ["Стороны сотрудничают.", "Стороны обмениваются данными.",
           "Стороны представляют доклады."]


def _ok(db, *args: str) -> str:
    done = drafting(db, *args)
    assert done.returncode == 0, (args, done.stderr)
    assert "own layout" not in done.stderr, done.stderr
    return done.stdout


def _chinese(path):
    word = docx.Document()
    for line in ("联合国", CHINESE_SYMBOL, "海洋观测促进可持续发展", "大会，",
                 "回顾其第70/1号决议，"):
        word.add_paragraph(line)
    for n, text in enumerate(CHINESE_OPERATIVE, 1):
        word.add_paragraph(chr(0xFF10 + n) + "．" + text)  # "１．" with no space after
    word.save(path)
    return path


def _inserted(path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    return ["".join(t.text or "" for t in mark.iter(qn("w:t")))
            for mark in body.iter(qn("w:ins"))]


def test_a_chinese_draft_numbered_full_width_is_revised_in_its_own_numbers(tmp_path):
    db = tmp_path / "s.db"
    _ok(db, "init")
    _ok(db, "import", str(_chinese(tmp_path / "draft.docx")), "--doc", CHINESE_SYMBOL)
    _ok(db, "delegation", "add", "CHN", "USA")
    shown = _ok(db, "show", CHINESE_SYMBOL, "--para", "OP1")
    assert "鼓励会员国" in shown and "１" not in shown
    _ok(db, "amend", CHINESE_SYMBOL, "OP1", "-d", "CHN", "--delete-paragraph", "--yes")
    _ok(db, "amend", CHINESE_SYMBOL, "OP3", "-d", "USA", "--new-paragraph", "请秘书长提交报告。",
        "--yes")
    merged = tmp_path / "merged.docx"
    _ok(db, "merge", CHINESE_SYMBOL, "-o", str(merged))
    assert "３ bis．请秘书长提交报告。" in _inserted(merged)  # typed as the document types
    for amendment in ("A1", "A2"):
        _ok(db, "decide", amendment, "accept")
    _ok(db, "revise", CHINESE_SYMBOL, "--label", "Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    _ok(db, "show", CHINESE_SYMBOL, "-o", str(rev1))
    assert [p.text for p in docx.Document(str(rev1)).paragraphs][-3:] == [
        "１．邀请委员会就数据差距[提交/提出]报告；", "２．决定将该项目列入临时议程。",
        "３．请秘书长提交报告。"]
    again = read_draft(rev1)
    assert [(p.label, p.text) for p in again.paragraphs] == [
        ("PP1", "回顾其第70/1号决议，"), ("OP1", CHINESE_OPERATIVE[1]),
        ("OP2", CHINESE_OPERATIVE[2]), ("OP3", "请秘书长提交报告。")]


def _treaty(path):
    word = docx.Document()
    for line in ("Организация Объединенных Наций", TREATY_SYMBOL,
                 "Стороны настоящего Соглашения,", "признавая ценность данных,"):
        word.add_paragraph(line)
    for heading in ("Статья 1", "Статья 1-бис", "Статья 2"):
        word.add_paragraph(heading)
        for n, text in enumerate(ARTICLE, 1):
            word.add_paragraph(f"{n}.\t{text}")
    word.save(path)
    return path


def test_a_russian_treaty_with_an_article_bis_is_negotiated_and_revised(tmp_path):
    db = tmp_path / "s.db"
    _ok(db, "init")
    _ok(db, "import", str(_treaty(tmp_path / "treaty.docx")), "--doc", TREATY_SYMBOL)
    _ok(db, "delegation", "add", "RUS", "CHN")
    assert "Стороны обмениваются данными." in _ok(db, "show", TREATY_SYMBOL, "--para",
                                                   "1bis.2")
    _ok(db, "amend", TREATY_SYMBOL, "1bis.1", "-d", "RUS", "--delete-paragraph", "--yes")
    _ok(db, "amend", TREATY_SYMBOL, "1bis.2", "-d", "CHN", "--replace", "данными", "--with",
        "научными данными", "--yes")
    for amendment in ("A1", "A2"):
        _ok(db, "decide", amendment, "accept")
    revised = _ok(db, "revise", TREATY_SYMBOL, "--label", "Rev.1")
    assert "1bis.2 -> 1bis.1" in revised and "1bis.3 -> 1bis.2" in revised
    rev1 = tmp_path / "Rev.1.docx"
    _ok(db, "show", TREATY_SYMBOL, "-o", str(rev1))
    texts = [p.text for p in docx.Document(str(rev1)).paragraphs]
    article = texts.index("Статья 1-бис")
    assert texts[article:article + 4] == [
        "Статья 1-бис", "1.\tСтороны обмениваются научными данными.",
        "2.\tСтороны представляют доклады.", "Статья 2"]
    again = {p.label: p.text for p in read_draft(rev1).paragraphs}
    assert again["1bis.1"] == "Стороны обмениваются научными данными."
    assert again["1bis.2"] == "Стороны представляют доклады."
    assert "1bis.3" not in again and again["2.3"] == ARTICLE[2]
