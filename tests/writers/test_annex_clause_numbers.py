"""An annex whose clauses are typed "1.1<tab>", "1.2<tab>" (IMO, ICAO) is read as ANNEX.1,
ANNEX.2, each typed number kept as its clause's text: the merged draft holds only the
delegations' changes (none renumbering "1.2" to "2", none without an author, which a
delegation sending the merged draft back would be recorded as proposing), and Rev.1 is
made from the secretariat's document, the clause numbers as typed."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from ooxml_views import body_of, rejected
from source_merges import merge_into

from drafting.engine import Proposal
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

CLAUSES = ["1.1\tThese Guidelines provide recommendations.",
           "1.2\tThey apply to ships of 500 gross tonnage.",
           "2.1\tThey enter into force on 1 January 2028."]


def imo_draft(path):
    """An IMO-like resolution with an annex of clauses typed "1.1<tab>", at ``path``."""
    word = docx.Document()
    for line in ("RESOLUTION MSC.600(110)", "THE MARITIME SAFETY COMMITTEE,",
                 "RECALLING Article 28(b) of the Convention,",
                 "1.\tADOPTS the Guidelines set out in the annex;", "ANNEX", *CLAUSES):
        word.add_paragraph(line)
    word.save(path)
    return path


def test_the_merged_draft_holds_no_change_to_the_clause_numbers(tmp_path):
    merged = merge_into(imo_draft(tmp_path / "draft.docx"), [
        ("EU", "ANNEX.2", {"replace": "500", "with_": "300"}),
        ("EU", "ANNEX.3", {"new_paragraph": "2.2 They apply also to fishing vessels."}),
    ], tmp_path / "merged.docx", "MSC.1")
    changes = [*body_of(merged).iter(qn("w:ins"), qn("w:del"))]
    assert changes and {c.get(qn("w:author")) for c in changes} == {"EU"}
    shown = ["".join(text for _, text in runs) for _, runs in rejected(merged)]
    assert shown[-3:] == CLAUSES  # rejected, the draft: no clause number changed
    inserted = ["".join(t.text for t in change.iter(qn("w:t")))
                for change in body_of(merged).iter(qn("w:ins"))]
    assert [words for words in inserted if words] == [  # no "3 bis" typed before it
        "300", "2.2 They apply also to fishing vessels."]


def test_rev1_of_annex_clauses_is_made_from_the_draft_numbers_as_typed(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, imo_draft(tmp_path / "draft.docx"), "MSC.1")
        add_delegations(store, ["EU"])
        for label, fields in (("ANNEX.2", {"delete_paragraph": True}),
                              ("ANNEX.3", {"new_paragraph": "2.2\tThey apply also to tugs."})):
            amendment = prepare_amendment(store, "MSC.1", Proposal(label, **fields), "EU")
            (recorded,) = record(store, "MSC.1", [amendment]).amendments
            store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "MSC.1", "Rev.1", warn=warnings.append)
        assert warnings == []  # not "in drafting's own layout"
        made = docx.Document(io.BytesIO(store.source("MSC.1", "Rev.1")))
    assert [p.text for p in made.paragraphs][-3:] == [
        CLAUSES[0], CLAUSES[2], "2.2\tThey apply also to tugs."]
