import pytest

from drafting.errors import LabelError
from drafting.model import ParagraphKind, next_label, normalize_label, parse_label, renumber
from drafting.model.labels import SUFFIXES, Label, changed


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("OP5", Label("OP", 5)),
        ("PP12", Label("PP", 12)),
        ("OP5 bis", Label("OP", 5, 1)),
        ("op 5  TER", Label("OP", 5, 2)),
        ("OP3 quinquies", Label("OP", 3, 4)),
        ("OP3 decies", Label("OP", 3, 9)),
        ("H2", Label("H", 2)),
        # spellings found in real texts: no space before the suffix, a bare number
        ("OP2ter", Label("OP", 2, 2)),
        ("1bis", Label("OP", 1, 1)),
        ("1 bis", Label("OP", 1, 1)),
        ("7", Label("OP", 7)),
        # numbered within a section: Article 3, paragraph 1; Chapter II, paragraph 4
        ("3.1", Label("OP", 1, 0, "3")),
        ("3.1 bis", Label("OP", 1, 1, "3")),
        ("3.1bis", Label("OP", 1, 1, "3")),
        ("ii.4", Label("OP", 4, 0, "II")),
    ],
)
def test_parse_label(text, label):
    assert parse_label(text) == label


@pytest.mark.parametrize(
    "text", ["", "OP", "XX3", "OP5 bisque", "OP-5", "3.", ".1", "3.1.2", "OP3.1"])
def test_parse_label_refuses_what_is_not_a_label(text):
    with pytest.raises(LabelError, match="is not a paragraph label"):
        parse_label(text)


def test_labels_print_and_sort_as_in_a_text():
    assert str(Label("OP", 5, 3)) == "OP5 quater"
    assert normalize_label("pp 2") == "PP2"
    ordered = sorted(map(parse_label, ["OP6", "OP5 ter", "OP5", "OP5 bis"]))
    assert [str(label) for label in ordered] == ["OP5", "OP5 bis", "OP5 ter", "OP6"]
    assert parse_label("OP5 bis").kind is ParagraphKind.OPERATIVE
    assert parse_label("PP1").kind is ParagraphKind.PREAMBULAR


def test_section_labels_print_count_and_renumber_within_their_section():
    assert str(parse_label("3.1bis")) == "3.1 bis"
    assert next_label("3.1", ["3.1", "3.1 bis", "3.2", "4.1 bis"]) == "3.1 ter"
    assert next_label("4.1", ["3.1 bis"]) == "4.1 bis"
    table = renumber(["PP1", "2.1", "2.1 bis", "2.2", "3.1", "3.1 bis"])
    assert changed(table) == {"2.1 bis": "2.2", "2.2": "2.3", "3.1 bis": "3.2"}


def test_suffixes_run_in_latin_order():
    assert SUFFIXES[:9] == (
        "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies"
    )


def test_next_label_takes_bis_then_ter():
    labels = ["OP4", "OP5", "OP6"]
    assert next_label("OP5", labels) == "OP5 bis"
    assert next_label("OP5", [*labels, "OP5 bis"]) == "OP5 ter"
    assert next_label("OP5 bis", [*labels, "OP5 bis", "OP5 ter"]) == "OP5 quater"
    assert next_label("PP3", ["PP3", "PP3 bis"]) == "PP3 ter"
    # Other numbers' suffixes do not count.
    assert next_label("OP5", ["OP4 bis", "OP6 bis"]) == "OP5 bis"


def test_next_label_runs_out_with_a_clear_error():
    taken = ["OP5"] + [f"OP5 {suffix}" for suffix in SUFFIXES]
    with pytest.raises(LabelError, match=r"no label left after OP5.*renumber"):
        next_label("OP5", taken)


def test_renumber_gives_the_old_to_new_table():
    table = renumber(["PP1", "PP1 bis", "PP2", "OP1", "OP2", "OP2 bis", "OP2 ter", "OP3"])
    assert table == {
        "PP1": "PP1",
        "PP1 bis": "PP2",
        "PP2": "PP3",
        "OP1": "OP1",
        "OP2": "OP2",
        "OP2 bis": "OP3",
        "OP2 ter": "OP4",
        "OP3": "OP5",
    }
    assert changed(table) == {"PP1 bis": "PP2", "PP2": "PP3", "OP2 bis": "OP3",
                              "OP2 ter": "OP4", "OP3": "OP5"}


def test_renumber_closes_gaps_left_by_deleted_paragraphs():
    assert changed(renumber(["OP1", "OP3", "OP4"])) == {"OP3": "OP2", "OP4": "OP3"}


def test_renumber_refuses_a_duplicate():
    with pytest.raises(LabelError, match="OP2 occurs twice"):
        renumber(["OP1", "OP2", "op2"])


@pytest.mark.parametrize(("label", "typed"), [
    ("OP7", "7"), ("op 7 bis", "7 bis"), ("3.1", "1"), ("3.1 ter", "1 ter")])
def test_the_number_a_document_types_for_a_label(label, typed):
    from drafting.model.labels import typed_number

    assert typed_number(label) == typed


def test_renumbering_keeps_a_text_numbered_from_further_on():
    from drafting.model.labels import renumber

    before = ["PP1", "OP6", "OP7", "OP8"]  # an excerpt: its operative numbers start at 6
    assert renumber(["PP0", "PP1", "OP6", "OP6 bis", "OP8"], starts=before) == {
        "PP0": "PP1", "PP1": "PP2", "OP6": "OP6", "OP6 bis": "OP7", "OP8": "OP8"}
    assert renumber(["OP2", "OP3"], starts=["OP1", "OP2", "OP3"]) == {"OP2": "OP1",
                                                                      "OP3": "OP2"}
