"""For generated structured drafts (front matter, a chapeau, preambular paragraphs,
articles numbered on their own or a text numbered straight through, sub-paragraph lines,
trailing spaces): an unchanged Word copy gives no amendment, and a copy with random
tracked edits gives exactly those edits."""

from __future__ import annotations

from docx_builders import Para, dele, ins, write_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

WORDS = ["fisheries", "States", "report", "measures", "ocean", "women", "trade", "fund",
         "cooperation", "science", "capacity", "coastal", "communities", "markets"]
FRONT = ["United Nations", "A/C.2/81/L.5", "Distr.: Limited", "Second Committee",
         "Fiji and Samoa: draft resolution"]

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=8).map(" ".join)


@st.composite
def drafts(draw):
    """(Word paragraphs as (typed prefix, text, style), the label each text gets)."""
    body = [("", line, None) for line in FRONT[:draw(st.integers(0, len(FRONT)))]]
    body += [("", "Oceans and the law of the sea", "Title"), ("", "The General Assembly,", None)]
    labels: list[str | None] = [None] * len(body)
    for n in range(draw(st.integers(1, 3))):
        body.append(("", f"Recalling {draw(sentence)},", None))
        labels.append(f"PP{n + 1}")
    articles = draw(st.integers(0, 3))
    counter = 0
    for article in range(1, max(articles, 1) + 1):
        if articles:
            body.append(("", f"Article {article}", "Heading 2"))
            labels.append(None)
        for n in range(1, draw(st.integers(1, 3)) + 1):
            counter = n if articles else counter + 1
            body.append((f"{counter}.\t", f"Decides {draw(sentence)};", None))
            labels.append(f"{article}.{counter}" if articles and _restarts(articles)
                          else f"OP{counter}")
            if draw(st.booleans()):
                body[-1] = (body[-1][0], body[-1][1][:-1] + ":", None)
                for letter in "ab":
                    body.append(("", f"({letter})\t{draw(sentence)};", None))
                    labels.append("line")
    return body, labels


def _restarts(articles: int) -> bool:
    return articles > 1


def _write(path, body, edits=None):
    edits = edits or {}
    paragraphs = []
    for index, (prefix, text, style) in enumerate(body):
        parts = edits.get(index, [text + ("  " if index % 3 == 0 else "")])
        paragraphs.append(Para([prefix, *parts] if prefix else parts, style=style))
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
@given(draft=drafts(), data=st.data())
def test_copies_give_exactly_their_edits(tmp_path, draft, data):
    body, labels = draft
    path = _write(tmp_path / "draft.docx", body)
    result = read_docx_draft(path)
    assert [p.label for p in result.paragraphs if p.kind != "heading"] == [
        label for label in labels if label not in (None, "line")]
    document = result.to_document("A/C.2/81/L.5")
    assert read_docx_submission(path, document, delegation="EU").amendments == ()

    editable = [i for i, label in enumerate(labels) if label is not None]
    chosen = data.draw(st.lists(st.sampled_from(editable), unique=True, max_size=4))
    edits, expected = {}, []
    for index in sorted(chosen):
        kind = data.draw(st.sampled_from(["delete", "insert", "replace"]))
        parts, proposal = _edit(body[index][1], data.draw(st.integers(0, 50)), kind)
        edits[index] = parts
        owner = max(i for i in editable[:editable.index(index) + 1] if labels[i] != "line")
        expected.append((labels[owner], *proposal))
    copy = _write(tmp_path / "copy.docx", body, edits)
    found = read_docx_submission(copy, document, delegation="EU")
    by_id = {p.id: p.label for p in document.current}
    assert [(by_id[a.paragraph_id], str(a.kind), a.old_text, a.new_text)
            for a in found.amendments] == expected
