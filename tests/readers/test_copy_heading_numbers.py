"""A treaty whose headings Word numbers by their styles ("Part %1" on Heading 1,
"Article %2" on Heading 2): a copy that adds an article makes Word number the articles
after it on ("Article 2 Scope" shows "Article 3"). That is Word's doing, never the
delegation's proposal: only the new article is read."""

from __future__ import annotations

import pytest
from heading_documents import NEW, TREATY, styled_treaty

from drafting.model import AmendmentKind as K
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission


@pytest.fixture
def treaty(tmp_path):
    source = styled_treaty(tmp_path / "L1.docx", TREATY)
    document = read_docx_draft(source).to_document("A/CONF.301/L.1")
    # the headings read with the numbers Word shows them
    assert [(p.label, p.text) for p in document.current if p.label.startswith("H")] == [
        ("H1", "Part I General provisions"), ("H2", "Article 1 Use of terms"),
        ("H3", "Article 2 Scope"), ("H4", "Part II Institutional arrangements"),
        ("H5", "Article 1 Secretariat")]
    return document


def test_a_new_article_does_not_propose_the_next_articles_number(treaty, tmp_path):
    copy = styled_treaty(tmp_path / "EU.docx", [*TREATY[:3], *NEW, *TREATY[3:]])
    result = read_docx_submission(copy, treaty, delegation="EU")
    labels = {p.id: p.label for p in treaty.current}
    assert [(a.kind, labels[a.paragraph_id], a.new_text) for a in result.amendments] == [
        (K.NEW_PARAGRAPH, "OP1", "Article 2 Objective"),
        (K.NEW_PARAGRAPH, "OP1", "The objective of this Convention is cooperation.")]


def test_a_heading_renamed_after_a_new_article_is_its_words_alone(treaty, tmp_path):
    renamed = [*TREATY[:3], *NEW, ("Heading 2", "Scope of application"), *TREATY[4:]]
    result = read_docx_submission(styled_treaty(tmp_path / "EU.docx", renamed), treaty,
                                  delegation="EU")
    labels = {p.id: p.label for p in treaty.current}
    assert [(a.kind, labels[a.paragraph_id], a.old_text, a.new_text)
            for a in result.amendments if a.kind is not K.NEW_PARAGRAPH] == [
        (K.INSERT, "H3", "Scope", " of application")]
