"""The choice between an article and the alternatives to it that a chair's text sets out
after it ("[Article 13 alt", its title, its paragraphs, the last ending "...]"), as the
secretariat makes it when it issues a revision: ``--choose 13=alt`` (``13=alt2`` for a
second alternative, ``13=original`` for the article itself).

The one kept stays; the others go whole, each its heading, its title lines and its
paragraphs. Where the one kept is bracketed whole, choosing it settles that bracket: the
"[" opening its heading and the "]" closing its last paragraph go. An alternative kept
then takes the article's place as it does when the article is deleted whole
(`drafting.engine.alternative_articles`): "Article 13 alt" is "Article 13", ``13alt.1``
is ``13.1``. Accepted amendments of a paragraph that goes have no effect (as an edit of an
option not chosen: `drafting.engine.applied.moot`); pending ones go stale, saying why.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting.engine.alternative_articles import article_of
from drafting.engine.decisions import ArticleChoice, Decisions
from drafting.engine.option_brackets import bracketed_blocks, title_line
from drafting.engine.segments import StaleAmendment
from drafting.errors import InputError
from drafting.model import Paragraph, ParagraphKind, Revision
from drafting.model.labels import section_of
from drafting.model.sections import section_key

Blocks = dict[str, list[int]]
"""An article's blocks, its own and each alternative's, by key ("13", "13alt"), in text
order: the indices of each one's heading, title lines and paragraphs."""


def article_blocks(paragraphs: Sequence[Paragraph]) -> dict[str, Blocks]:
    """The articles of ``paragraphs`` (a text's, in order) that have alternatives set out
    in it, by key ("13"), each with its blocks (`Blocks`); empty when there is none."""
    found: dict[str, Blocks] = {}
    key: str | None = None
    titled = False  # a section's title lines may follow its heading
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind is ParagraphKind.HEADING and (own := section_key(paragraph.text)):
            key, titled = own, True
        elif key is not None and titled and title_line(paragraph):
            pass
        elif key is not None and paragraph.kind is not ParagraphKind.HEADING and \
                section_of(paragraph.label) == key:
            titled = False
        else:
            key = None
            continue
        found.setdefault(article_of(key) or key, {}).setdefault(key, []).append(index)
    return {base: blocks for base, blocks in found.items() if len(blocks) > 1}


def choice_names(base: str, blocks: Blocks) -> tuple[str, ...]:
    """How ``--choose`` names each of an article's blocks: "13=original", "13=alt",
    "13=alt2"."""
    return tuple(f"{base}={key[len(base):] or 'original'}" for key in blocks)


def article_choice(revision: Revision, where: str, wanted: str) -> ArticleChoice | None:
    """The choice ``where=wanted`` makes (``13=alt``: see the module's docstring), where
    ``where`` names an article of ``revision`` that has alternatives: by its key ("13"),
    or by the label of its heading or of an alternative's ("H3"); None where it names
    none (a paragraph). InputError, naming the choices there are, for ``wanted`` none of
    them."""
    paragraphs = revision.paragraphs
    articles = article_blocks(paragraphs)
    base = _named(paragraphs, articles, where.strip())
    if base is None:
        _no_alternatives(revision, where.strip(), wanted.strip())
        return None
    blocks = articles[base]
    words = "".join(wanted.split()).casefold()
    keys = {(key[len(base):] or "original").casefold(): key for key in blocks}
    chosen = keys.get(words) or next((k for k in blocks if k.casefold() == words), None)
    if chosen is None:
        raise InputError(f"'{where.strip()}={wanted.strip()}': Article {base} has no "
                         f"'{wanted.strip()}' to choose; choose one of "
                         f"{', '.join(choice_names(base, blocks))}")
    removed = {paragraphs[i].id: paragraphs[indices[0]].text.strip()
               for key, indices in blocks.items() if key != chosen for i in indices}
    heading = blocks[chosen][0]
    closes = bracketed_blocks(paragraphs).get(heading)
    lifted = None if closes is None else (paragraphs[heading].id, paragraphs[closes].id)
    return ArticleChoice(base, chosen, removed, lifted, paragraphs[heading].text)


