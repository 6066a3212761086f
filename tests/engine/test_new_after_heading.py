"""A new paragraph proposed right after a heading opens that heading's section: it is one
of the text's paragraphs, numbered in the series of the section's first paragraph and
placed after the heading; it never becomes a heading (it did: "H1 bis", then H2)."""

from datetime import UTC, datetime

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.engine.segments import NewParagraph
from drafting.model import Document, Paragraph, ParagraphKind, Revision

OP, H = ParagraphKind.OPERATIVE, ParagraphKind.HEADING
T0 = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)

OUTCOME = Revision("Zero draft", (
    Paragraph("p", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
    Paragraph("h1", "H1", H, "I. Introduction"),
    Paragraph("a", "OP1", OP, "We have gathered."),
    Paragraph("b", "OP2", OP, "We reaffirm our commitment."),
    Paragraph("h2", "H2", H, "II. Means of implementation"),
    Paragraph("h3", "H3", H, "A. Financing"),
    Paragraph("c", "OP3", OP, "We commit to mobilize resources."),
))
TREATY = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "Article 1"),
    Paragraph("a", "1.1", OP, "Each Party shall act."),
    Paragraph("a2", "1.2", OP, "Parties shall report."),
    Paragraph("h2", "H2", H, "Article 2"),
    Paragraph("h3", "H3", H, "Institutions"),
    Paragraph("b", "2.1", OP, "A fund is established."),
))


def _new(revision, after, text, code="EU", id_=None):
    return draft_amendment(revision, Proposal(paragraph=after, new_paragraph=text),
                           id=id_ or f"{code}-{after}", proponents=[code], submitted_at=T0)


def _shown(compilation):
    return [(e.label, e.text) if isinstance(e, NewParagraph) else e.paragraph.label
            for e in compilation.entries]


