"""A symbol with the revision it names, in the form its organization writes it
(`drafting.engine.revision_symbols`): the UN's and IMO's "/Rev.1", WHO's " Rev.1".

WHO's first revision was written "A77/4/Rev.1": the space form was kept only where a
document named a revision already. IMO's symbols ("MSC 110/WP.5", a space after the
committee) could not be stored, so a draft imported under a slug kept the header's symbol
unrevised."""

from __future__ import annotations

import pytest

from drafting.engine import Decisions, revise
from drafting.engine.revision_symbols import (
    reused_revision,
    revised_front_matter,
    revised_symbol,
    revision_separator,
    symbol_with_revision,
)
from drafting.errors import InputError
from drafting.model import Document, Paragraph, ParagraphKind, Revision


@pytest.mark.parametrize(("symbol", "separator"), [
    ("A77/4", " "), ("EB156/3", " "), ("EBPBAC39/2", " "), ("A77/A/CONF./1", " "),
    ("A/C.2/81/L.60", "/"), ("A/HRC/58/L.5", "/"), ("A/INB/9/3", "/"), ("E/CN.6/2025/L.3", "/"),
    ("FCCC/CP/2025/L.4", "/"), ("UNEP/EA.6/L.2", "/"), ("MSC 110/WP.5", "/"),
    ("MEPC 81/WP.7", "/"), ("LEG 111/WP.3", "/"), ("bbnj2025/x", "/"), ("A77", "/"),
    ("CBD", "/"),
])
def test_who_symbols_take_the_space_form_by_their_shape(symbol, separator):
    """Series letters run into a session number, then "/": WHO's shape, and no other."""
    assert revision_separator(symbol) == separator


@pytest.mark.parametrize(("line", "symbol", "label", "shown"), [
    ("A77/4", "A77/4", "Rev.1", "A77/4 Rev.1"),
    ("EB156/3", "EB156/3", "Rev.1", "EB156/3 Rev.1"),
    ("Provisional agenda item 11.2\tA77/4", "A77/4", "Rev.1",
     "Provisional agenda item 11.2\tA77/4 Rev.1"),
    ("A77/4 Rev.1", "A77/4", "Rev.2", "A77/4 Rev.2"),
    ("A77/4/Rev.1", "A77/4", "Rev.2", "A77/4/Rev.2"),  # the form a document uses is kept
    ("A77/4 Add.1", "A77/4", "Rev.1", "A77/4 Add.1"),  # another document
    ("A77/40", "A77/4", "Rev.1", "A77/40"),
    ("A/C.2/81/L.60", "A/C.2/81/L.60", "Rev.1", "A/C.2/81/L.60/Rev.1"),
    ("A/HRC/58/L.5", "A/HRC/58/L.5", "Rev.1", "A/HRC/58/L.5/Rev.1"),
    ("A/INB/9/3", "A/INB/9/3", "Rev.1", "A/INB/9/3/Rev.1"),
    ("MSC 110/WP.5", "MSC 110/WP.5", "Rev.1", "MSC 110/WP.5/Rev.1"),
    ("MSC 110/WP.5/Rev.1", "MSC 110/WP.5", "Rev.2", "MSC 110/WP.5/Rev.2"),
    ("MSC\u00a0110/WP.5", "MSC 110/WP.5", "Rev.1", "MSC\u00a0110/WP.5/Rev.1"),
    ("MSC 110/WP.50", "MSC 110/WP.5", "Rev.1", "MSC 110/WP.50"),
    ("XMSC 110/WP.5", "MSC 110/WP.5", "Rev.1", "XMSC 110/WP.5"),
    ("MSC 110/WP.5", "MSC 110/WP.5", "Second draft", "MSC 110/WP.5"),
])
def test_the_symbol_gains_the_revision_in_its_organizations_form(line, symbol, label, shown):
    assert revised_symbol(line, symbol, label) == shown


@pytest.mark.parametrize(("symbol", "label", "named"), [
    ("A77/4", "Rev.1", "A77/4 Rev.1"), ("A77/4 Rev.1", "Rev.2", "A77/4 Rev.2"),
    ("A/81/L.5\u2013E/2026/L.12", "Rev.1", "A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1"),
    ("A/C.2/81/L.60", "Rev.1", "A/C.2/81/L.60/Rev.1"),
    ("MSC 110/WP.5", "Rev.3", "MSC 110/WP.5/Rev.3"), ("A77/4", "Zero draft", "A77/4"),
])
def test_a_symbol_names_a_revision_as_its_organization_writes_it(symbol, label, named):
    assert symbol_with_revision(symbol, label) == named


