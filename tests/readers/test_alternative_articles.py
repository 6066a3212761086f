"""An alternative to a whole article, set out after it as chairs' texts of treaties set
one out: "[Article 13 alt", its title, its own paragraphs "1.", "2.", the last closing
the bracket. The import was refused ("the label 13.1 is used twice ... reads like a
section heading whose number is not in a form known here"): the text could not be
negotiated at all. Its paragraphs are now ``13alt.1``, ``13alt.2``, amended and
renumbered in Rev.1 as any article's, in the secretariat's own Word document."""

from __future__ import annotations

import io

import docx
import pytest

from drafting.engine import Proposal
from drafting.model.labels import parse_label
from drafting.model.sections import section_key
from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

ARTICLE_13 = ["Article 13", "Waste management",
              "1.\tEach Party shall ensure environmentally sound waste management.",
              "2.\tParties shall cooperate on capacity-building."]
ALTERNATIVE = ["[Article 13 alt", "Waste management",
               "1.\tEach Party shall, in accordance with national circumstances, manage waste.",
               "2.\tParties may cooperate on capacity-building.]"]
ARTICLE_14 = ["Article 14", "Financial mechanism", "1.\tA mechanism is hereby defined."]
LINES = ["United Nations", "A/CONF.999/L.3", "Draft agreement on plastic pollution",
         "The Parties to this Agreement,", "Recognizing that plastic pollution is serious,",
         "Have agreed as follows:", *ARTICLE_13, *ALTERNATIVE, *ARTICLE_14]


def _draft(path):
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "A/CONF.999/L.3"
    for line in LINES:
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _numbered(paragraphs):
    return [(p.label, p.text) for p in paragraphs if p.label[:1].isdigit()]


@pytest.mark.parametrize(("heading", "key"), [
    ("Article 13 alt", "13alt"), ("[Article 13 alt", "13alt"), ("[Article 13 Alt]", "13alt"),
    ("Article 13 alt. Waste management", "13alt"), ("Article 13 bis", "13bis"),
    ("Alt Article 13", "13alt"), ("[Alt Article 13", "13alt"), ("Alternative Article 13",
                                                                "13alt"),
    ("Article 13 alt 2", "13alt2"), ("[Article 13 alt 2", "13alt2"),
    ("Article 13 bis alt", "13bisalt"), ("[Article 13 bis alt", "13bisalt"),
    ("Article 13 (alternative)", "13alt"), ("[Article 13 (Alternative 2)", "13alt2"),
    ("Article 13 Alternative sources of finance", "13"),  # a title, not an alternative
])
def test_an_alternative_articles_heading_gives_its_own_key(heading, key):
    assert section_key(heading) == key


def test_its_paragraphs_labels_read_back():
    assert str(parse_label("13alt.2")) == "13alt.2"
    assert str(parse_label("13ALT.2 bis")) == "13alt.2 bis"
    assert parse_label("13alt.1") != parse_label("13.1")
    assert str(parse_label("13ALT2.1")) == "13alt2.1"
    assert str(parse_label("13bisalt.2 bis")) == "13bisalt.2 bis"
    assert len({parse_label(label) for label in ("13alt.1", "13alt2.1", "13bisalt.1")}) == 3
    assert str(parse_label("IIALT.1")) == "IIalt.1"  # "Chapter II alt": was no label


@pytest.mark.parametrize(("heading", "key"), [
    ("[Alt Article 13", "13alt"), ("[Article 13 alt 2", "13alt2"),
    ("[Article 13 (alternative)", "13alt")])
def test_an_alternative_written_otherwise_is_read_with_its_own_paragraphs(tmp_path,
                                                                          heading, key):
    """Refused before: "the label 13.1 is used twice", in Word as in text."""
    lines = [*LINES[:-len(ARTICLE_14) - len(ALTERNATIVE)], heading, *ALTERNATIVE[1:],
             *ARTICLE_14]
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(tmp_path / "L3.docx"))
    text = "\n\n".join(line.replace("\t", " ") for line in lines) + "\n"
    for read in (read_docx_draft(tmp_path / "L3.docx"), read_text(text, name="L3.md")):
        assert [label for label, _ in _numbered(read.paragraphs)] == [
            "13.1", "13.2", f"{key}.1", f"{key}.2", "14.1"]


def test_an_alternative_article_is_read_with_its_own_paragraphs(tmp_path):
    expected = [("13.1", "Each Party shall ensure environmentally sound waste management."),
                ("13.2", "Parties shall cooperate on capacity-building."),
                ("13alt.1", "Each Party shall, in accordance with national circumstances, "
                            "manage waste."),
                ("13alt.2", "Parties may cooperate on capacity-building.]"),
                ("14.1", "A mechanism is hereby defined.")]
    assert _numbered(read_docx_draft(_draft(tmp_path / "L3.docx")).paragraphs) == expected
    text = "\n\n".join(line.replace("\t", " ") for line in LINES) + "\n"
    assert _numbered(read_text(text, name="L3.md").paragraphs) == expected


def test_an_alternative_article_is_amended_and_renumbered_in_rev1(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, _draft(tmp_path / "L3.docx"), "L3")
        add_delegations(store, ["NOR"])
        for label, fields in (("13alt.1", {"delete_paragraph": True}),
                              ("13alt.2", {"replace": "may", "with_": "shall"}),
                              ("13alt.2", {"new_paragraph": "Parties shall report."})):
            amendment = prepare_amendment(store, "L3", Proposal(label, **fields), "NOR")
            (recorded,) = record(store, "L3", [amendment]).amendments
            store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revised = revise_document(store, "L3", "Rev.1", warn=warnings.append)
        made = store.source("L3", "Rev.1")
    assert warnings == []
    assert _numbered(revised.revision.paragraphs)[2:4] == [  # the "]" closes the article
        ("13alt.1", "Parties shall cooperate on capacity-building."),
        ("13alt.2", "Parties shall report.]")]
    assert made is not None  # the secretariat's document, its numbers typed on
    texts = [p.text for p in docx.Document(io.BytesIO(made)).paragraphs]
    assert texts[10:15] == ["[Article 13 alt", "Waste management",
                            "1.\tParties shall cooperate on capacity-building.",
                            "2.\tParties shall report.]", "Article 14"]