def test_new_paragraphs_after_headings_are_numbered_in_their_sections_series():
    document = Document("A/80/L.1", "Oceans", (OUTCOME,))
    first = _new(OUTCOME, "H1", "We recognize the urgency.", "MEX")
    after_ii = _new(OUTCOME, "H2", "We welcome partnerships.", "JPN")
    finance = _new(OUTCOME, "H3", "We welcome innovative finance.")
    after_op2 = _new(OUTCOME, "OP2", "We stress cooperation.", "CAN")
    amendments = [first, after_ii, finance, after_op2]
    assert _shown(merge(document, amendments)) == [
        "PP1", "H1", ("OP0", "We recognize the urgency."), "OP1", "OP2",
        ("OP2 bis", "We stress cooperation."), "H2",
        ("OP2 ter", "We welcome partnerships."), "H3",
        ("OP2 quater", "We welcome innovative finance."), "OP3"]
    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    assert [(p.label, p.kind, p.text) for p in outcome.revision] == [
        ("PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
        ("H1", H, "I. Introduction"),
        ("OP1", OP, "We recognize the urgency."),
        ("OP2", OP, "We have gathered."),
        ("OP3", OP, "We reaffirm our commitment."),
        ("OP4", OP, "We stress cooperation."),
        ("H2", H, "II. Means of implementation"),
        ("OP5", OP, "We welcome partnerships."),
        ("H3", H, "A. Financing"),
        ("OP6", OP, "We welcome innovative finance."),
        ("OP7", OP, "We commit to mobilize resources.")]


def test_in_a_treaty_a_new_paragraph_after_an_articles_heading_opens_the_article():
    document = Document("BBNJ", "Treaty", (TREATY,))
    opening = _new(TREATY, "H2", "The Conference shall decide.")
    titled = _new(TREATY, "H3", "The fund shall be voluntary.", "JPN")
    compilation = merge(document, [opening, titled])
    assert _shown(compilation) == [
        "H1", "1.1", "1.2", "H2", ("2.0", "The Conference shall decide."), "H3",
        ("2.0 bis", "The fund shall be voluntary."), "2.1"]
    outcome = revise(document, [opening, titled],
                     Decisions(accepted=frozenset({opening.id, titled.id})), label="Rev.1")
    assert [(p.label, p.kind) for p in outcome.revision] == [
        ("H1", H), ("1.1", OP), ("1.2", OP), ("H2", H), ("2.1", OP), ("H3", H), ("2.2", OP),
        ("2.3", OP)]
    assert outcome.revision.by_label("2.3").text == "A fund is established."


def test_after_a_heading_that_ends_the_text_a_new_paragraph_follows_the_last_one():
    ending = Revision("Zero draft", (*OUTCOME.paragraphs,
                                     Paragraph("h4", "H4", H, "Follow-up and review")))
    document = Document("A/80/L.1", "Oceans", (ending,))
    review = _new(ending, "H4", "We decide to review progress.")
    assert _shown(merge(document, [review]))[-2:] == [
        "H4", ("OP3 bis", "We decide to review progress.")]
    outcome = revise(document, [review], Decisions(accepted=frozenset({review.id})),
                     label="Rev.1")
    assert [(p.label, p.kind) for p in outcome.revision][-2:] == [("H4", H), ("OP4", OP)]


def test_an_accepted_new_paragraph_typed_as_a_numbered_heading_is_a_heading():
    """ "B. Technology", proposed (from a copy) as a new paragraph after OP3, became
    an operative paragraph of Rev.1; it is a heading, numbered with the headings."""
    heading = _new(OUTCOME, "OP3", "B. Technology", id_="A1")
    text = draft_amendment(OUTCOME, Proposal(paragraph="OP3", new_paragraph="We commit to "
                                             "share technology."), id="A2",
                           proponents=["EU"], submitted_at=T0)
    plain = _new(OUTCOME, "OP1", "A new start is needed.", id_="A3")  # text, not a heading
    document = Document("A/80/L.1", "Oceans", (OUTCOME,))
    outcome = revise(document, [heading, text, plain],
                     Decisions(accepted=frozenset({"A1", "A2", "A3"})), label="Rev.1")
    assert [(p.label, p.kind, p.text) for p in outcome.revision][-4:] == [
        ("H3", H, "A. Financing"), ("OP4", OP, "We commit to mobilize resources."),
        ("H4", H, "B. Technology"), ("OP5", OP, "We commit to share technology.")]
    assert outcome.revision.by_label("OP2").text == "A new start is needed."
    # the table names it as the compilation showed it
    assert outcome.label_table["OP3 bis"] == "H4" and "H3 bis" not in outcome.label_table


ARTICLES = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "Article 5", level=1),
    Paragraph("h2", "H2", H, "Relationship", level=2),
    Paragraph("a", "5.1", OP, "This Agreement shall be interpreted consistently."),
    Paragraph("h3", "H3", H, "Article 6", level=1),
    Paragraph("h4", "H4", H, "Depositary", level=2),
    Paragraph("b", "6.1", OP, "The Secretary-General shall be the Depositary."),
))


def _article(after, texts):
    return [_new(ARTICLES, after, text, id_=f"A{n}") for n, text in enumerate(texts, 1)]


def test_an_accepted_new_article_after_an_articles_last_paragraph_is_an_article():
    """ "Article 5 bis", its title and its text, proposed (from a copy) after 5.1, were
    paragraphs 5.2 to 5.4 of Article 5."""
    document = Document("BBNJ", "Treaty", (ARTICLES,))
    proposed = _article("5.1", ["Article 5 bis", "Capacity-building",
                                "Parties shall cooperate.", "They shall report on it."])
    outcome = revise(document, proposed, Decisions(accepted=frozenset(
        a.id for a in proposed)), label="Rev.1")
    assert [(p.label, p.kind, p.level, p.text) for p in outcome.revision][2:9] == [
        ("5.1", OP, 0, "This Agreement shall be interpreted consistently."),
        ("H3", H, 1, "Article 5 bis"), ("H4", H, 2, "Capacity-building"),
        ("5bis.1", OP, 0, "Parties shall cooperate."),
        ("5bis.2", OP, 0, "They shall report on it."),
        ("H5", H, 1, "Article 6"), ("H6", H, 2, "Depositary")]
    assert outcome.label_table == {"5.1 bis": "H3", "5.1 ter": "H4", "5.1 quater": "5bis.1",
                                   "5.1 quinquies": "5bis.2", "H3": "H5", "H4": "H6"}


