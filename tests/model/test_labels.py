import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafting.errors import LabelError
from drafting.model import ParagraphKind, next_label, normalize_label, parse_label, renumber
from drafting.model.labels import SUFFIXES, Label, changed
from drafting.model.sections import option_named


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
        # past vicies (the 20th paragraph numbered 11), figures: OP11.21, OP11.22, ...
        ("OP11.21", Label("OP", 11, 20)),
        ("op 11.22", Label("OP", 11, 21)),
        ("PP3.100", Label("PP", 3, 99)),
        ("3.1.21", Label("OP", 1, 20, "3")),
        ("ii.4.25", Label("OP", 4, 24, "II")),
        ("11.21", Label("OP", 21, 0, "11")),  # two numbers bare: still section.paragraph
    ],
)
def test_parse_label(text, label):
    assert parse_label(text) == label


@pytest.mark.parametrize(
    "text", ["", "OP", "XX3", "OP5 bisque", "OP-5", "3.", ".1", "OP3.1", "OP5.20",
             "OP5.0", "OP5.21.22", "3.1 bis.21", "OP5.12345678"])
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


def test_figures_below_21_say_to_write_the_latin_suffix():
    with pytest.raises(LabelError, match=r"counts from 21, after vicies"):
        parse_label("OP5.3")


def test_next_label_goes_on_in_figures_after_vicies():
    taken = ["OP5"] + [f"OP5 {suffix}" for suffix in SUFFIXES]
    assert SUFFIXES[-1] == "vicies" and len(taken) == 20  # OP5 and 19 new ones
    assert next_label("OP5", taken) == "OP5.21"
    assert next_label("OP5", [*taken, "OP5.21", "op5.22"]) == "OP5.23"
    assert next_label("OP5.21", taken) == "OP5.22"
    sectioned = ["3.1"] + [f"3.1 {suffix}" for suffix in SUFFIXES]
    assert next_label("3.1", sectioned) == "3.1.21"
    labels = ["OP5"]
    for _ in range(60):
        labels.append(next_label("OP5", labels))
    assert labels[19:22] == ["OP5 vicies", "OP5.21", "OP5.22"] and labels[-1] == "OP5.61"
    assert [parse_label(label) for label in labels] == sorted(map(parse_label, labels))


def test_figures_sort_after_vicies_and_before_the_next_number():
    ordered = sorted(map(parse_label, ["OP12", "OP11.100", "OP11.22", "OP11 vicies",
                                       "OP11.21", "OP11", "OP11 bis"]))
    assert [str(label) for label in ordered] == [
        "OP11", "OP11 bis", "OP11 vicies", "OP11.21", "OP11.22", "OP11.100", "OP12"]
    assert sorted(map(parse_label, ["3.2", "3.1.21", "3.1 vicies"])) == [
        parse_label("3.1 vicies"), parse_label("3.1.21"), parse_label("3.2")]


def test_renumbering_counts_figures_like_latin_suffixes():
    assert changed(renumber(["OP1", "OP1 vicies", "OP1.21", "OP2"])) == {
        "OP1 vicies": "OP2", "OP1.21": "OP3", "OP2": "OP4"}


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
    ("OP7", "7"), ("op 7 bis", "7 bis"), ("3.1", "1"), ("3.1 ter", "1 ter"),
    ("OP7.21", "7.21"), ("3.1.21", "1.21")])
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


_SECTIONS = st.one_of(st.just(""), st.integers(1, 999).map(str),
                      st.sampled_from(["II", "XIV", "A", "ANNEX", "3bis", "ANNEX I",
                                       "APPENDIX 12", "ANNEX Cbis", "CHAPTER"]))


@given(prefix=st.sampled_from(["PP", "OP", "FN", "H", "T"]), number=st.integers(0, 9999),
       suffix=st.one_of(st.integers(0, 40), st.integers(0, 9_999_998)), section=_SECTIONS)
def test_every_label_reads_back_as_written_in_any_case(prefix, number, suffix, section):
    label = Label("OP" if section else prefix, number, suffix, section)
    for spelling in (str(label), str(label).lower(), str(label).replace(" ", "")):
        assert parse_label(spelling) == label
    assert normalize_label(str(label).upper()) == str(label)


@given(st.lists(st.integers(0, 200), min_size=2, max_size=8))
def test_labels_of_one_family_sort_by_their_count(suffixes):
    labels = [Label("OP", 7, suffix) for suffix in suffixes]
    assert sorted(map(parse_label, map(str, labels))) == sorted(
        labels, key=lambda label: label.suffix)
    assert all(parse_label(str(label)) < Label("OP", 8) for label in labels)


def test_an_option_line_names_its_option_as_a_label_writes_it():
    """"Option 01", "Option １" and "Option ١" named options "01", "１" and "١": labels
    that read as Option 1's beside it; "Option 100" named none."""
    assert [option_named(t) for t in ("Option 1", "Option 01", "[Option \uff11:",
                                      "Option \u0661", "option b", "Option 100",
                                      "Option 007")] == ["1", "1", "1", "1", "B", "100", "7"]
    assert option_named("Option 1.1") is None and option_named("Option \u00b9") is None


@pytest.mark.parametrize(("text", "section"), [
    ("Ibis.1", "Ibis"), ("IIbis.2", "IIbis"), ("IVter.1", "IVter"), ("3quater.1", "3quater"),
    ("XIquinquies.3 bis", "XIquinquies")])
def test_an_article_inserted_after_a_roman_or_past_ter_is_a_section(text, section):
    """"Article I bis" in an agreement numbered in Roman numerals, "Chapter II bis", and
    "Article 3 quater" key their paragraphs as "Article 3 bis" does: a revision numbers
    them within it (``Ibis.1``) and never refuses them."""
    label = parse_label(text)
    assert label.section == section
    assert renumber([text, f"{section}.5"]) == {str(label): f"{section}.1",
                                                 f"{section}.5": f"{section}.2"}
