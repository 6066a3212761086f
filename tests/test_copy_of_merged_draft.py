"""A delegation answers on the merged draft the secretariat circulated: its copy carries
every delegation's proposals as tracked changes by "EU", "G77", ... Read as the sending
delegation's changes, they were all proposed again in its name; they are the pending
proposals already, and only the delegation's own changes are read."""

from __future__ import annotations

import copy
import sys
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_merged_copy_edits import _copy

from drafting.engine import Proposal
from drafting.errors import InputError, LimitError
from drafting.ooxml.package import open_word
from drafting.ooxml.properties import MERGED_DRAFT, custom_text, merged_draft_of
from drafting.outputs import compile_to, merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(opened, ["EU", "G77", "USA", "JPN"])
        for code, proposal in (("EU", Proposal("OP24", replace="submit", with_="transmit")),
                               ("G77", Proposal("OP24", insert="annual ", before="report")),
                               ("EU", Proposal("PP1", delete_paragraph=True))):
            record(opened, SYMBOL, [prepare_amendment(opened, SYMBOL, proposal, code)])
        yield opened


def _with_own_change(merged: Path, copy_path: Path, author: str, words: str = " Also") -> Path:
    """``merged`` with one more tracked insertion of ``words`` by ``author`` at the end of
    its last paragraph holding text, as a delegation's Word adds one."""
    def add(body: etree._Element) -> None:
        last = [p for p in body.iter(qn("w:p")) if any(t.text for t in p.iter(qn("w:t")))][-1]
        run = copy.deepcopy(next(r for r in last.iter(qn("w:r"))
                                 if r.find(qn("w:t")) is not None))
        run.find(qn("w:t")).text = words
        inserted = etree.SubElement(last, qn("w:ins"), {
            qn("w:id"): "9001", qn("w:author"): author, qn("w:date"): "2026-12-06T10:00:00Z"})
        inserted.append(run)

    return _copy(merged, copy_path, add)


def test_the_merged_draft_sent_back_unchanged_proposes_nothing_in_the_senders_name(
        store, tmp_path):
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [tmp_path / "merged.docx"], delegation="USA")
    assert "3 tracked changes (the first here) by EU, G77 are pending already (A3, A1, " \
           "A2), as the merged draft shows them: not proposed again" in refused.value.details


def test_the_merged_draft_says_what_it_is_and_a_compilation_does_not(store, tmp_path):
    """`merge` stamps its file with the document and revision it is the merged draft of
    (kept through Accept All: its clean copies still say so); `compile` does not."""
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    compile_to(store, SYMBOL, tmp_path / "compiled.docx")
    label = store.document(SYMBOL).current.label
    assert custom_text(open_word(tmp_path / "merged.docx").custom,
                       MERGED_DRAFT) == merged_draft_of(SYMBOL, label)
    assert custom_text(open_word(tmp_path / "compiled.docx").custom, MERGED_DRAFT) is None


def test_a_copy_of_the_merged_draft_gives_the_senders_own_changes_only(store, tmp_path):
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = _with_own_change(tmp_path / "merged.docx", tmp_path / "usa.docx", "John Smith")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " Also")]
    assert any("are pending already" in w for w in prepared.warnings)
    record(store, SYMBOL, list(prepared.amendments))  # A4
    merge_to(store, SYMBOL, tmp_path / "merged2.docx")  # now with the USA's, by "USA"
    with pytest.raises(InputError, match="no change found"):
        prepare_files(store, SYMBOL, [tmp_path / "merged2.docx"], delegation="JPN")
    # sent back untouched by the EU, whose own proposals it shows among the others':
    # pending already, as the others' are (it was refused as repeating them, and the
    # advice to submit with --allow-duplicates recorded them twice)
    with pytest.raises(InputError, match="no change found"):
        prepare_files(store, SYMBOL, [tmp_path / "merged2.docx"], delegation="EU")
    # beside a change of its own, they are left out: the file was refused as repeating them
    eu = _with_own_change(tmp_path / "merged2.docx", tmp_path / "eu2.docx", "Anna Schmidt",
                          " Indeed")
    [answer] = prepare_files(store, SYMBOL, [eu], delegation="EU")
    assert [(a.proponents, a.new_text) for a in answer.amendments] == [(("EU",), " Indeed")]
    record(store, SYMBOL, list(answer.amendments))
    # the very change the USA proposes, typed by the EU's own delegate, is the EU's too
    same = _with_own_change(tmp_path / "merged.docx", tmp_path / "eu.docx", "Anna Schmidt")
    [prepared] = prepare_files(store, SYMBOL, [same], delegation="EU")
    assert " Also" in {a.new_text for a in prepared.amendments}
    assert "annual " not in {a.new_text for a in prepared.amendments}  # the G77's stays its


