"""Competing proposals on the same words are shown as one bracket of alternatives, and an
alternative formulation as an "OP1 Alt" paragraph: each option's words now keep the
formatting its proponents typed them in (italics, bold), as a lone change's words do.
They used to be written plain: the options' marks were never used."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn
from test_workflow_commands import ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, Styled, dele, ins, para, write_docx

from drafting.engine.amend import Proposal
from drafting.model import Mark, Style
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft, prepare_amendment, record

SYMBOL = "A/C.2/81/L.13"


def _paragraphs(recalling: list) -> list[Para]:
    return [Para(["The General Assembly,"]), Para([Styled("Recalling"), *recalling]),
            Para(["1.\t", Styled("Invites"), " Member States to contribute;"])]


def _runs(path: Path, opening: str) -> list[tuple[str, set[str], bool]]:
    """(words, i/b/u shown, inside a w:ins) for each run of the paragraph opening so."""
    body = docx.Document(str(path)).element.body
    paragraph = next(p for p in body.iter(qn("w:p")) if "".join(
        t.text or "" for t in p.iter(qn("w:t"))).startswith(opening))
    found = []
    for run in paragraph.iter(qn("w:r")):
        words = "".join(t.text or "" for t in run.iter(qn("w:t")))
        properties = run.find(qn("w:rPr"))
        shown = set() if properties is None else {
            child.tag.split("}")[1] for child in properties
            if child.tag in (qn("w:i"), qn("w:b"), qn("w:u"))}
        if words:
            found.append((words, shown, run.getparent().tag == qn("w:ins")))
    return found


def test_each_option_of_a_bracket_keeps_its_proponents_formatting(tmp_path):
    db = tmp_path / "s.db"
    draft = write_docx(tmp_path / "draft.docx", _paragraphs([" its resolution 70/1,"]),
                       title="Draft resolution", subtitle="")
    ok(db, "init")
    ok(db, "import", str(draft), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    eu = [" its ", dele("resolution 70/1", author="EU"),
          ins("resolution ", Styled("Transforming our world"), author="EU"), ","]
    usa = [" its ", dele("resolution 70/1", author="USA"),
           ins(Styled("2030 Agenda", ("w:b",)), author="USA"), ","]
    for code, parts in (("EU", eu), ("USA", usa)):
        copy = write_docx(tmp_path / f"{code}.docx", _paragraphs(parts),
                          title="Draft resolution", subtitle="")
        ok(db, "submit", SYMBOL, str(copy), "--delegation", code, "--yes")
    ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert _runs(tmp_path / "merged.docx", "Recalling") == [
        ("Recalling", {"i"}, False), (" its ", set(), False), ("[", set(), True),
        ("resolution 70/1", set(), False), (" / resolution ", set(), True),
        ("Transforming our world", {"i"}, True), (" / ", set(), True),
        ("2030 Agenda", {"b"}, True), ("]", set(), True), (",", set(), False)]


def test_an_alternative_formulation_keeps_its_formatting_in_the_merged_draft(tmp_path):
    draft = write_docx(tmp_path / "draft.docx",
                       [para("PP1", Styled("Recalling"), " its resolution 70/1,"),
                        para("OP1", Styled("Invites"), " Member States to contribute;")],
                       title="Draft resolution", subtitle=f"{SYMBOL} \u2014 Zero draft")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, draft, SYMBOL)
        add_delegations(store, ["JPN"])
        words = "Encourages Member States to contribute;"
        amendment = prepare_amendment(store, SYMBOL, Proposal("OP1", alternative=words), "JPN")
        typed = (Mark(0, 10, Style.ITALIC), Mark(28, 38, Style.UNDERLINE))
        record(store, SYMBOL, [replace(amendment, marks=typed)])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
    runs = _runs(tmp_path / "merged.docx", "OP1 Alt")
    assert all(inserted for _, _, inserted in runs)
    assert "".join(w for w, _, _ in runs).endswith(words)
    assert [w for w, s, _ in runs if "i" in s] == ["Encourages"]
    assert [w for w, s, _ in runs if "u" in s] == ["contribute"]


def test_each_option_keeps_the_paragraphs_own_formatting_on_the_words_it_keeps(tmp_path):
    """EU replacing "Recalling its" and the USA "its resolution" compete; the USA's
    option repeats the paragraph's italic "Recalling", which was written plain in the
    merged draft and in the compilation."""
    db = tmp_path / "s.db"
    draft = write_docx(tmp_path / "draft.docx", _paragraphs([" its resolution 70/1,"]),
                       title="Draft resolution", subtitle="")
    ok(db, "init")
    ok(db, "import", str(draft), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    for code, old, new in (("EU", "Recalling its", "Recalling our"),
                           ("USA", "its resolution", "the decision")):
        ok(db, "amend", SYMBOL, "PP1", "--delegation", code, "--replace", old, "--with", new,
           "--yes")
    ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    runs = _runs(tmp_path / "merged.docx", "[")
    assert [(w, s) for w, s, inserted in runs if inserted][1:] == [
        (" / Recalling our resolution", set()), (" / ", set()), ("Recalling", {"i"}),
        (" the decision", set()), ("]", set())]
    ok(db, "compile", SYMBOL, "-o", str(tmp_path / "compiled.md"))
    assert "/ ***Recalling* the decision** (USA)] 70/1," in \
        (tmp_path / "compiled.md").read_text(encoding="utf-8")
