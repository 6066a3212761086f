"""Typed numbers keep the document's own figures and stops when a revision renumbers
them or a new paragraph is typed: Arabic-Indic "٢ -" (it became "1 -" in Rev.1, Latin
figures in an Arabic text), full-width "２．" and "2、" in Chinese texts."""

from __future__ import annotations

import io

import docx
import pytest

from drafting.engine import Proposal
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)
from drafting.writers.typed_numbers import shown_number, typed_label

ARABIC = ["تقرر عقد اجتماع؛", "تطلب تقريرا؛", "تقرر أن تبقي المسألة قيد نظرها."]


@pytest.mark.parametrize(("label", "typed", "made"), [
    ("OP2 bis", "２．", "２ bis．"), ("OP3", "1、", "3、"), ("OP12", "５．", "１２．"),
    ("OP2 bis", "٢ -\t", "٢ bis -\t"), ("OP2 bis", "2.\t", "2 bis.\t"),
])
def test_a_new_paragraph_is_typed_in_the_figures_of_the_one_before(label, typed, made):
    assert typed_label(label, typed) == made


@pytest.mark.parametrize(("label", "typed", "shown"), [
    ("OP1", "٢", "١"), ("OP10", "９", "１０"), ("3.1", "٥", "١"), ("OP4", "5", "4"),
])
def test_a_renumbered_number_keeps_its_figures(label, typed, shown):
    assert shown_number(label, typed) == shown


@pytest.mark.parametrize("separator", [" -\t", ".\t"])
def test_rev1_of_an_arabic_draft_renumbers_in_arabic_indic_figures(tmp_path, separator):
    word = docx.Document()
    for line in ("الأمم المتحدة", "A/C.2/81/L.50", "إن الجمعية العامة،",
                 "إذ تشير إلى قرارها 70/1،"):
        word.add_paragraph(line)
    for n, text in enumerate(ARABIC, 1):
        word.add_paragraph(chr(0x660 + n) + separator + text)
    word.save(tmp_path / "draft.docx")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, tmp_path / "draft.docx", "L50")
        add_delegations(store, ["EGY"])
        for label, fields in (("OP1", {"delete_paragraph": True}),
                              ("OP3", {"new_paragraph": "تطلب المزيد؛"})):
            amendment = prepare_amendment(store, "L50", Proposal(label, **fields), "EGY")
            (recorded,) = record(store, "L50", [amendment]).amendments
            store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "L50", "Rev.1", warn=warnings.append)
        assert warnings == []
        made = docx.Document(io.BytesIO(store.source("L50", "Rev.1")))
    assert [p.text for p in made.paragraphs][-3:] == [
        f"١{separator}{ARABIC[1]}", f"٢{separator}{ARABIC[2]}", f"٣{separator}تطلب المزيد؛"]