def test_pending_proposals_are_read_only_for_authors_that_read_as_codes(store):
    """A delegate's own Word name ("Anna Schmidt (EU)") is never a merged draft's: the
    store's pending amendments are not read for it (at 100,000 amendments, seconds)."""
    from drafting.intake import prepare_file

    asked = []

    def proposed():
        asked.append(True)
        return {}

    document = store.document(SYMBOL)
    prepare_file(store, document, SAMPLES / "docx" / "eu-tracked.docx", delegation="EU",
                 proposed=proposed)
    assert asked == []
    with pytest.raises(InputError, match="naming USA, another delegation, not EU"):
        prepare_file(store, document, SAMPLES / "docx" / "usa-tracked.docx", delegation="EU",
                     proposed=proposed)  # tracked by "USA": it may be a merged draft's
    assert asked == [True]  # read as one, then refused: none of its changes is a proposal


def test_the_pending_proposals_a_merged_copy_carries_do_not_count_against_the_file_limit(
        store, tmp_path, monkeypatch):
    # a merged draft of a large negotiation tracks thousands of pending proposals: here
    # the limit on a file's amendments is 2, the merged draft carries 3, the sender adds 1
    from drafting.readers import docx_submission

    monkeypatch.setattr(docx_submission, "MAX_AMENDMENTS_PER_FILE", 2)
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = _with_own_change(tmp_path / "merged.docx", tmp_path / "usa.docx", "USA")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " Also")]
    def three(body: etree._Element) -> None:  # its own three: one too many
        texts = [p for p in body.iter(qn("w:p")) if any(t.text for t in p.iter(qn("w:t")))]
        for number, paragraph in enumerate(texts[-3:]):
            inserted = etree.SubElement(paragraph, qn("w:ins"), {
                qn("w:id"): str(9100 + number), qn("w:author"): "USA",
                qn("w:date"): "2026-12-06T10:00:00Z"})
            etree.SubElement(etree.SubElement(inserted, qn("w:r")), qn("w:t")).text = " Also"

    most = _copy(tmp_path / "merged.docx", tmp_path / "usa-three.docx", three)
    with pytest.raises(LimitError, match="more than the 2,000 amendments"):
        prepare_files(store, SYMBOL, [most], delegation="USA")


def test_overlapping_proposals_the_merged_draft_brackets_are_not_proposed_again(
        store, tmp_path):
    # where proposals overlap the merged draft shows them as a bracket of alternatives,
    # "[a report / annual report (G77) / reports (USA)]", "[" and "]" by "G77, USA":
    # read change by change no alternative was any one proposal, and an unchanged copy
    # was refused; two insertions at one place are such a bracket too
    for code, proposal in (("USA", Proposal("OP24", replace="a report", with_="reports")),
                           ("USA", Proposal("OP24", insert=" urgently", after="resolution")),
                           ("EU", Proposal("OP24", insert=" in full", after="resolution"))):
        record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal, code)])
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    with zipfile.ZipFile(tmp_path / "merged.docx") as package:
        shown = package.read("word/document.xml").decode()
    assert 'w:author="G77, USA"' in shown and 'w:author="USA, EU"' in shown  # brackets
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [tmp_path / "merged.docx"], delegation="JPN")
    assert "are pending already, as the merged draft shows them" in refused.value.details
    sent = _with_own_change(tmp_path / "merged.docx", tmp_path / "jpn.docx", "JPN")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="JPN")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("JPN",), " Also")]