def article_ends(paragraphs: Sequence[Paragraph],
                 choices: Sequence[ArticleChoice]) -> dict[str, int]:
    """The last paragraph of each block that ``choices`` remove, by id, with the index in
    ``paragraphs`` (the revision's, in order) of the last paragraph of its article's
    blocks: where a new article proposed after an alternative not chosen stands once
    the one kept is in place. Empty without choices."""
    articles = article_blocks(paragraphs) if choices else {}
    ends: dict[str, int] = {}
    for choice in choices:
        blocks = articles.get(choice.section, {})
        end = max((indices[-1] for indices in blocks.values()), default=0)
        ends.update((paragraphs[indices[-1]].id, end) for key, indices in blocks.items()
                    if key != choice.chosen)
    return ends


def lifted(text: str, *, opens: bool, closes: bool) -> str:
    """``text`` without the "[" it opens with (``opens``: a bracketed article's heading)
    and the "]" it ends with (``closes``: its last paragraph), blanks around them aside."""
    if opens and text.lstrip().startswith("["):
        text = text.lstrip()[1:].lstrip()
    if closes and text.rstrip().endswith("]"):
        text = text.rstrip()[:-1].rstrip()
    return text


def not_chosen(choice: ArticleChoice, paragraph_id: str, label: str) -> str:
    """Why a change of a paragraph that ``choice`` removes has no effect."""
    return (f"{label}: '{choice.removed[paragraph_id]}', where it stands, was not chosen "
            f"({choice.said})")


def check_choices(decisions: Decisions, current: Revision) -> None:
    """InputError where ``decisions`` choose for one article twice, or decide a bracket
    in a paragraph their choice of an article removes."""
    seen: set[str] = set()
    for choice in decisions.articles:
        if choice.section in seen:
            raise InputError(f"Article {choice.section} is chosen twice; choose it once")
        seen.add(choice.section)
    removed = {i: c for c in decisions.articles for i in c.removed}
    for decision in decisions.brackets:
        if (choice := removed.get(decision.paragraph_id)) is not None:
            paragraph = current.by_id(decision.paragraph_id)
            label = paragraph.label if paragraph is not None else decision.paragraph_id
            raise InputError(f"{label}: --choose {choice.said} removes it; decide none of "
                             "its brackets")


def told_stale(stale: Sequence[StaleAmendment], decisions: Decisions,
               current: Revision) -> list[StaleAmendment]:
    """``stale`` with the pending amendments of paragraphs that a choice of an article
    removed saying so."""
    removed = {i: c for c in decisions.articles for i in c.removed}
    told = []
    for item in stale:
        choice = removed.get(item.amendment.paragraph_id)
        paragraph = current.by_id(item.amendment.paragraph_id)
        if choice is not None and paragraph is not None:
            item = StaleAmendment(item.amendment, not_chosen(choice, paragraph.id,
                                                             paragraph.label))
        told.append(item)
    return told


def _named(paragraphs: Sequence[Paragraph], articles: dict[str, Blocks],
           where: str) -> str | None:
    """The article ``where`` names among ``articles``: by key, or by the label of one of
    its blocks' headings."""
    for base in articles:
        if base.casefold() == "".join(where.split()).casefold():
            return base
    for base, blocks in articles.items():
        for indices in blocks.values():
            heading = paragraphs[indices[0]]
            if "".join(heading.label.split()).casefold() == "".join(where.split()).casefold():
                return base
    return None



def _no_alternatives(revision: Revision, where: str, wanted: str) -> None:
    """InputError where ``where`` names no paragraph of ``revision`` but an article that
    has no alternatives set out after it (``--choose 12=alt`` with no "Article 12 alt")."""
    if revision.by_label(where) is not None:
        return
    key = "".join(where.split()).casefold()
    for paragraph in revision.paragraphs:
        if paragraph.kind is ParagraphKind.HEADING and \
                (section_key(paragraph.text) or "").casefold() == key:
            raise InputError(
                f"'{where}={wanted}': Article {section_key(paragraph.text)} "
                f"({paragraph.label}) has no alternative set out after it to choose; "
                "an article's number chooses among its alternatives (13=alt, 13=original); "
                "a bracket is chosen in by its paragraph's label (e.g. "
                f"{section_key(paragraph.text)}.1={wanted})")
