"""The front matter, the title and the chapeau as `drafting.readers.structure` reads them:
what stands before the chapeau (or, without one, before a first paragraph typed
``PP1``; or, without either, the lines the text opens with up to its first heading,
numbered paragraph or sentence, where one of them is a line a front matter is known by
(`drafting.readers.front_lines`), as a conference's outcome document opens) is front
matter, but the block in a title style, which is the title; else the last block, or
where the last are the sponsors line (`sponsors_line`) and the block before it reads as
a title, that block: the World Health Assembly and the Human Rights Council put the
sponsors after the title ("Strengthening health emergency preparedness ...", then "Draft
resolution proposed by Brazil, ..."), the General Assembly before it ("Fiji and Samoa:
draft resolution", then the title). Of two blocks in a title style, one saying only what
kind of text follows ("Draft decision -/CMA.8", as the UNFCCC heads its decisions) is
front matter, the other the title. Lines of the front matter after the title ("Preamble"
before the chapeau of a convention of the ILO, UNESCO or the Council of Europe; the World
Health Assembly's sponsors line) stay after it (``after_title``: tables, notes and
footnotes up there stay front matter). A note the front matter marks with asterisks
("* Reissued for technical reasons on ...", after "A/C.2/81/L.50*") is never the title.
Other bodies' openings (a cover note, a heading in capitals, an operative formula for a
chapeau) are read as `drafting.readers.openings` says."""

from __future__ import annotations

from collections.abc import Callable

from drafting.lazy_re import lazy_compile
from drafting.model import ParagraphKind
from drafting.model.headings import numbered_title
from drafting.model.labels import Label
from drafting.readers.blocks import Block, Role, RoleKind
from drafting.readers.front_lines import FRONT_WORDS, ends_clause, front_line
from drafting.readers.lines import FOOTNOTE, chapeau_like, own_number, section_key
from drafting.readers.openings import cover_note, operative_formula, organ_line
from drafting.readers.result import ReadWarning