def _accepted_all(merged: Path, path: Path, *, also: tuple[str, str] | None = None) -> Path:
    """``merged`` with every tracked change accepted, as Word's Accept All leaves it, and
    ``also`` (old, new) typed over without Track Changes."""
    def accept(body: etree._Element) -> None:
        for deleted in list(body.iter(qn("w:del"))):
            deleted.getparent().remove(deleted)
        for inserted in list(body.iter(qn("w:ins"))):
            parent = inserted.getparent()
            if parent.tag == qn("w:rPr"):  # an inserted paragraph mark: kept as it is
                parent.remove(inserted)
                continue
            for child in list(inserted):
                inserted.addprevious(child)
            parent.remove(inserted)
        for text in body.iter(qn("w:t")):
            if also and also[0] in (text.text or ""):
                text.text = text.text.replace(*also)

    return _copy(merged, path, accept)


def test_the_merged_draft_with_every_change_accepted_proposes_none_of_them_again(
        store, tmp_path):
    # Accept All leaves no tracked change: the copy read as edited, every proposal it
    # accepted was recorded in the sender's name, without a word
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    untouched = _accepted_all(tmp_path / "merged.docx", tmp_path / "usa.docx")
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [untouched], delegation="USA")
    assert refused.value.details.count("this copy accepted it") == 3  # A1, A2, A3
    edited = _accepted_all(tmp_path / "merged.docx", tmp_path / "usa2.docx",
                           also=("UN-Oceans", "UN-Oceans and UN-Water"))
    [prepared] = prepare_files(store, SYMBOL, [edited], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [
        (("USA",), " and UN-Water")]


def test_every_change_accepted_beside_a_tracked_change_of_its_own_proposes_only_that(
        store, tmp_path):
    """Accept All, then one tracked change of the sender's own: the copy read as tracked,
    every proposal accepted untracked was the sender's, its own pending ones again too
    (and a new paragraph accepted was its new paragraph)."""
    with store:
        record(store, SYMBOL, [prepare_amendment(store, SYMBOL, Proposal(
            "OP3", new_paragraph="Invites donors to contribute;"), "G77")])
        record(store, SYMBOL, [prepare_amendment(store, SYMBOL, Proposal(
            "OP5", replace="Encourages", with_="Urges"), "USA")])
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    accepted = _accepted_all(tmp_path / "merged.docx", tmp_path / "accepted.docx")
    sent = _with_own_change(accepted, tmp_path / "usa.docx", "John Smith")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " Also")]
    said = " ".join(prepared.warnings)
    assert said.count("this copy accepted it") == 4  # the EU's, the G77's two, the new one
    assert "USA's own pending A5" in said and "pending already, not proposed again" in said


def test_a_proposal_beside_a_retain_is_not_proposed_again(store, tmp_path):
    # a retain beside a change: the merged draft brackets the change by its delegation
    # alone, "[submit / transmit]" tracked by EU, read as one replacement by the bracket
    record(store, SYMBOL, [prepare_amendment(store, SYMBOL, Proposal("OP24", retain=True),
                                             "USA")])
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [tmp_path / "merged.docx"], delegation="JPN")
    assert "the alternatives of EU, G77 (A1, A2)" in refused.value.details


def test_an_alternative_formulation_the_merged_draft_shows_is_not_proposed_again(
        store, tmp_path):
    # the merged draft shows it as an "Alt" paragraph G77 inserts; read back, the
    # paragraph was bracketed whole and "[...]" put after it: both in the sender's name
    record(store, SYMBOL, [prepare_amendment(store, SYMBOL, Proposal(
        "OP23", alternative="Invites Member States to report on progress;"), "G77")])
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [tmp_path / "merged.docx"], delegation="JPN")
    assert "the alternatives of G77 (A4)" in refused.value.details


