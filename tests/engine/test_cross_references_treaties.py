"""A treaty cites its own articles and their paragraphs ("paragraph 2 of this article",
"paragraphs 2 and 3 of article 1", "article 1, paragraph 3", "article 2 of this
Agreement"); a revision that renumbers the paragraphs of an article, or the articles,
names the citing paragraph. "Paragraph 2 of this article" is a paragraph of the article
the citing paragraph stands in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.model import Document, Paragraph, ParagraphKind, Revision

OP, H = ParagraphKind.OPERATIVE, ParagraphKind.HEADING
T0 = datetime(2026, 11, 2, tzinfo=UTC)


def _revised(zero: Revision, *proposals: Proposal) -> dict[str, str]:
    document = Document("A/CONF.301/L.1", "Agreement", (zero,))
    amendments = [draft_amendment(zero, proposal, id=f"A{n}", proponents=["EU"],
                                  submitted_at=T0) for n, proposal in enumerate(proposals, 1)]
    return dict(revise(document, amendments, Decisions(
        accepted=frozenset(a.id for a in amendments)), label="Rev.1").references)


SECTIONED = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "Article 1"),
    Paragraph("a", "1.1", OP, "The Parties shall cooperate."),
    Paragraph("b", "1.2", OP, "Each Party shall report every two years."),
    Paragraph("c", "1.3", OP, "The reports referred to in paragraph 2 of this article "
                              "shall be public."),
    Paragraph("h2", "H2", H, "Article 2"),
    Paragraph("d", "2.1", OP, "Paragraphs 2 and 3 of article 1 shall apply from 2030."),
    Paragraph("e", "2.2", OP, "Article 1, paragraph 3, of this Agreement shall apply to "
                              "paragraph 2 of article 1 of the Convention."),
    Paragraph("f", "2.3", OP, "Paragraph 1 of this article shall apply to paragraph 1 of "
                              "article 1."),
))


def test_paragraphs_of_an_article_renumbered_are_named():
    references = _revised(SECTIONED, Proposal("1.1", new_paragraph="Each Party shall act."))
    assert references == {  # 1.1 is where it was: neither 2.3's citation is named
        "1.4": "cites 'paragraph 2 of this article': 1.2 is 1.3 in Rev.1",
        "2.1": "cites 'Paragraphs 2 and 3 of article 1': 1.2 is 1.3 in Rev.1; "
               "1.3 is 1.4 in Rev.1",
        "2.2": "cites 'Article 1, paragraph 3, of this Agreement': 1.3 is 1.4 in Rev.1"}


def test_a_paragraph_of_this_article_deleted_is_named_in_its_article_only():
    references = _revised(SECTIONED, Proposal("2.1", delete_paragraph=True))
    assert references == {"2.2": "cites 'Paragraph 1 of this article': 2.1 is deleted in "
                                 "Rev.1"}


STRAIGHT = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "Article 1 Use of terms"),
    Paragraph("a", "OP1", OP, "For the purposes of this Agreement, the terms apply."),
    Paragraph("h2", "H2", H, "Article 2 Scope"),
    Paragraph("b", "OP2", OP, "This Agreement applies to the high seas."),
    Paragraph("h3", "H3", H, "Article 3 Secretariat"),
    Paragraph("c", "OP3", OP, "The secretariat shall report on the application of article 2"
                              " of this Agreement and of article 2 of the Convention."),
))


def test_an_article_renumbered_is_named():
    references = _revised(STRAIGHT, Proposal("OP1", new_paragraph="Article 2 Objective"),
                          Proposal("OP1", new_paragraph="The objective is conservation."))
    assert references == {
        "OP4": "cites 'article 2 of this Agreement': Article 2 is Article 3 in Rev.1"}



def test_an_article_deleted_is_named():
    zero = Revision("Zero draft", (
        *SECTIONED.paragraphs[:5], Paragraph("d", "2.1", OP, "Each Party shall act."),
        Paragraph("h3", "H3", H, "Article 3"),
        Paragraph("g", "3.1", OP, "Article 2 of this Agreement and article 2 of the "
                                  "Convention shall apply.")))
    references = _revised(zero, Proposal("H2", delete_paragraph=True),
                          Proposal("2.1", delete_paragraph=True))
    # the revision numbers the articles on: Article 3 is Article 2 in Rev.1, its 3.1 2.1
    assert references == {
        "2.1": "cites 'Article 2 of this Agreement': Article 2 is deleted in Rev.1"}

@pytest.mark.parametrize(("this_article", "of_article"), [
    pytest.param("Les rapports visés au paragraphe 2 du présent article sont publics.",
                 "Les paragraphes 2 et 3 de l’article premier s’appliquent dès 2030.",
                 id="French"),
    pytest.param("Los informes mencionados en el párrafo 2 del presente artículo serán "
                 "públicos.", "Los párrafos 2 y 3 del artículo 1 se aplicarán desde 2030.",
                 id="Spanish"),
    pytest.param("تكون التقارير المشار إليها في الفقرة 2 من هذه المادة علنية.",
                 "تسري الفقرتان 2 و3 من المادة 1 اعتبارا من عام 2030.", id="Arabic"),
    pytest.param("Доклады, упомянутые в пункте 2 настоящей статьи, являются открытыми.",
                 "Пункты 2 и 3 статьи 1 применяются с 2030 года.", id="Russian"),
    pytest.param("本条第2款所述报告应予公开。", "第一条第2款和第3款自2030年起适用。",
                 id="Chinese"),
])
def test_a_treaty_in_each_language(this_article, of_article):
    zero = Revision("Zero draft", (
        *SECTIONED.paragraphs[:3], Paragraph("c", "1.3", OP, this_article),
        SECTIONED.paragraphs[4],
        Paragraph("d", "2.1", OP, of_article)))
    references = _revised(zero, Proposal("1.1", new_paragraph="Each Party shall act."))
    assert list(references) == ["1.4", "2.1"]
    assert references["1.4"].endswith("': 1.2 is 1.3 in Rev.1")
    assert references["2.1"].endswith("': 1.2 is 1.3 in Rev.1; 1.3 is 1.4 in Rev.1")