class FrontMatter:
    """The part of the structure's reader (`drafting.readers.structure`) that reads what
    stands before the paragraphs. The reader holds ``blocks``, ``roles`` and ``warnings``
    and gives ``_label`` and ``_notes``."""

    blocks: list[Block]
    roles: list[Role]
    warnings: list[ReadWarning]
    after_title: list[int]
    """The blocks of the front matter that stand after the title, in order."""
    _label: Callable[[int], tuple[Label | None, str, int]]
    _notes: Callable[[Block, str], None]

    def _front(self) -> int:
        """Mark the blocks before the paragraphs; the index of the first paragraph block."""
        filled = [i for i, b in enumerate(self.blocks) if b.text]
        first = next((i for i in filled if not self.blocks[i].contents and
                      self._opens_paragraph(i)), None)
        filled = [i for i in filled if not self.blocks[i].table or first is None or i < first]
        chapeau = next((i for i in filled if (first is None or i < first)
                        and chapeau_like(self.blocks[i].text)), None)
        if chapeau is None:
            chapeau = self._other_chapeau(filled, first)
        if chapeau is None:
            if first is not None and (sent := self._sent_front(filled, first)) is not None:
                end = sent  # a cover note, a heading in capitals: front matter and title
            elif first is not None and self._label(first)[0] is not None and \
                    self._label(first)[0].kind is ParagraphKind.PREAMBULAR:
                end = first
            elif (opened := self._front_lines(filled, first)) is not None:
                end = opened  # front matter, then headings or paragraphs: no chapeau
            else:
                self._title_only(filled)
                return 0
        else:
            self.roles[chapeau] = Role(RoleKind.CHAPEAU)
            end = chapeau
        before = [i for i in filled if i < end]
        styled = [i for i in before if self.blocks[i].title_style]
        titled = next((i for i in styled if not designation(self.blocks[i].text)),
                      styled[0] if styled else None)  # "Draft decision -/CMA.8" is none
        front = [i for i in before if not self.blocks[i].table  # nor contents, a note:
                 and not self.blocks[i].contents
                 and not FOOTNOTE.match(self.blocks[i].text)  # a footnote's, a reissue's
                 and not MARKED_NOTE.match(self.blocks[i].text)]
        title = titled if titled is not None else self._last_title(front, chapeau)
        for i in before:
            self.roles[i] = Role(RoleKind.TITLE if i == title else RoleKind.FRONT)
            if not self.blocks[i].table:  # a table up there is the front matter's own
                self._notes(self.blocks[i], "in the front matter")
        if title is not None:
            self.after_title = [i for i in before if i > title and i in front]
        return end + (chapeau is not None)

    def _other_chapeau(self, filled: list[int], first: int | None) -> int | None:
        """The chapeau of a text that has none a General Assembly's would be: an operative
        formula alone ("Ministers decide as follows:", `operative_formula`) after nothing
        but front matter, or the organ named alone ("THE COUNCIL OF THE EUROPEAN
        UNION", `organ_line`) just before the first numbered paragraph."""
        before = [i for i in filled if first is None or i < first]
        for at, i in enumerate(before):
            text = self.blocks[i].text
            if (operative_formula(text) or (i == before[-1] and first is not None and
                                            organ_line(text))) and \
                    all(self._front_like(j) for j in before[:at]):
                return i
        return None

    def _sent_front(self, filled: list[int], first: int) -> int | None:
        """Where the text opens, if the blocks before the first numbered paragraph
        ``first`` (and no chapeau) are front matter as another body sends a text: all
        of them lines a front matter holds (`_front_like`), among them a cover note
        ("Delegations will find in the annex ...", `cover_note`), or the last a heading
        in capitals ("COUNCIL CONCLUSIONS ON OCEAN GOVERNANCE"), the title. After a
        cover note, the text opens after the last heading in capitals, the title (a
        heading after it, "General", is the text's), else at ``first``. None where
        they are not so."""
        before = [i for i in filled if i < first]
        if not before or not all(self._front_like(i) for i in before):
            return None
        noted = next((at for at, i in enumerate(before) if cover_note(self.blocks[i].text)),
                     None)
        if noted is None:
            return first if self._capitals(before[-1]) else None
        titled = [i for i in before[noted + 1:] if self._capitals(i)]
        return titled[-1] + 1 if titled else first

    def _capitals(self, index: int) -> bool:
        """Whether block ``index`` is a heading in capitals that may be a title: no
        section's heading ("ANNEX", "I. GENERAL"), no closing punctuation."""
        block = self.blocks[index]
        return block.text.isupper() and not block.heading and len(block.text.split()) > 1 \
            and not block.number and section_key(block.shown) is None and \
            not numbered_title(block.text) and own_number(block.text) is None and \
            not ends_clause(block.text) and not block.table

    def _front_like(self, index: int) -> bool:
        """Whether block ``index`` may stand in a front matter: a line that ends no
        sentence or clause, a note, a table's cells, or a cover note."""
        block = self.blocks[index]
        text = block.text
        return block.table or block.contents or cover_note(text) or \
            FOOTNOTE.match(text) is not None or \
            MARKED_NOTE.match(text) is not None or (
                self._label(index)[0] is None and not ends_clause(text) and
                len(text.split()) <= FRONT_WORDS)

    def _last_title(self, front: list[int], chapeau: int | None) -> int | None:
        """The title among the blocks ``front`` where none is in a title style: the last,
        or, where the last are sponsors lines, say what kind of text follows
        ("Ministerial Decision", "Decision of 10 May 2026": `_KIND`) or head the preamble
        ("Preamble", as the Council of Europe's conventions do), the one before
        them if it reads as a title (no symbol, session, agenda item or organ:
        `_not_title`); else still the last (a draft with no title of its own), but where
        it reads as none before a chapeau ("Original: English", as UNESCO's drafts have
        it): no title. None for no block."""
        if not front:
            return None
        before = len(front) - 1
        while before >= 0 and (sponsors_line(self.blocks[front[before]].text) or
                               _KIND.fullmatch(self.blocks[front[before]].text.strip()) or
                               _PREAMBLE.fullmatch(self.blocks[front[before]].text.strip())):
            before -= 1
        organ = self.blocks[chapeau].text if chapeau is not None else ""
        if before < len(front) - 1 and before >= 0 and \
                not _not_title(self.blocks[front[before]].text, organ):
            return front[before]
        if chapeau is not None and _NOT_TITLE.fullmatch(self.blocks[front[-1]].text.strip()):
            return None  # "Original: English" before "The General Conference ...,"
        return front[-1]

    def _front_lines(self, filled: list[int], first: int | None) -> int | None:
        """Where the text opens after the front matter of a draft with no chapeau: the
        blocks it opens with, up to the first heading, numbered paragraph or block that
        ends as a sentence or a clause, are front matter (and title) if one of them is a
        line a front matter is known by (`front_line`: the symbol, "Distr.: Limited",
        ...) and another follows it. None where they are not so."""
        run: list[int] = []
        for i in filled:
            block = self.blocks[i]
            if i == first or (block.heading and not block.title_style) or \
                    block.number is not None or \
                    section_key(block.shown) is not None or numbered_title(block.text) or \
                    len(block.text.split()) > FRONT_WORDS or (
                        ends_clause(block.text) and not block.table and not
                        FOOTNOTE.match(block.text) and not MARKED_NOTE.match(block.text)):
                break
            run.append(i)
        else:  # nothing after them: no front matter to tell from the text
            return None
        known = [i for i in run if front_line(self.blocks[i].text)]  # a table's cells too
        if not known or known[0] == run[-1]:
            return None
        return run[-1] + 1

    def _title_only(self, filled: list[int]) -> None:
        """No front matter: a leading block in a title style is the title."""
        if filled and self.blocks[filled[0]].title_style:
            self.roles[filled[0]] = Role(RoleKind.TITLE)

    def _opens_paragraph(self, index: int) -> bool:
        block = self.blocks[index]
        if block.heading or block.title_style or block.table or FOOTNOTE.match(block.text):
            return False
        if self._label(index)[0] is not None:
            return True
        return block.number is not None and block.number.level == 0 and block.number.decimal


