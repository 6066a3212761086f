"""For generated structured drafts (front matter, a chapeau, preambular paragraphs,
articles numbered on their own or a text numbered straight through, sub-paragraph lines,
opening words in italics, bold words, footnotes, trailing spaces): an unchanged Word copy
gives no amendment, and a copy with random tracked edits, in the text and in its
footnotes, gives exactly those edits. The import keeps the formatting as marks."""

from __future__ import annotations

from dataclasses import dataclass

from docx_builders import Para, Styled, dele, footnote, ins, write_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

WORDS = ["fisheries", "States", "report", "measures", "ocean", "women", "trade", "fund",
         "cooperation", "science", "capacity", "coastal", "communities", "markets"]
FRONT = ["United Nations", "A/C.2/81/L.5", "Distr.: Limited", "Second Committee",
         "Fiji and Samoa: draft resolution"]
LINE = "line"  # the label of a sub-paragraph line: it belongs to the paragraph above

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=8).map(" ".join)


@dataclass
class Block:
    """One Word paragraph: ``prefix`` (a typed number), ``text`` (its words, the first in
    italics when ``italic``, the third in bold when ``bold``), a footnote's words cited
    before ``end`` (its closing punctuation), and the label the import gives it."""

    text: str
    prefix: str = ""
    end: str = ""
    style: str | None = None
    label: str | None = None
    italic: bool = False
    bold: bool = False
    note: str | None = None


@st.composite
def drafts(draw):
    """The blocks of a draft, and the labels of its paragraphs and footnotes in order."""
    body = [Block(line) for line in FRONT[:draw(st.integers(0, len(FRONT)))]]
    body += [Block("Oceans and the law of the sea", style="Title"),
             Block("The General Assembly,")]

    def paragraph(text: str, end: str, label: str, prefix: str = "") -> Block:
        note = f"See {draw(sentence)}" if draw(st.booleans()) else None
        return Block(text, prefix, end, label=label, italic=draw(st.booleans()),
                     bold=draw(st.booleans()), note=note)

    for n in range(draw(st.integers(1, 3))):
        body.append(paragraph(f"Recalling {draw(sentence)}", ",", f"PP{n + 1}"))
    articles = draw(st.integers(0, 3))
    counter = 0
    for article in range(1, max(articles, 1) + 1):
        if articles:
            body.append(Block(f"Article {article}", style="Heading 2"))
        for n in range(1, draw(st.integers(1, 3)) + 1):
            counter = n if articles else counter + 1
            label = f"{article}.{counter}" if articles > 1 else f"OP{counter}"
            body.append(paragraph(f"Decides {draw(sentence)}", ";", label, f"{counter}.\t"))
            if draw(st.booleans()):
                body[-1].end = ":"
                body += [Block(f"{draw(sentence)}", f"({letter})\t", ";", label=LINE)
                         for letter in "ab"]
    return body


def labels(body: list[Block]) -> list[str]:
    """The labels the import gives, in order: each footnote after its paragraph's lines."""
    found, notes, pending = [], 0, []
    for block in body:
        if block.label != LINE:
            found += pending
            pending = []
        if block.label not in (None, LINE):
            found.append(block.label)
        if block.note is not None:
            notes += 1
            pending.append(f"FN{notes}")
    return found + pending


def _parts(block: Block, index: int, text_parts=None, note_parts=None) -> list:
    """The Word parts of ``block``: as written, or with tracked edits of its text or its
    footnote (parts for ``block.text`` or ``block.note``)."""
    parts = list(text_parts or [block.text])
    words = block.text.split(" ")
    if block.bold and not text_parts and len(words) > 3:
        head, bold, tail = " ".join(words[:2]), words[2], " ".join(words[3:])
        parts = [f"{head} ", Styled(bold, ("w:b",)), f" {tail}"]
    if block.italic and block.label not in (None, LINE):
        opening = words[0]
        assert parts[0].startswith(opening)  # edits never touch the opening word
        rest = parts[0][len(opening):]
        parts = [Styled(opening), *([rest] if rest else []), *parts[1:]]
    if block.note is not None:
        parts.append(footnote(*(note_parts or [block.note])))
    parts.append(block.end + ("  " if index % 3 == 0 else ""))
    return [block.prefix, *parts] if block.prefix else parts


def _shown(paragraph):
    """A paragraph's marks as (words, style)."""
    return sorted((paragraph.text[m.start:m.end], str(m.style)) for m in paragraph.marks)


def _formatting(body: list[Block]):
    """(label, the formatting its words were written with) for each paragraph and note."""
    notes = 0
    for block in body:
        if block.label not in (None, LINE):
            words = block.text.split(" ")
            shown = [(words[0], "italic")] if block.italic else []
            shown += [(words[2], "bold")] if block.bold and len(words) > 3 else []
            yield block.label, sorted(shown)
        if block.note is not None:
            notes += 1
            yield f"FN{notes}", []


def _write(path, body, edits=None):
    edits = edits or {}
    paragraphs = [Para(_parts(block, i, *edits.get(i, (None, None))), style=block.style)
                  for i, block in enumerate(body)]
    return write_docx(path, paragraphs, title="", subtitle="")


def _edit(text: str, choice: int, kind: str):
    """Tracked parts for one whole-word edit of ``text``, and what it proposes."""
    words = text.split(" ")
    k = 1 + choice % (len(words) - 1)  # never the opening word
    head, word, tail = " ".join(words[:k]), words[k], " ".join(words[k + 1:])
    rest = f" {tail}" if tail else ""
    if kind == "delete":
        return [head, dele(f" {word}"), rest], ("delete", f" {word}", "")
    if kind == "insert":
        return [f"{head} {word}", ins(" urgently"), rest], ("insert", word, " urgently")
    return [f"{head} ", dele(word), ins("markets-x"), rest], ("replace", word, "markets-x")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(body=drafts(), data=st.data())
def test_copies_give_exactly_their_edits(tmp_path, body, data):
    path = _write(tmp_path / "draft.docx", body)
    result = read_docx_draft(path)
    assert [p.label for p in result.paragraphs if p.kind != "heading"] == labels(body)
    assert result.warnings == ()
    assert {p.label: _shown(p) for p in result.paragraphs if p.kind != "heading"} == {
        label: formatting for label, formatting in _formatting(body)}
    document = result.to_document("A/C.2/81/L.5")
    assert read_docx_submission(path, document, delegation="EU").amendments == ()

    editable = [i for i, block in enumerate(body) if block.label is not None]
    chosen = data.draw(st.lists(st.sampled_from(editable), unique=True, max_size=4))
    edits, expected, owner, notes = {}, [], None, {}
    for index, block in enumerate(body):
        if block.label not in (None, LINE):
            owner = block.label
        if block.note is not None:
            notes[index] = f"FN{len(notes) + 1}"
        if index not in chosen:
            continue
        kind = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        choice = data.draw(st.integers(0, 50))
        if block.note is not None and data.draw(st.booleans()):  # in its footnote
            parts, proposal = _edit(block.note, choice, kind)
            edits[index] = (None, parts)
            expected.append((notes[index], *proposal))
        else:
            parts, proposal = _edit(block.text, choice, kind)
            edits[index] = (parts, None)
            expected.append((owner, *proposal))
    copy = _write(tmp_path / "copy.docx", body, edits)
    found = read_docx_submission(copy, document, delegation="EU")
    by_id = {p.id: p.label for p in document.current}
    assert sorted((by_id[a.paragraph_id], str(a.kind), a.old_text, a.new_text)
                  for a in found.amendments) == sorted(expected)
