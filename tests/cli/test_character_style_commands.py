"""Words a delegation inserts in a character style (Word's "Emphasis", which is italic;
"Strong", bold; a style of its own based on one of them) keep that form end to end: the
amendment records it, the merged draft shows it in its ``w:ins``, Rev.1 in its runs.
They used to be read as plain: only a run's own properties were looked at."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from test_workflow_commands import ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, Styled, ins, write_docx

SYMBOL = "A/C.2/81/L.9"
TITLE = "Transforming our world"


def _paragraphs(recalling: list) -> list[Para]:
    return [Para(["The General Assembly,"]), Para([Styled("Recalling"), *recalling]),
            Para(["1.\t", Styled("Invites"), " Member States to contribute;"])]


def _copy(path: Path) -> Path:
    """The EU's copy: the title in "Emphasis", "key" in "Strong", "bis" in a style of the
    delegation's own based on "Strong" that adds an underline and turns bold off."""
    typed = ins(", entitled ", Styled(TITLE, ("w:rStyle=Emphasis",)), ", and its ",
                Styled("key", ("w:rStyle=Strong",)), " call ",
                Styled("bis", ("w:rStyle=KeyTerm",)), author="EU delegate")
    write_docx(path, _paragraphs([" its resolution 70/1", typed, ","]),
               title="Draft resolution", subtitle="")
    word = docx.Document(str(path))
    own = word.styles.add_style("Key Term", WD_STYLE_TYPE.CHARACTER)
    own.base_style = word.styles["Strong"]
    own.font.underline, own.font.bold = True, False
    assert own.style_id == "KeyTerm"
    word.save(str(path))
    return path


def _shown(paragraph) -> list[tuple[str, set[str]]]:
    """(words, formatting Word shows through the run's own properties) for each run with
    some, in the order written."""
    found = []
    for run in paragraph.iter(qn("w:r")):
        words = "".join(t.text or "" for t in run.iter(qn("w:t")))
        properties = run.find(qn("w:rPr"))
        shown = set() if properties is None else {
            child.tag.split("}")[1] for child in properties
            if child.tag in (qn("w:i"), qn("w:b"), qn("w:u"))}
        if words and shown:
            found.append((words, shown))
    return found


def _recalling(path: Path):
    body = docx.Document(str(path)).element.body
    return next(p for p in body.iter(qn("w:p"))
                if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith("Recalling"))


def test_words_typed_in_character_styles_keep_their_form_in_merge_and_rev1(tmp_path):
    db = tmp_path / "s.db"
    draft = write_docx(tmp_path / "draft.docx", _paragraphs([" its resolution 70/1,"]),
                       title="Draft resolution", subtitle="")
    ok(db, "init")
    ok(db, "import", str(draft), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    ok(db, "submit", SYMBOL, str(_copy(tmp_path / "eu.docx")), "--delegation", "EU", "--yes")
    [amendment] = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    words = amendment["new_text"]
    title, key, bis = words.index(TITLE), words.index("key"), words.index("bis")
    assert amendment["marks"] == [
        {"start": title, "end": title + len(TITLE), "style": "italic"},
        {"start": key, "end": key + 3, "style": "bold"},
        {"start": bis, "end": bis + 3, "style": "underline"}]

    ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    merged = _recalling(tmp_path / "merged.docx")
    assert [(w, s) for w, s in _shown(merged) if w != "Recalling"] == [
        (TITLE, {"i"}), ("key", {"b"}), ("bis", {"u"})]

    ok(db, "decide", amendment["id"], "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    revised = _recalling(tmp_path / "rev1.docx")
    assert "".join(t.text or "" for t in revised.iter(qn("w:t"))) == \
        f"Recalling its resolution 70/1, entitled {TITLE}, and its key call bis,"
    assert [(w, s) for w, s in _shown(revised) if w != "Recalling"] == [
        (TITLE, {"i"}), ("key", {"b"}), ("bis", {"u"})]