MARKED_NOTE = lazy_compile(r"\s*\*{1,3}(?!\*)[\s\u00a0]+\S")
"""A line of the front matter that is the note of a mark ("*  Reissued for technical
reasons on 3 November 2026.", "**\tA/81/150.")."""
_SPONSORS = lazy_compile(
    r"(?i).+[:\uff1a]\s*(?:revised\s+)?(?:draft|projet|proyecto|проект)\b.*"
    r"|(?:revised\s+)?(?:draft\s+(?:resolution|decision)|(?:projet|proyecto)\s+de\s+\w+"
    r"|проект\s+\w+)\b.*?\b(?:proposed|submitted|presented|sponsored|tabled|propos[ée]e?"
    r"|pr[ée]sent[ée]e?|propuesto|presentado|представленный|предложенный)\b.*"
    r"|(?:submitted|proposed|presented|sponsored|tabled)\s+by\s.*"
    r"|(?:pr[ée]sent[ée]|propos[ée])e?s?\s+par\s.*|(?:presentad|propuest)[oa]s?\s+por\s.*")
"""A sponsors line in English, French, Spanish or Russian: the sponsors, then the kind of
draft ("Fiji and Samoa: draft resolution", "Fidji : projet de résolution"), or the kind
of draft, then who proposes it ("Draft resolution proposed by Brazil, ...", "Draft
decision submitted by the Chair"); or who proposes it alone, as the United Nations
Environment Assembly heads its drafts ("Submitted by the European Union and its member
States", "Proposed by the delegation of Kenya")."""
_NOT_TITLE = lazy_compile(
    r"(?i)\S*/\S*|.*\t.*|distr\b.*|original\s*:.*|(?:provisional\s+)?agenda\s+item\b.*"
    r"|items?\s+\d.*|.*\bsession(?:,\s*resumed)?|.*\bcommittee|\d{1,2}\s+\w+\s+\d{4}"
    r"|united\s+nations|general\s+assembly|security\s+council|.*\S {3,}\S.*"
    r"|(?:united\s+nations|nations\s+unies|naciones\s+unidas|организация\s+объединенных"
    r"\s+наций|联合国|الأمم\s+المتحدة)\s+\S*/\S*")