def test_a_new_article_at_the_end_of_the_text_without_a_title_is_an_article():
    document = Document("BBNJ", "Treaty", (ARTICLES,))
    proposed = _article("6.1", ["[Article 7]", "This Agreement shall enter into force."])
    outcome = revise(document, proposed, Decisions(accepted=frozenset(
        a.id for a in proposed)), label="Rev.1")
    assert [(p.label, p.kind, p.text) for p in outcome.revision][-2:] == [
        ("H5", H, "[Article 7]"), ("7.1", OP, "This Agreement shall enter into force.")]


def test_a_new_article_heading_stays_text_inside_an_article_or_where_its_number_is_taken():
    """Before another paragraph of the article (5.1 then 5.2), a new section would take
    5.2 into it; "Article 6" again would give two articles 6: the paragraphs stay."""
    two = Revision("Zero draft", (
        *ARTICLES.paragraphs[:3], Paragraph("a2", "5.2", OP, "It shall not prejudice."),
        *ARTICLES.paragraphs[3:]))
    for revision, after, heading in ((two, "5.1", "Article 5 bis"),
                                     (ARTICLES, "5.1", "Article 6")):
        proposed = [_new(revision, after, heading, id_="A1"),
                    _new(revision, after, "Parties shall cooperate.", id_="A2")]
        outcome = revise(Document("BBNJ", "Treaty", (revision,)), proposed,
                         Decisions(accepted=frozenset({"A1", "A2"})), label="Rev.1")
        assert [(p.label, p.kind, p.text) for p in outcome.revision][3:5] == [
            ("5.2", OP, heading), ("5.3", OP, "Parties shall cooperate.")]


def test_in_a_treaty_a_new_paragraph_typed_as_a_heading_stays_text():
    """A new section there would renumber its article's paragraphs: not guessed."""
    document = Document("BBNJ", "Treaty", (TREATY,))
    heading = _new(TREATY, "1.2", "A. Reporting")
    outcome = revise(document, [heading], Decisions(accepted=frozenset({heading.id})),
                     label="Rev.1")
    assert outcome.revision.by_label("1.3").kind is OP


def test_a_new_article_of_an_annexed_statute_is_the_annexs():
    """After the statute's Article 1 (``ANNEX VI ARTICLE 1``, the convention's own
    Article 1 being ``1``), "Article 1 bis" keys its paragraphs in the annex too: they
    were ``1bis.1``, as if the convention's."""
    statute = Revision("Zero draft", (
        Paragraph("h1", "H1", H, "Article 1", level=1),
        Paragraph("a", "1.1", OP, "This Convention applies to the sea."),
        Paragraph("h2", "H2", H, "ANNEX VI", level=1),
        Paragraph("h3", "H3", H, "Article 1", level=1),
        Paragraph("b", "ANNEX VI ARTICLE 1.1", OP, "The seat shall be Hamburg."),
    ))
    proposed = [_new(statute, "ANNEX VI ARTICLE 1.1", text, id_=f"A{n}")
                for n, text in enumerate(["Article 1 bis", "The members shall be paid."], 1)]
    outcome = revise(Document("A/CONF.62/L.1", "Convention", (statute,)), proposed,
                     Decisions(accepted=frozenset({"A1", "A2"})), label="Rev.1")
    assert [(p.label, p.text) for p in outcome.revision][-2:] == [
        ("H4", "Article 1 bis"), ("ANNEX VI ARTICLE 1bis.1", "The members shall be paid.")]
