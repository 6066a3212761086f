"""A draft in French, Spanish, Arabic, Russian or Chinese cites its own paragraphs as the
United Nations writes them ("paragraphe 2 ci-dessus", "párrafo 2 supra", "الفقرة 2
أعلاه", "пункт 2 выше", "上文第2段"); a revision that renumbers them names the citing
paragraph, as it does "paragraph 2 above" in English. A citation of another text is
not named."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.model import Document, Paragraph, ParagraphKind, Revision

OP = ParagraphKind.OPERATIVE


def _revised(*texts: str) -> dict[str, str]:
    """The references Rev.1 names once a new paragraph is accepted after OP1 of a draft
    of operative paragraphs ``texts``: OP2 is OP3 and so on."""
    zero = Revision("Zero draft", tuple(Paragraph(f"p{n}", f"OP{n}", OP, text)
                                        for n, text in enumerate(texts, 1)))
    document = Document("A/C.2/81/L.50", "Pêche", (zero,))
    amendment = draft_amendment(zero, Proposal("OP1", new_paragraph="Nouveau ;"), id="A1",
                                proponents=["NOR"], submitted_at=datetime(2026, 11, 2, tzinfo=UTC))
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    assert outcome.revision.by_label("OP5").text == texts[3]  # renumbered, words kept
    return dict(outcome.references)


@pytest.mark.parametrize(("citing", "cited", "moved"), [
    pytest.param("Décide d’examiner le rapport demandé au paragraphe 2 ci-dessus ;",
                 "paragraphe 2 ci-dessus", "OP2 is OP3", id="French-above"),
    pytest.param("Prie le Secrétaire général de rendre compte des mesures visées aux "
                 "paragraphes 1 à 3 de la présente résolution ;",
                 "paragraphes 1 à 3 de la présente résolution", "OP2 is OP3; OP3 is OP4",
                 id="French-range"),
    pytest.param("Decide examinar el informe mencionado en el párrafo 2 supra;",
                 "párrafo 2 supra", "OP2 is OP3", id="Spanish-supra"),
    pytest.param("Decide que los párrafos 1 a 3 de la presente resolución se apliquen;",
                 "párrafos 1 a 3 de la presente resolución", "OP2 is OP3; OP3 is OP4",
                 id="Spanish-range"),
    pytest.param("Decide examinar el informe a que se refiere el párrafo 2 anterior;",
                 "párrafo 2 anterior", "OP2 is OP3", id="Spanish-anterior"),
    pytest.param("تقرر أن تنظر في التقرير المطلوب في الفقرة 2 أعلاه؛", "الفقرة 2 أعلاه",
                 "OP2 is OP3", id="Arabic-above"),
    pytest.param("تطلب تنفيذ الفقرات من ١ إلى ٣ من هذا القرار؛",
                 "الفقرات من ١ إلى ٣ من هذا القرار", "OP2 is OP3; OP3 is OP4",
                 id="Arabic-range-in-Arabic-Indic-digits"),
    pytest.param("постановляет рассмотреть доклад, испрошенный в пункте 2 выше;",
                 "пункте 2 выше", "OP2 is OP3", id="Russian-above"),
    pytest.param("просит осуществить меры, указанные в пунктах 1–3 настоящей резолюции;",
                 "пунктах 1–3 настоящей резолюции", "OP2 is OP3; OP3 is OP4",
                 id="Russian-range"),
    pytest.param("决定审议上文第2段所述报告；", "上文第2段", "OP2 is OP3", id="Chinese-above"),
    pytest.param("请执行本决议第1至3段；", "本决议第1至3段", "OP2 is OP3; OP3 is OP4",
                 id="Chinese-range"),
    pytest.param("Decides that paragraphs 1 to 3 of the present resolution apply;",
                 "paragraphs 1 to 3 of the present resolution", "OP2 is OP3; OP3 is OP4",
                 id="English-range-cites-each-number-in-it"),
])
def test_a_citation_in_each_language_is_named(citing, cited, moved):
    references = _revised("Décide ;", "Prie ;", "Invite ;", citing)
    assert references == {"OP5": f"cites '{cited}': {moved.replace(';', ' in Rev.1;')}"
                                 " in Rev.1"}


@pytest.mark.parametrize("citing", [
    "Rappelant le paragraphe 2 de sa résolution 70/1 ;",
    "Recordando el párrafo 2 de su resolución 70/1;",
    "إذ تشير إلى الفقرة 2 من قرارها 70/1؛",
    "ссылаясь на пункт 2 своей резолюции 70/1;",
    "回顾其第70/1号决议第2段；",
    "prend note du sous-paragraphe 2 ci-dessus ;",  # not a paragraph of the text
    "отмечает подпункт 2 выше;",
])
def test_a_citation_of_another_text_is_not_named(citing):
    assert _revised("Décide ;", "Prie ;", "Invite ;", citing) == {}