"""A line of the front matter that is no title: a symbol ("A/HRC/58/L.4"), two columns
("Agenda item 13.2<tab>20 May 2026", or set apart by spaces, as a text copied from a PDF
has them), "Distr.", "Original:", an agenda item, a session, a committee, a date, an
organ, the masthead with the symbol ("Nations Unies A/C.3/81/L.12")."""


_PREAMBLE = lazy_compile(r"(?i)pr[ée]amb(?:le|ule|ulo)|преамбула|الديباجة|序言")
"""A line heading the preamble ("Preamble", "Préambule", "Preámbulo"): no title."""


_DESIGNATION = lazy_compile(
    r"(?i)(?:(?:revised\s+)?draft\s+)?(?:decision|resolution|conclusions?|recommendations?"
    r"|declaration)(?:\s+(?:-|\d+)?/\S+|\s+[\dIVXL]+(?:/\S+)?)?\s*\.?")
"""A line that says what kind of text follows, not what it is about: "Draft decision
-/CMA.8" (UNFCCC), "Decision 1/CP.29", "Draft resolution", "Resolution 78/10"."""


_KIND = lazy_compile(
    r"(?i)(?:(?:draft|revised|ministerial)\s+)*(?:decision|resolution|declaration"
    r"|conclusions?)(?:\s+(?:no\.?\s*)?[\w./()-]*\d[\w./()-]*)?"
    r"(?:,?\s+(?:of|adopted\s+on|adopted\s+at)\s+\d{1,2}\s+\w+\s+\d{4})?\s*\.?"
    r"|\(?(?:adopted|approved)\s+(?:on|at)\s+[^()]{1,60}\)?")
"""A line of the front matter that says what kind of text follows and when it was
taken ("Ministerial Decision", "Decision of 10 May 2026", "DECISION No. 1500",
"MINISTERIAL DECISION ADOPTED ON 17 JUNE 2022", "(adopted on 9 November 2022)"), as
the WTO, the OSCE and IMO head their decisions: no title where a line before it names
the subject."""


def designation(text: str) -> bool:
    """Whether ``text`` (a block in a title style) says what kind of text the draft is
    (`_DESIGNATION`, or a sponsors line): where another block in a title style names
    the subject, that one is the title, this one front matter."""
    return _DESIGNATION.fullmatch(text.strip()) is not None or sponsors_line(text)


def sponsors_line(text: str) -> bool:
    """Whether ``text`` is a draft's sponsors line (`_SPONSORS`)."""
    return _SPONSORS.fullmatch(text.strip()) is not None


def _not_title(text: str, chapeau: str) -> bool:
    """Whether the front matter's line ``text`` is no title (`_NOT_TITLE`), or names the
    organ that the ``chapeau`` names ("Human Rights Council" before "The Human Rights
    Council,")."""
    text = text.strip()
    organ = chapeau.strip().rstrip(",\u060c\uff0c").removeprefix("The ").strip()
    return _NOT_TITLE.fullmatch(text) is not None or (bool(organ) and
                                                      text.lower() == organ.lower())
