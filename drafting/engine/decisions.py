"""What the secretariat decides before issuing a revision: amendments accepted or rejected,
brackets settled, articles chosen among their alternatives, paragraphs agreed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from drafting.model import ParagraphStatus


class BracketAction(StrEnum):
    """What the secretariat decides for one bracket group."""

    CHOOSE = "choose"
    """Keep one alternative, drop the others and the brackets."""
    AGREE = "agree"
    """Keep the text, drop the brackets."""
    DELETE = "delete"
    """Drop the bracketed text."""


@dataclass(frozen=True, slots=True)
class BracketDecision:
    """A decision on bracket group ``group`` (0-based, as `brackets.groups`
    numbers them in the paragraph's current text)."""

    paragraph_id: str
    group: int
    action: BracketAction
    alternative: int = 0
    """For CHOOSE: which alternative (0-based)."""
    amendment: str = ""
    """For CHOOSE of words that only a pending amendment proposes (in the alternative it
    changes): that amendment, accepted with the choice; its words then stand."""


@dataclass(frozen=True, slots=True)
class ArticleChoice:
    """A choice between an article and the alternatives to it set out after it ("[Article
    13 alt", ...), as ``--choose 13=alt`` makes it (`drafting.engine.article_choices`):
    the one kept stays, the others' headings and paragraphs go."""

    section: str
    """The article's key ("13")."""
    chosen: str
    """The key of the one kept: the article's ("13") or an alternative's ("13alt2")."""
    removed: Mapping[str, str] = field(default_factory=dict)
    """The paragraphs that go, by id: the heading of the article or alternative each
    stood in ("[Article 13 alt")."""
    lifted: tuple[str, str] | None = None
    """Where the one kept is bracketed whole: the ids of its heading, whose "[" goes, and
    of the paragraph whose "]" closes it; choosing it settles that bracket."""

    kept: str = ""
    """The heading of the one kept, as it stood ("[Article 13 alt")."""

    @property
    def said(self) -> str:
        """The choice as it is written: "13=alt", "13=original"."""
        return f"{self.section}={self.chosen[len(self.section):] or 'original'}"

    @property
    def told(self) -> str:
        """What the choice did, for people: "13=alt: kept Article 13 alt, as Article 13;
        removed Article 13, Article 13 alt 2"."""
        def bare(heading: str) -> str:
            return heading.strip().strip("[]").strip()
        removed = ", ".join(dict.fromkeys(bare(h) for h in self.removed.values()))
        kept = bare(self.kept) or f"Article {self.section}"
        as_article = "" if self.chosen == self.section else f", as Article {self.section}"
        return f"{self.said}: kept {kept}{as_article}; removed {removed}"


def split_choices(choices: Iterable[BracketDecision | ArticleChoice]
                  ) -> tuple[tuple[BracketDecision, ...], tuple[ArticleChoice, ...]]:
    """``choices`` (as `drafting.bracket_choices.bracket_decisions` reads them) as the
    decisions on brackets and the choices of articles, for `Decisions`."""
    listed = list(choices)
    return (tuple(c for c in listed if isinstance(c, BracketDecision)),
            tuple(c for c in listed if isinstance(c, ArticleChoice)))


@dataclass(frozen=True, slots=True)
class Decisions:
    """What the secretariat decided before issuing a revision.

    ``accepted`` and ``rejected`` hold amendment ids; ``agreed`` maps a
    paragraph id to AGREED or AGREED_AD_REF. Amendments in neither set stay
    pending and move on to the new revision. ``articles``: the articles chosen among
    their alternatives (`ArticleChoice`).
    """

    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()
    brackets: tuple[BracketDecision, ...] = ()
    agreed: Mapping[str, ParagraphStatus] = field(default_factory=dict)
    articles: tuple[ArticleChoice, ...] = ()
