"""An Arabic and a Russian draft, as LibreOffice writes them, through the secretariat's
commands: import (the symbol read from the front matter), a delegation's tracked copy
(an insertion, a replacement in a sub-paragraph, the bracket deleted, a new operative
paragraph typed with its number), compile, merge, accept, Rev.1.

What a diplomat checks: the paragraphs and their labels, the bracket counted, the
amendments read exactly, the merged draft accepted in LibreOffice equal to Rev.1 bar the
symbol and the numbers, Rev.1 numbered in the draft's own style ("٤ - " in Arabic-Indic
digits, "4.<tab>" in Russian).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from language_drafts import ARABIC_INDIC, RUSSIAN, Language, language_docx
from libreoffice import lo_track
from un_documents import Del, Ins, Para

SYMBOL = "A/C.2/81/L.99"
COPIES = {  # each language's tracked copy: what the delegation changed, and the new words
    "ar": ("EGY", {
        "OP1": ["تقرر عقد اجتماع رفيع المستوى لمدة يوم واحد بشأن مصائد الأسماك الصغيرة الحجم",
                Ins(" في عام 2027", "EGY delegate"), "؛"],
        "OP2(b)": ["(ب)\tأن تقدم تقارير عن التقدم المحرز ", Del("كل سنتين", "EGY delegate"),
                   Ins("سنويا", "EGY delegate"), "؛"],
        "OP3": ["تطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار",
                Del(" [في حدود الموارد المتاحة]", "EGY delegate"), "؛"]},
        "تشجع الدول على تبادل أفضل الممارسات؛"),
    "ru": ("KAZ", {
        "OP1": ["постановляет провести ", Ins("в 2027 году ", "KAZ delegate"),
                "однодневное совещание высокого уровня по маломасштабному рыболовству;"],
        "OP2(b)": ["b)\tпредставлять доклады о ходе работы ",
                   Del("каждые два года", "KAZ delegate"),
                   Ins("ежегодно", "KAZ delegate"), ";"],
        "OP3": ["просит Генерального секретаря представить доклад об осуществлении настоящей "
                "резолюции", Del(" [в рамках имеющихся ресурсов]", "KAZ delegate"), ";"]},
        "рекомендует государствам обмениваться передовым опытом;"),
}
LANGUAGES = {"ar": ARABIC_INDIC, "ru": RUSSIAN}


def _run(db: Path, *args: str) -> str:
    done = drafting(db, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module", params=["ar", "ru"])
def negotiated(request, tmp_path_factory):
    """The draft, the delegation's copy and every step's output, made once per language."""
    language: Language = LANGUAGES[request.param]
    code, changes, new = COPIES[request.param]
    folder = tmp_path_factory.mktemp(request.param)
    db = folder / "store.db"
    draft = language_docx(language, folder / "draft.docx")
    copy = language_docx(language, folder / f"{code}.docx", changes, {
        "OP3": Para((language.typed(4), new), new=Ins("", f"{code} delegate"))})
    _run(db, "init")
    steps = {"import": _run(db, "import", str(draft))}
    steps["show"] = _run(db, "show", SYMBOL)
    _run(db, "delegation", "add", code)
    _run(db, "submit", SYMBOL, str(copy), "--delegation", code, "--yes")
    steps["amendments"] = _run(db, "amendments", SYMBOL, "--json")
    for out in ("c.md", "c.html", "merged.docx"):
        _run(db, "merge" if out.endswith("docx") else "compile", SYMBOL, "-o",
             str(folder / out))
    for amendment in json.loads(steps["amendments"]):
        _run(db, "decide", amendment["id"], "accept")
    _run(db, "revise", SYMBOL, "--label", "Rev.1")
    _run(db, "show", SYMBOL, "-o", str(folder / "rev1.docx"))
    return language, new, folder, steps


def test_the_draft_is_read_as_circulated(negotiated):
    language, _, _, steps = negotiated
    assert "(the symbol the draft shows)" in steps["import"]
    labels = [line.split()[0] for line in steps["show"].splitlines()
              if line[:2] in ("PP", "OP", "FN")]
    assert labels == ["PP1", "PP2", "FN1", "PP3", "OP1", "OP2", "OP3", "OP4"]
    assert steps["show"].rstrip().endswith("8 paragraphs, 1 brackets")
    assert language.subparagraphs[0].replace("\t", " ").split()[0] in steps["show"]


def test_the_tracked_copy_is_read_exactly(negotiated):
    """Each change as the delegation made it: no typed number or letter read as words,
    the bracket deleted whole, the new paragraph its words only."""
    language, new, _, steps = negotiated
    _, changes, _ = COPIES["ar" if language is ARABIC_INDIC else "ru"]
    inserted, (deleted, put) = changes["OP1"][1], changes["OP2(b)"][1:3]
    expected = [("OP1", "insert", inserted.text.strip()),
                ("OP2", "replace", deleted.text, put.text),
                ("OP3", "delete", changes["OP3"][1].text.strip()),
                ("OP3", "new paragraph", new)]
    found = [(a["paragraph"], a["kind"], a["new_text"].strip()) if a["kind"] in (
        "insert", "new paragraph") else (a["paragraph"], a["kind"], a["old_text"],
                                          a["new_text"]) if a["kind"] == "replace"
        else (a["paragraph"], a["kind"], a["old_text"].strip())
        for a in json.loads(steps["amendments"])]
    assert found == expected


def test_merged_draft_accepted_is_rev1_renumbered_in_the_drafts_style(negotiated):
    language, new, folder, _ = negotiated
    accepted = lo_track("accept", folder / "merged.docx").stdout.splitlines()
    rev1 = lo_track("text", folder / "rev1.docx").stdout.splitlines()
    differ = [(a, b) for a, b in zip(accepted, rev1, strict=True) if a != b]
    assert differ[0] == (SYMBOL, f"{SYMBOL}/Rev.1")
    assert [b for _, b in differ[1:]] == [
        f"{language.typed(4)}{new}",
        f"{language.typed(5)}{language.operative[3][0]}{language.operative[3][1]}"]


def test_the_html_compilation_names_the_drafts_language(negotiated):
    language, _, folder, _ = negotiated
    page = '"ar" dir="rtl"' if language is ARABIC_INDIC else '"ru"'  # Arabic from the right
    assert f"<html lang={page}>" in (folder / "c.html").read_text(encoding="utf-8")
