"""Words a delegation inserts with Track Changes in italics (the title of a resolution),
bold, underlined or raised keep that form: the amendment records it, the merged draft
shows it in its ``w:ins`` and Rev.1, once accepted, in its own runs. They used to come out
in plain type in both."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import docx
import jsonschema
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from docx_builders import Para, Styled, ins, write_docx

from drafting.export import export_json
from drafting.model import Mark, Style
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft, prepare_files, record, revise_document

SYMBOL = "A/C.2/81/L.9"
TITLE = "Transforming our world"
TYPED = f", entitled \u201c{TITLE}\u201d, and its key call"


def _paragraphs(recalling: list) -> list[Para]:
    return [Para(["General Assembly"]), Para(["The General Assembly,"]),
            Para([Styled("Recalling"), *recalling]),
            Para(["1.\t", Styled("Invites"), " Member States to contribute;"])]


@pytest.fixture
def store(tmp_path):
    draft = write_docx(tmp_path / "draft.docx", _paragraphs([" its resolution 70/1,"]),
                       title="Draft resolution", subtitle="")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, draft, SYMBOL)
        add_delegations(opened, ["EU"])
        yield opened


def _copy(tmp_path: Path) -> Path:
    """The EU's tracked copy: the title typed in italics, "key" in bold and underlined,
    "bis" raised, inside one insertion."""
    typed = ins(", entitled \u201c", Styled(TITLE), "\u201d, and its ",
                Styled("key", ("w:b", "w:u")), " call", Styled("bis", ("w:vertAlign=superscript",)),
                author="EU delegate")
    return write_docx(tmp_path / "eu.docx", _paragraphs([" its resolution 70/1", typed, ","]),
                      title="Draft resolution", subtitle="")


def _runs(paragraph) -> list[tuple[str, set[str], bool]]:
    """(text, formatting shown, inside a w:ins) for each run of a Word paragraph."""
    found = []
    for run in paragraph.iter(qn("w:r")):
        words = "".join(t.text or "" for t in run.iter(qn("w:t")))
        properties = run.find(qn("w:rPr"))
        shown = set() if properties is None else {
            child.tag.split("}")[1] + (f"={child.get(qn('w:val'))}"
                                       if child.tag == qn("w:vertAlign") else "")
            for child in properties}
        inserted = run.getparent().tag == qn("w:ins")
        if words:
            found.append((words, shown, inserted))
    return found


def _recalling(document) -> list[tuple[str, set[str], bool]]:
    body = document.element.body
    return _runs(next(p for p in body.iter(qn("w:p"))
                      if "".join(p.itertext()).startswith("Recalling")))


def test_words_inserted_in_italics_keep_their_form_in_the_merged_draft_and_rev1(
        store, tmp_path):
    [prepared] = prepare_files(store, SYMBOL, [_copy(tmp_path)], delegation="EU")
    (amendment,) = prepared.amendments
    words = f"{TYPED}bis"
    assert amendment.new_text == words
    title = words.index(TITLE)
    key, bis = words.index("key"), words.index("bis")
    assert amendment.marks == (
        Mark(title, title + len(TITLE), Style.ITALIC), Mark(key, key + 3, Style.BOLD),
        Mark(key, key + 3, Style.UNDERLINE), Mark(bis, bis + 3, Style.SUPERSCRIPT))
    (recorded,) = record(store, SYMBOL, [amendment]).amendments
    (stored,) = store.amendments(SYMBOL)
    assert stored.marks == amendment.marks  # kept in the store
    assert store.verify().ok  # and in the record
    exported = export_json(store, SYMBOL, tmp_path / "export.json")  # and in the export
    jsonschema.Draft202012Validator(json.loads(
        (Path(__file__).parents[1] / "schemas" / "export.schema.json").read_text())
    ).validate(exported)
    assert exported["amendments"][0]["marks"][0] == {
        "start": title, "end": title + len(TITLE), "style": "italic"}

    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    merged = _recalling(docx.Document(str(tmp_path / "merged.docx")))
    assert merged == [
        ("Recalling", {"i"}, False), (" its resolution 70/1", set(), False),
        (", entitled \u201c", set(), True), (TITLE, {"i"}, True),
        ("\u201d, and its ", set(), True), ("key", {"b", "u"}, True), (" call", set(), True),
        ("bis", {"vertAlign=superscript"}, True), (",", set(), False)]

    store.decide(recorded.id, "accept")
    revise_document(store, SYMBOL, "Rev.1")
    rev1 = store.document(SYMBOL).current
    text = rev1.by_label("PP1").text
    assert text == f"Recalling its resolution 70/1{TYPED}bis,"
    at = text.index(TITLE)
    assert Mark(at, at + len(TITLE), Style.ITALIC) in rev1.by_label("PP1").marks
    made = _recalling(docx.Document(io.BytesIO(store.source(SYMBOL, "Rev.1"))))
    assert "".join(words for words, _, _ in made) == text
    assert [(words, shown) for words, shown, _ in made if shown] == [
        ("Recalling", {"i"}), (TITLE, {"i"}), ("key", {"b", "u"}),
        ("bis", {"vertAlign=superscript"})]


def test_words_inserted_plain_take_the_form_of_the_words_beside_them(store, tmp_path):
    """No formatting typed: no marks, and the merged draft writes the words as before."""
    typed = ins(", entitled \u201cTransforming\u201d", author="EU delegate")
    copy = write_docx(tmp_path / "eu.docx", _paragraphs([" its resolution 70/1", typed, ","]),
                      title="Draft resolution", subtitle="")
    [prepared] = prepare_files(store, SYMBOL, [copy], delegation="EU")
    (amendment,) = prepared.amendments
    assert amendment.marks == ()
    record(store, SYMBOL, [amendment])
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    merged = _recalling(docx.Document(str(tmp_path / "merged.docx")))
    assert (", entitled \u201cTransforming\u201d", set(), True) in merged


def test_a_new_paragraph_typed_with_italics_keeps_them_in_the_merged_draft_and_rev1(
        store, tmp_path):
    """A whole paragraph inserted: its words' formatting is recorded, and the merged draft
    and Rev.1 write it."""
    paragraphs = _paragraphs([" its resolution 70/1,"])
    words = ins("2.\t", Styled("Welcomes"), " the report of the ",
                Styled("Commission", ("w:b",)), ";", author="EU delegate")
    paragraphs.append(Para([words], mark=ins(author="EU delegate")))
    copy = write_docx(tmp_path / "eu.docx", paragraphs, title="Draft resolution", subtitle="")
    [prepared] = prepare_files(store, SYMBOL, [copy], delegation="EU")
    (amendment,) = prepared.amendments
    assert amendment.new_text == "Welcomes the report of the Commission;"
    assert amendment.marks == (Mark(0, 8, Style.ITALIC), Mark(27, 37, Style.BOLD))
    (recorded,) = record(store, SYMBOL, [amendment]).amendments
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    merged = docx.Document(str(tmp_path / "merged.docx")).paragraphs[-1]
    assert [(words, shown) for words, shown, inserted in _runs(merged._p)
            if shown and inserted] == [("Welcomes", {"i"}), ("Commission", {"b"})]
    store.decide(recorded.id, "accept")
    revise_document(store, SYMBOL, "Rev.1")
    assert store.document(SYMBOL).current.by_label("OP2").marks == amendment.marks
    made = docx.Document(io.BytesIO(store.source(SYMBOL, "Rev.1")))
    assert made.paragraphs[-1].text == "2.\tWelcomes the report of the Commission;"
    last = _runs(made.paragraphs[-1]._p)
    assert [(words, shown) for words, shown, _ in last if shown] == [
        ("Welcomes", {"i"}), ("Commission", {"b"})]
