"""A convention whose annex is a statute numbering its own articles from 1 (UNCLOS Annex
VI, the Statute of the Tribunal), and a treaty followed by its regulations ("Rule 1"
with clauses "1.1", "1.2", as WIPO drafts them): the import refused both ("the label 1.1
is used twice"), as the statute's Article 1 and Rule 1 gave the key the treaty's Article
1 had. The treaty's articles keep their keys (``1.1``); the statute's articles count in
the annex (``ANNEX VI ARTICLE 1.1``) and the rules in the regulations (``RULE 1.1``),
each numbering its paragraphs as the secretariat types them, and a revision written
into the Word document retypes none and reads back to the same labels. Regulations
alone ("Rule 1", "Règle 2", "Regla 3") read their rules as a treaty's articles."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from drafting.engine import Proposal
from drafting.model import ParagraphKind
from drafting.model.sections import section_key
from drafting.outputs import merge_to
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

CONVENTION = ["The States Parties to this Convention,",
              "Recognizing the desirability of establishing a legal order for the seas,",
              "Have agreed as follows:",
              "Article 1", "1.\tThis Convention applies to the sea.",
              "Article 2", "1.\tThe Tribunal is established in accordance with Annex VI.",
              "2.\tIts members are elected by the States Parties."]
STATUTE = ["ANNEX VI", "STATUTE OF THE INTERNATIONAL TRIBUNAL", "Article 1",
           "1.\tThe Tribunal shall function in accordance with this Statute.",
           "2.\tThe seat of the Tribunal shall be Hamburg.",
           "Article 2", "1.\tThe Tribunal shall be composed of 21 independent members.",
           "Article 3", "1.\tNo two members may be nationals of the same State."]
TREATY = ["The Contracting Parties,", "Have agreed as follows:",
          "Article 1", "Scope", "(1)\tThis Treaty applies to broadcasting.",
          "(2)\tIt does not apply to webcasting."]
REGULATIONS = ["REGULATIONS UNDER THE TREATY", "Rule 1", "Abbreviated Expressions",
               "1.1\tIn these Regulations, Treaty means the Treaty.",
               "1.2\tArticle means an Article of the Treaty.",
               "Rule 2", "Details Concerning the Application",
               "2.1\tThe application shall be in the prescribed form."]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _word(path: Path, texts: list[str]) -> Path:
    document = docx.Document()
    for text in texts:
        document.add_paragraph(text)
    document.save(path)
    return path


def _operative(result) -> list[str]:
    return [p.label for p in result.paragraphs if p.kind is ParagraphKind.OPERATIVE]


def test_an_annexed_statutes_articles_are_the_annexs(tmp_path):
    texts = [*CONVENTION, *STATUTE]
    for result in (read_docx_draft(_word(tmp_path / "conv.docx", texts)),
                   read_text("\n\n".join(texts) + "\n")):
        assert _operative(result) == [
            "1.1", "2.1", "2.2", "ANNEX VI ARTICLE 1.1", "ANNEX VI ARTICLE 1.2",
            "ANNEX VI ARTICLE 2.1", "ANNEX VI ARTICLE 3.1"]  # Article 3 too: the statute's
        assert result.warnings == ()


def test_an_annexed_agreement_alone_keeps_its_articles_keys():
    texts = ["The General Assembly,", "Recalling its resolution 70/1,",
             "1.\tAdopts the Agreement annexed to the present resolution;", "Annex",
             "Article 1", "1.\tThe Agreement applies to the sea.",
             "Article 2", "1.\tIt enters into force on signature."]
    assert _operative(read_text("\n\n".join(texts) + "\n")) == ["OP1", "1.1", "2.1"]


@pytest.mark.parametrize("word", ["Rule", "Règle", "Regla", "Правило"])
def test_the_rules_of_regulations_are_their_sections(word, tmp_path):
    texts = [t.replace("Rule", word) for t in REGULATIONS]
    result = read_docx_draft(_word(tmp_path / "regs.docx", texts))
    assert [(p.label, p.text) for p in result.paragraphs if p.kind is not
            ParagraphKind.PREAMBULAR] == [
        ("H1", f"{word} 1"), ("H2", "Abbreviated Expressions"),
        ("1.1", "In these Regulations, Treaty means the Treaty."),
        ("1.2", "Article means an Article of the Treaty."),
        ("H3", f"{word} 2"), ("H4", "Details Concerning the Application"),
        ("2.1", "The application shall be in the prescribed form.")]
    assert result.warnings == ()


def test_rule_alone_and_a_sentence_on_a_rule_open_no_section():
    assert section_key("Rule 3") == "3"
    assert section_key("Rule") is None
    assert section_key("Rule 3 of the rules of procedure applies.") is None


def test_rules_after_a_treatys_articles_are_the_regulations(tmp_path):
    result = read_docx_draft(_word(tmp_path / "wipo.docx", [*TREATY, *REGULATIONS]))
    assert _operative(result) == ["1.1", "1.2", "RULE 1.1", "RULE 1.2", "RULE 2.1"]
    assert result.warnings == ()


def _store(tmp_path, texts: list[str], symbol: str):
    path = _word(tmp_path / "draft.docx", texts)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    store = open_store(url)
    import_draft(store, path, symbol)
    add_delegations(store, ["BRA"])
    return store


def _round(store, tmp_path, symbol: str, proposals: list[Proposal]) -> list[str]:
    """Propose, merge (checking that the merged draft deletes only the proposed words),
    accept all, revise; the Rev.1 Word document's paragraphs, once its labels read back
    the same."""
    ids = [a.id for a in record(store, symbol, [
        prepare_amendment(store, symbol, p, "BRA") for p in proposals]).amendments]
    merge_to(store, symbol, tmp_path / "merged.docx")
    merged = docx.Document(tmp_path / "merged.docx").element.body
    deleted = [t.text for t in merged.iter(f"{W}delText")]
    assert deleted == [p.replace for p in proposals if p.replace]  # no number retyped
    for recorded in ids:
        store.decide(recorded, "accept")
    warnings: list[str] = []
    revise_document(store, symbol, "Rev.1", warn=warnings.append)
    assert warnings == []
    (tmp_path / "rev1.docx").write_bytes(store.source(symbol, "Rev.1"))
    again = read_docx_draft(tmp_path / "rev1.docx")
    assert [(p.label, p.text) for p in again.paragraphs] == \
        [(p.label, p.text) for p in store.document(symbol).current]
    return [p.text for p in docx.Document(io.BytesIO(store.source(symbol, "Rev.1"))).paragraphs]


def test_a_statutes_article_is_amended_and_revised_in_its_form(tmp_path):
    store = _store(tmp_path, [*CONVENTION, *STATUTE], "A/CONF.62/L.1")
    with store:
        made = _round(store, tmp_path, "A/CONF.62/L.1", [
            Proposal("ANNEX VI ARTICLE 1.1", new_paragraph="The Tribunal may sit elsewhere."),
            Proposal("ANNEX VI ARTICLE 2.1", replace="21", with_="twenty-one")])
        assert _operative(store.document("A/CONF.62/L.1").current)[3:6] == [
            "ANNEX VI ARTICLE 1.1", "ANNEX VI ARTICLE 1.2", "ANNEX VI ARTICLE 1.3"]
    assert made[-8:] == [
        "Article 1", "1.\tThe Tribunal shall function in accordance with this Statute.",
        "2.\tThe Tribunal may sit elsewhere.", "3.\tThe seat of the Tribunal shall be Hamburg.",
        "Article 2", "1.\tThe Tribunal shall be composed of twenty-one independent members.",
        "Article 3", "1.\tNo two members may be nationals of the same State."]


def test_a_rules_clause_is_amended_and_revised_in_its_form(tmp_path):
    store = _store(tmp_path, [*TREATY, *REGULATIONS], "VIP/DC/3")
    with store:
        made = _round(store, tmp_path, "VIP/DC/3", [
            Proposal("RULE 1.1", new_paragraph="Regulation means a Rule."),
            Proposal("RULE 2.1", replace="prescribed", with_="agreed")])
    assert made[-7:] == [
        "Abbreviated Expressions", "1.1\tIn these Regulations, Treaty means the Treaty.",
        "1.2\tRegulation means a Rule.", "1.3\tArticle means an Article of the Treaty.",
        "Rule 2", "Details Concerning the Application",
        "2.1\tThe application shall be in the agreed form."]
