"""A new operative paragraph in the merged draft of an Arabic or Russian text is numbered
as those texts number one: "٣ مكررا -" and "3 бис." (the English "bis" was typed, "٣ bis -"
in an Arabic text), as their readers read them back (``OP3 bis``); a French text types
"3 bis." as English does. Rev.1 numbers it on ("٤ -", "4.")."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)
from drafting.writers.typed_numbers import typed_label

ARABIC_FRONT = ["الأمم المتحدة", "A/C.2/81/L.50", "إن الجمعية العامة،", "إذ تشير إلى قرارها 70/1،"]
ARABIC = ["تقرر عقد اجتماع؛", "تطلب تقريرا؛", "تقرر أن تبقي المسألة قيد نظرها."]
RUSSIAN_FRONT = ["Организация Объединенных Наций", "A/C.2/81/L.50", "Генеральная Ассамблея,",
                 "ссылаясь на свою резолюцию 70/1,"]
RUSSIAN = ["постановляет провести совещание;", "просит представить доклад;",
           "постановляет продолжать заниматься этим вопросом."]
FRENCH_FRONT = ["Nations Unies", "A/C.2/81/L.50", "L’Assemblée générale,",
                "Rappelant sa résolution 70/1,"]
FRENCH = ["Décide de tenir une réunion ;", "Prie de présenter un rapport ;",
          "Décide de rester saisie de la question."]

CASES = {  # front matter, operative paragraphs, their numbers, the new one, merged, Rev.1
    "Arabic-Indic": (ARABIC_FRONT, ARABIC, lambda n: f"{chr(0x660 + n)} -\t", "تطلب المزيد؛",
                     "٣ مكررا -\t", "٤ -\t"),
    "Arabic, Latin figures": (ARABIC_FRONT, ARABIC, lambda n: f"{n} -\t", "تطلب المزيد؛",
                              "3 مكررا -\t", "4 -\t"),
    "Russian": (RUSSIAN_FRONT, RUSSIAN, lambda n: f"{n}.\t", "просит также;", "3 бис.\t",
                "4.\t"),
    "French": (FRENCH_FRONT, FRENCH, lambda n: f"{n}.\t", "Prie en outre ;", "3 bis.\t",
               "4.\t"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_new_paragraph_is_numbered_in_the_words_of_its_language(tmp_path, case):
    front, operative, number, new, merged_number, revised_number = CASES[case]
    word = docx.Document()
    for line in front:
        word.add_paragraph(line)
    for n, text in enumerate(operative, 1):
        word.add_paragraph(number(n) + text)
    word.save(tmp_path / "draft.docx")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, tmp_path / "draft.docx", "L50")
        add_delegations(store, ["EGY"])
        amendment = prepare_amendment(store, "L50", Proposal("OP3", new_paragraph=new), "EGY")
        (recorded,) = record(store, "L50", [amendment]).amendments
        merge_to(store, "L50", tmp_path / "merged.docx")
        store.decide(recorded.id, "accept")
        revise_document(store, "L50", "Rev.1")
        revised = docx.Document(io.BytesIO(store.source("L50", "Rev.1")))
    lo_track("accept", tmp_path / "merged.docx", tmp_path / "accepted.docx")
    accepted = [p.text for p in docx.Document(tmp_path / "accepted.docx").paragraphs]
    assert accepted[-1] == f"{merged_number}{new}"
    read = read_docx_draft(tmp_path / "accepted.docx").paragraphs
    assert [(p.label, p.text) for p in read][-2:] == [("OP3", operative[2]), ("OP3 bis", new)]
    assert [p.text for p in revised.paragraphs][-1] == f"{revised_number}{new}"


@pytest.mark.parametrize(("label", "typed", "text", "made"), [
    ("OP2 bis", "٢ -\t", "تطلب المزيد؛", "٢ مكررا -\t"),
    ("OP2 ter", "2 -\t", "تطلب المزيد؛", "2 مكررا ثانيا -\t"),
    ("OP2 quater", "2 -\t", "تطلب المزيد؛", "2 quater -\t"),  # no Arabic form is read past ter
    ("OP2 bis", "2.\t", "просит также;", "2 бис.\t"),
    ("OP2 quater", "2.\t", "просит также;", "2 кватер.\t"),
    ("OP2 bis", "2.\t", "Prie en outre ;", "2 bis.\t"),
    ("OP2 bis Alt", "2.\t", "просит также;", "2 бис Alt.\t"),
])
def test_the_suffix_is_typed_in_the_words_of_the_paragraphs_text(label, typed, text, made):
    assert typed_label(label, typed, text) == made


def test_a_decisions_item_letter_keeps_its_suffix_as_read():
    """"(ج bis)": a letter's suffix is read in Latin letters only."""
    assert typed_label("OP3 bis", "(ج)\t", "تطلب المزيد؛") == "(ج bis)\t"
