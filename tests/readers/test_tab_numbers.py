"""Operative paragraphs numbered as IMO and ICAO type them, a figure and a tab with no
full stop ("1<tab>ADOPTS ..."), are read as the paragraphs' numbers, not as preambular
text; a revision of the Word document renumbers them the same way. A year or a quantity
opening a paragraph ("2030<tab>", "500 ships"), or a figure before a word in lower case
(an item of the sentence before), is no number."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from drafting.engine import Proposal
from drafting.readers import read_text
from drafting.readers.lines import split_label
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)
from drafting.writers.typed_numbers import typed_label

OPERATIVE = ["ADOPTS the amendments set out in the annex;",
             "INVITES Member States to apply them."]


def _imo(path: Path) -> Path:
    word = docx.Document()
    for line in ("RESOLUTION MSC.601(110)", "THE MARITIME SAFETY COMMITTEE,",
                 "RECALLING Article 28(b) of the Convention,",
                 *(f"{n}\t{text}" for n, text in enumerate(OPERATIVE, 1))):
        word.add_paragraph(line)
    word.save(path)
    return path


@pytest.mark.parametrize("verb", ["ADOPTS", "Decides"])
def test_a_figure_and_a_tab_number_an_operative_paragraph(verb):
    text = "\n\n".join(["THE MARITIME SAFETY COMMITTEE,", "RECALLING Article 28(b),",
                        f"1\t{verb} the amendments;", "2\tINVITES Member States to act."])
    result = read_text(text, name="msc.txt")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "RECALLING Article 28(b),"), ("OP1", f"{verb} the amendments;"),
        ("OP2", "INVITES Member States to act.")]


@pytest.mark.parametrize("text", ["2030\tAgenda for Sustainable Development",
                                  "500 ships of 500 gross tonnage", "12 December 2026",
                                  "6\ta que cooperen con la Oficina,"])
def test_a_year_or_a_quantity_is_no_number(text):
    assert split_label(text)[0] is None


def test_a_new_paragraph_after_one_typed_so_is_typed_so():
    assert typed_label("OP1 bis", "1\t") == "1 bis\t"


def test_rev1_renumbers_paragraphs_typed_with_a_tab(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        document, _ = import_draft(store, _imo(tmp_path / "msc.docx"), "MSC.3")
        assert [p.label for p in document.current] == ["PP1", "OP1", "OP2"]
        add_delegations(store, ["EU"])
        proposal = Proposal("OP1", new_paragraph="ENCOURAGES Administrations to act early;")
        (recorded,) = record(store, "MSC.3", [
            prepare_amendment(store, "MSC.3", proposal, "EU")]).amendments
        store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "MSC.3", "Rev.1", warn=warnings.append)
        assert warnings == []
        made = docx.Document(io.BytesIO(store.source("MSC.3", "Rev.1")))
    assert [p.text for p in made.paragraphs][-3:] == [
        f"1\t{OPERATIVE[0]}", "2\tENCOURAGES Administrations to act early;",
        f"3\t{OPERATIVE[1]}"]