@pytest.mark.parametrize(("line", "symbol", "shown"), [
    # a joint document: each organ's symbol takes the revision (the UN's form)
    ("A/81/L.5\u2013E/2026/L.12", "A/81/L.5", "A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1"),
    ("E/2026/L.12\u2013A/81/L.5", "A/81/L.5", "E/2026/L.12/Rev.1\u2013A/81/L.5/Rev.1"),
    ("A/81/L.5\u2013S/2026/100\u2013E/2026/L.12", "A/81/L.5",
     "A/81/L.5/Rev.1\u2013S/2026/100/Rev.1\u2013E/2026/L.12/Rev.1"),
    ("A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1", "A/81/L.5",
     "A/81/L.5/Rev.2\u2013E/2026/L.12/Rev.2"),
    ("A/81/L.5\u2013E/2026/L.12", "A/81/L.5\u2013E/2026/L.12",
     "A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1"),  # imported under the joint symbol
    ("see A/81/L.5\u2013E/2026/L.12.", "A/81/L.5",
     "see A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1."),  # a full stop is no part of it
    ("A/81/L.5 \u2014 Ocean data", "A/81/L.5", "A/81/L.5/Rev.1 \u2014 Ocean data"),
    # a reissue's mark goes: a revision is a new document
    ("A/C.2/81/L.50*", "A/C.2/81/L.50", "A/C.2/81/L.50/Rev.1"),
    ("A/81/L.5\u2013E/2026/L.12*", "A/81/L.5", "A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1"),
])
def test_joint_and_reissued_symbols_are_revised_as_the_un_revises_them(line, symbol, shown):
    label = "Rev.2" if "Rev.1" in line else "Rev.1"
    assert revised_symbol(line, symbol, label) == shown


def test_the_revisions_front_matter_drops_the_reissue_note_and_no_other():
    lines = ("United Nations", "A/C.2/81/L.50*", "Agenda item 18**", "Ocean observation",
             "*  Reissued for technical reasons on 3 November 2026.", "**\tA/81/150.")
    assert revised_front_matter(lines, "A/C.2/81/L.50", "Rev.1") == (
        "United Nations", "A/C.2/81/L.50/Rev.1", "Agenda item 18**", "Ocean observation",
        "**\tA/81/150.")
    unmarked = ("A/C.2/81/L.50", "* A line of its own.")  # no mark on the symbol: kept
    assert revised_front_matter(unmarked, "A/C.2/81/L.50", "Rev.1") == (
        "A/C.2/81/L.50/Rev.1", "* A line of its own.")
    assert revised_front_matter(lines, "A/C.2/81/L.50", "Second draft") == lines


@pytest.mark.parametrize(("symbol", "front", "label", "told"), [
    ("A/HRC/61/L.12/Rev.1", (), "Rev.1", "A/HRC/61/L.12/Rev.1 already, so revision Rev.1 "
     "would be circulated under the same symbol; label this revision Rev.2"),
    ("A/HRC/61/L.12", ("United Nations", "A/HRC/61/L.12/Rev.2"), "Rev.1",
     "an earlier revision's symbol, A/HRC/61/L.12/Rev.1; label this revision Rev.3"),
    ("A77/4", ("A77/4 Rev.1",), "Rev.1", "A77/4 Rev.1 already"),
    ("A/81/L.5\u2013E/2026/L.12", ("A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1",), "Rev.1",
     "label this revision Rev.2"),
    ("A/HRC/61/L.12/Rev.1", (), "Rev.2", None), ("A/HRC/61/L.12/Rev.1", (), "Second draft", None),
    ("A/C.2/81/L.7", ("A/C.2/81/L.7", "A/C.2/81/L.70/Rev.3"), "Rev.1", None),  # another's
])
def test_a_revision_the_symbol_names_already_is_no_new_revision(symbol, front, label, told):
    """A text imported as "A/HRC/61/L.12/Rev.1" and revised as "Rev.1" went out under the
    same symbol as the text it replaces, silently: two texts, one symbol."""
    found = reused_revision(symbol, front, label)
    assert found is None if told is None else told in (found or "")


def test_the_engine_refuses_a_revision_the_symbol_names_already():
    text = Revision("Zero draft", (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE,
                                             "Decides to meet;"),),
                    front_matter=("United Nations", "A/HRC/61/L.12/Rev.1"))
    document = Document("A/HRC/61/L.12/Rev.1", "Privacy", (text,))
    with pytest.raises(InputError, match=r"label this revision Rev\.2"):
        revise(document, [], Decisions(), label="Rev.1")
    revised = revise(document, [], Decisions(), label="Rev.2").revision
    assert revised.front_matter == ("United Nations", "A/HRC/61/L.12/Rev.2")