def _rejected(body: etree._Element) -> None:
    """The EU's A1 (OP24 'submit' -> 'transmit') rejected in Word: its words as they were,
    no mark left."""
    deleted = next(e for e in body.iter(qn("w:del")) if e.get(qn("w:author")) == "EU"
                   and "submit" in "".join(e.itertext()))
    for run in list(deleted):
        for text in run.iter(qn("w:delText")):
            text.tag = qn("w:t")
        deleted.addprevious(run)
    deleted.getparent().remove(deleted)
    inserted = next(e for e in body.iter(qn("w:ins")) if e.get(qn("w:author")) == "EU"
                    and "transmit" in "".join(e.itertext()))
    inserted.getparent().remove(inserted)


def test_a_proposal_rejected_in_the_copy_is_named_and_not_recorded(store, tmp_path):
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = _with_own_change(_copy(tmp_path / "merged.docx", tmp_path / "usa.docx", _rejected),
                            tmp_path / "usa2.docx", "USA")
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " Also")]
    [warning] = [w for w in prepared.warnings if "the copy rejected" in w]
    assert "(OP24): EU's pending A1 (replace 'submit' -> 'transmit'), which the merged " \
           "draft tracks, is not in this copy: the copy rejected it. That is not recorded: " \
           "a rejection in a copy is not read as USA's opposition (to record it: drafting " \
           f"amend {SYMBOL} OP24 --delegation USA --retain)" in warning
    untouched = prepare_files(store, SYMBOL, [_with_own_change(
        tmp_path / "merged.docx", tmp_path / "usa3.docx", "USA")], delegation="USA")
    assert not any("the copy rejected" in w for w in untouched[0].warnings)


def test_rejecting_the_latest_proposals_is_named_as_an_earlier_ones_is(store, tmp_path):
    """The copy accepts G77's A2 and rejects the EU's A1 and A3 in Word: the latest, A3,
    went without a word (only proposals before the latest the copy shows were named);
    now it is named too, the copy not telling whether the merged draft had it."""
    sys.path.insert(0, str(Path(__file__).parent / "readers"))
    from merged_answers import answered, tracked_insertion

    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = answered(tmp_path / "merged.docx", tmp_path / "usa.docx", {"G77"},
                    tracked_insertion("the tenure rights", " also", "USA"))
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " also")]
    named = {w.split("pending ", 1)[1][:2]: w for w in prepared.warnings
             if "the copy rejected" in w}
    assert sorted(named) == ["A1", "A3"]
    assert "which the merged draft tracks, is not in this copy: the copy rejected it." \
        in named["A1"]
    assert "(PP1): EU's pending A3 (delete the paragraph) is not in this copy: the copy " \
           "rejected it, unless the merged draft was written before it was proposed. That " \
           "is not recorded" in named["A3"]
    assert f"drafting amend {SYMBOL} PP1 --delegation USA --retain" in named["A3"]


def test_a_proposal_accepted_untracked_is_no_difference_read_as_an_amendment(store,
                                                                            tmp_path):
    """G77's A2 accepted in Word, the copy's own change tracked: OP24 differs from the
    draft outside tracked changes, but that difference is A2, set aside, not read. The
    warning said "the differences are read as amendments too"."""
    sys.path.insert(0, str(Path(__file__).parent / "readers"))
    from merged_answers import answered, tracked_insertion

    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = answered(tmp_path / "merged.docx", tmp_path / "usa.docx", {"EU", "G77"},
                    tracked_insertion("the tenure rights", " also", "USA"))
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " also")]
    assert any("this copy accepted it" in w and "A2 of G77" in w for w in prepared.warnings)
    assert not any("outside tracked changes" in w for w in prepared.warnings)
