"""For random drafts (front matter, a chapeau, preambular and typed operative paragraphs,
sub-paragraph lines, bold and italic runs) and random proposals that do not compete,
the merged document written into the draft's own Word file rejects to the source,
paragraph for paragraph, and its revision reads back as the revision."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, write_docx
from ooxml_views import rejected

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

WORDS = ["fisheries", "States", "report", "measures", "ocean", "women", "trade", "fund",
         "science", "capacity", "coastal", "communities", "markets", "cooperation"]
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)

sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=9, unique=True).map(" ".join)


@st.composite
def drafts(draw):
    """Word paragraphs (typed prefix, text, style) of a GA-like draft."""
    body = [("", line, None) for line in ("United Nations", "A/C.2/81/L.5",
                                          "Fiji and Samoa: draft resolution")]
    body += [("", "Oceans and the law of the sea", "Title"), ("", "The General Assembly,", None)]
    body += [("", f"Recalling {draw(sentence)},", None) for _ in range(draw(st.integers(1, 3)))]
    for number in range(1, draw(st.integers(1, 4)) + 1):
        body.append((f"{number}.\t", f"Decides {draw(sentence)};", None))
        if draw(st.booleans()):
            body[-1] = (body[-1][0], body[-1][1][:-1] + ":", None)
            body += [("", f"({letter})\t{draw(sentence)};", None) for letter in "ab"]
    return body


def _write(path, body):
    paragraphs = []
    for prefix, text, style in body:
        head, _, tail = text.partition(" ")  # the opening word in its own run
        parts = [prefix, head, f" {tail}"] if tail else [prefix, head]
        paragraphs.append(Para([p for p in parts if p], style=style))
    return write_docx(path, paragraphs, title="", subtitle="")


@st.composite
def proposals(draw, revision):
    """Up to four proposals, each on a paragraph of its own (none competes), and perhaps a
    new paragraph before the first."""
    chosen = draw(st.lists(st.sampled_from([p for p in revision if len(p.text.split()) > 3]),
                           unique_by=lambda p: p.id, max_size=4))
    made = []
    for paragraph in chosen:
        # not the structure (the colon that opens sub-paragraphs, an "(a)"): without it,
        # "(a)" no longer reads as a sub-paragraph (the import's rule): Rev.1 would differ
        words = [w for w in paragraph.text.split()[1:]
                 if paragraph.text.count(w) == 1 and not w.endswith(":") and "(" not in w]
        word = draw(st.sampled_from(words)) if words else None
        kind = draw(st.sampled_from(["replace", "delete", "insert", "new", "gone"]))
        if kind == "new" or word is None:  # worded as a paragraph of its kind is
            fields = {"new_paragraph": f"Noting {draw(sentence)}," if paragraph.label.startswith(
                "PP") else f"Welcomes {draw(sentence)};"}
        elif kind == "gone":
            fields = {"delete_paragraph": True}
        elif kind == "replace":
            fields = {"replace": word, "with_": "markets-x"}
        elif kind == "delete":
            fields = {"delete": word}
        else:
            fields = {"insert": " urgently", "after": word}
        made.append((paragraph.label, fields))
    if draw(st.booleans()):  # a new first paragraph, before the first
        made.append((next(iter(revision)).label,
                     {"new_paragraph": f"Reaffirming {draw(sentence)},", "place_before": True}))
    return made


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=drafts(), data=st.data())
def test_merged_rejects_to_the_source_and_the_revision_reads_back(tmp_path, body, data):
    source = _write(tmp_path / "draft.docx", body)
    document = read_docx_draft(source).to_document("A/C.2/81/L.5")
    current = document.current
    amendments = [draft_amendment(current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=["EU"], submitted_at=T0)
                  for n, (label, fields) in enumerate(data.draw(proposals(current)), 1)]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    assert rejected(merged) == rejected(source)

    outcome = revise(document, amendments, Decisions(accepted=frozenset(a.id for a in amendments)),
                     label="Rev.1")
    rev1 = revise_source(source.read_bytes(), current, outcome.revision, symbol=document.symbol)
    again = read_docx_draft(_saved(tmp_path / "rev1.docx", rev1))
    assert [(p.label, p.text) for p in again.paragraphs] == [
        (p.label, p.text) for p in outcome.revision]
    assert "A/C.2/81/L.5/Rev.1" in again.front_matter


def _saved(path, data):
    path.write_bytes(data)
    docx.Document(io.BytesIO(data))  # python-docx opens it
    return path


def test_a_new_first_paragraph_in_place_of_a_deleted_first_one(tmp_path):
    """Found by the property test: PP1 deleted and a new paragraph put before it, both
    accepted, before a typed "1." paragraph: the new one is preambular, not typed "1."."""
    body = [("", "A/C.2/81/L.5", None), ("", "Oceans", "Title"),
            ("", "The General Assembly,", None),
            ("", "Recalling fisheries States report measures,", None),
            ("1.\t", "Decides fisheries States report measures;", None)]
    source = _write(tmp_path / "draft.docx", body)
    document = read_docx_draft(source).to_document("A/C.2/81/L.5")
    current = document.current
    asked = [Proposal("PP1", delete_paragraph=True),
             Proposal("PP1", new_paragraph="Reaffirming the Charter,", place_before=True)]
    amendments = [draft_amendment(current, proposal, id=f"A{n}", proponents=["EU"],
                                  submitted_at=T0) for n, proposal in enumerate(asked, 1)]
    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    rev1 = revise_source(source.read_bytes(), current, outcome.revision, symbol=document.symbol)
    again = read_docx_draft(_saved(tmp_path / "rev1.docx", rev1))
    assert [(p.label, p.text) for p in again.paragraphs] == [
        ("PP1", "Reaffirming the Charter,"), ("OP1", "Decides fisheries States report measures;")]


def test_new_first_paragraphs_where_every_old_one_was_deleted(tmp_path):
    """Found by the property test: every paragraph deleted (PP1, OP1) and a new one put
    before the first, all accepted: Rev.1's Word file could not be written ("no paragraph
    in its body to put the new first paragraph before"). The new one stands where the
    text began, after the chapeau."""
    body = [("", "United Nations", None), ("", "A/C.2/81/L.5", None),
            ("", "Fiji and Samoa: draft resolution", None),
            ("", "Oceans and the law of the sea", "Title"), ("", "The General Assembly,", None),
            ("", "Recalling fisheries States report measures,", None),
            ("1.\t", "Decides fisheries States report measures;", None)]
    source = _write(tmp_path / "draft.docx", body)
    document = read_docx_draft(source).to_document("A/C.2/81/L.5")
    current = document.current
    asked = [Proposal("PP1", delete_paragraph=True), Proposal("OP1", delete_paragraph=True),
             Proposal("PP1", new_paragraph="Reaffirming fisheries States report measures,",
                      place_before=True)]
    amendments = [draft_amendment(current, proposal, id=f"A{n}", proponents=["EU"],
                                  submitted_at=T0) for n, proposal in enumerate(asked, 1)]
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset({"A1", "A2", "A3"})), label="Rev.1")
    rev1 = revise_source(source.read_bytes(), current, outcome.revision, symbol=document.symbol)
    again = read_docx_draft(_saved(tmp_path / "rev1.docx", rev1))
    assert [(p.label, p.text) for p in again.paragraphs] == [
        ("PP1", "Reaffirming fisheries States report measures,")]
    assert again.chapeau == "The General Assembly,"
