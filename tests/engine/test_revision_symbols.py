"""A symbol with the revision it names, in the form its organization writes it
(`drafting.engine.revision_symbols`): the UN's and IMO's "/Rev.1", WHO's " Rev.1".

WHO's first revision was written "A77/4/Rev.1": the space form was kept only where a
document named a revision already. IMO's symbols ("MSC 110/WP.5", a space after the
committee) could not be stored, so a draft imported under a slug kept the header's symbol
unrevised."""

from __future__ import annotations

import pytest

from drafting.engine.revision_symbols import (
    revised_front_matter,
    revised_symbol,
    revision_separator,
    symbol_with_revision,
)


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
