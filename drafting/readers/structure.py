"""How a negotiation text is built, read the same way from every format.

A reader turns its file into `Block`s, one per paragraph as written, and `read_structure`
tells what each is (`Role`) and builds the draft:

- **Front matter**: what stands before the chapeau (organ and symbol, "Distr.: Limited",
  date, session, agenda item, the sponsors line). Without a chapeau, what stands before
  a first paragraph typed ``PP1``, or the lines a text opens with up to its first
  heading or numbered paragraph where they name its symbol, organ, date ...
  (`drafting.readers.front_lines`). Kept with the revision, never labelled; its lines
  after the title stay there (``after_title``).
- **Title**: a block in a title style (Word's "Title", Markdown's ``#``), else the last
  block of the front matter, or the one before a sponsors line that follows the title
  ("Draft resolution proposed by ...", as the World Health Assembly lays a draft out:
  `drafting.readers.structure_front`).
- **Chapeau**: "The General Assembly,", "The Conference of the Parties,", "The Parties
  to this Agreement,": a short line opening with "The" and ending with a comma; or a
  declaration's "We, ...," or a treaty's "The Government of ... and the Government of
  ...," (`drafting.readers.chapeaux`). Other bodies' openings (a cover note, a heading
  in capitals, "Ministers decide as follows:", "The Assembly:", "Decides:"):
  `drafting.readers.openings`.
- **Sections**: a heading, or a short line such as "Article 3", "Chapter II", "Section B",
  "Annex", opens a section; a short title on the line after it ("Depositary") is a
  heading too, as is a short line with no closing punctuation opening with its own
  number ("II. Means of implementation", "B. Financing") or, among operative
  paragraphs, standing before a numbered one ("Follow-up and review")
  (`drafting.readers.sections`). Where operative numbers start again in each
  section (a treaty's articles), a paragraph's label is SECTION.NUMBER (``3.1``; in an
  annex ``ANNEX I.1`` across its numbered headings, but ``ANNEX I SECTION II.1`` after
  a numbered heading whose paragraphs start again at 1; in a part of an annex
  whose key paragraphs before the annex count in, ``ANNEX B PART I.1``:
  `drafting.readers.structure_sections`); a text numbered straight through keeps
  ``OP5``. Titled headings that name no number ("Objective", "Definitions"), after
  which the list starts again, key their sections by their place (``2.1``).
- **Paragraphs**: a typed label (``PP2``, ``OP3 bis``, ``3.``, ``3 bis.``, ``1bis.``), or
  automatic numbering at the top level, opens an operative paragraph, as does a number
  in brackets ("(1) ", "(2bis) ") that starts a series after a heading or a preambular
  paragraph, or goes on from the paragraph before (a decision's items, after "The
  Executive Board, having considered ..., decided:", its chapeau:
  `drafting.readers.decisions`); unlabelled blocks
  between the chapeau and the first operative one (or "Have agreed as follows:", which
  like a treaty's closing matter is other text: `drafting.readers.formulas`) are
  preambular (a European Union
  act's recitals, numbered "(1)" after "Whereas:", each one of them, its number kept as
  typed); later ones are other
  text (``T1``) with a warning, except in a section whose heading names it ("Article 26")
  and that numbers none of its paragraphs: there they are the section's operative
  paragraphs, numbered within it (`drafting.readers.sections`).
- **Clauses** numbered on several levels ("1.1", "1.1.1"; IMO, ICAO and ISO texts),
  typed or by a multilevel list ("%1.%2"), are paragraphs labelled by the number they
  show: ``1.1`` (clause 1 of clause 1, as ``3.1`` is paragraph 1 of Article 3), ``1.1.1``.
- **Lines**: sub-paragraphs ("(a)", other automatic numbering below the top level, bullets) join
  the paragraph before as lines of its text: a typed one after a line ending with ":" or
  another sub-paragraph, or as a list's first item ("(a)", "(i)") after a line that does
  not end its sentence ("Decides that"). An item's letter alone ("(a)", as a PDF turned
  into Word leaves it) and the block after it are one item, "(a) To ..."
- **Options**: "Option 1: ..." / "Option 2: No text" blocks ("Alt 1:", "Alternative
  1:"; each may type the paragraph's number again: "2. Alt 1: ...", "2. Alt 2: ..."),
  and a paragraph labelled ``OP7 Alt``, are alternatives of one paragraph, whose text
  becomes adjacent brackets ``[first][second]`` ("No text" is an empty alternative):
  one choice still to make.
  The paragraph's number may be Word's, as a typed one. Options laid out as blocks
  of paragraphs ("Option 1" on its own line, then "1.", "2.") are headings, each
  block a section of its article where their numbers start again (``5 OPTION 1.1``:
  `drafting.readers.structure_options`).
- **Footnotes**: a block ``[^3]: text`` is footnote 3 (label ``FN3``), cited where the
  marker ``[^3]`` stands in a paragraph's text.
- **Brackets** are read as written: every stray bracket is a warning naming the place (one
  across paragraphs named so); the two of a bracketed option block pair (`text_checks`).
"""

from __future__ import annotations

from collections import Counter

from drafting.lazy_re import lazy_compile
from drafting.limits import (
    MAX_BRACKET_DEPTH,
    MAX_PARAGRAPH_CHARS,
    bracket_depth,
    too_deep,
    too_long,
)
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import Label
from drafting.readers.blocks import AutoNumber, Block, Role, RoleKind, Structure
from drafting.readers.contents import mark_contents
from drafting.readers.decisions import decision_opening
from drafting.readers.draft_labels import (
    DraftParagraph,
    bracketed_paragraph,
    check_limits,
    labelled_paragraphs,
)
from drafting.readers.formulas import Formulas
from drafting.readers.lines import (
    BRACKETED_NUMBER,
    FOOTNOTE,
    LONE_ITEM,
    SUBPARAGRAPH,
    is_alternative,
    option_lead,
    section_key,
    split_bracketed_label,
    split_label,
)
from drafting.readers.openings import operative_formula, operative_start
from drafting.readers.result import ReadResult, ReadWarning
from drafting.readers.sections import heading_line, section_title, unnumbered_sections
from drafting.readers.structure_front import MARKED_NOTE, FrontMatter
from drafting.readers.structure_lines import LineJoins
from drafting.readers.structure_numbers import WordNumbers
from drafting.readers.structure_options import OptionBlocks
from drafting.readers.structure_sections import SectionKeys, titled_sections
from drafting.readers.text_checks import bracket_warnings, footnote_warnings, not_preambular
from drafting.readers.unlabelled_hints import last_mark, named_labels, unlabelled_warning

_ITEM_MARKS = ("-", "\u2013", "\u2014", "\u2022", "*", "\u25aa", "\u00b7")
"""What a typed bullet opens with: no heading."""
_KEPT = {"comment": " (it stays in the secretariat's Word document, and is left out of "
                    "what is circulated from it: compilation, merged draft, revisions)"}
"""What a warning adds of what stays in the secretariat's document though not imported."""


def read_structure(blocks: list[Block], *, name: str,
                   warnings: list[ReadWarning] | None = None,
                   text_warnings: bool = True, unique: bool = True) -> Structure:
    """Read ``blocks`` (a file called ``name``) as a draft; see the module's docstring.
    Without ``text_warnings``, stray brackets and footnote markers are not looked for
    (for a reader that only wants the roles). Without ``unique``, a label used twice is
    read as it stands (a delegation's copy types "21." for a new paragraph after OP20).

    Raises ReaderError for a label used twice in one section (with ``unique``), and
    LimitError (before reading anything) for more blocks than `MAX_PARAGRAPHS` or a
    block, or a paragraph its lines make, longer than `MAX_PARAGRAPH_CHARS`, or a
    paragraph whose brackets nest deeper than `MAX_BRACKET_DEPTH`. Stray brackets are
    warnings, never errors.
    """
    check_limits(blocks, name)
    reader = _Reader(blocks, name, list(warnings or ()))
    reader.unique = unique
    return reader.read(text_warnings)


_RULE = lazy_compile(r"[_\-\u2013\u2014*=\s]{3,}")
"""A line drawn with characters ("______", "* * *"), as a UN document closes."""


class _Reader(FrontMatter, OptionBlocks, SectionKeys, WordNumbers, LineJoins):
    def __init__(self, blocks: list[Block], name: str, warnings: list[ReadWarning]) -> None:
        self.blocks = blocks
        self.name = name
        self.warnings = warnings
        self.roles: list[Role] = [Role(RoleKind.EMPTY)] * len(blocks)
        self.after_title: list[int] = []  # front matter after the title (`_front`)
        self.drafts: list[DraftParagraph] = []
        self.last_number: dict[str, int] = {}
        self.operative_seen = False
        self.section = ""
        self.option_open = False
        self.labels: dict[int, tuple[Label | None, str, int]] = {}
        self.bracketed_whole: set[int] = set()  # "[2. Decides ...]": the label after "["
        mark_contents(blocks)  # a table of contents typed by hand: front matter
        self.unnumbered = unnumbered_sections(blocks, lambda i: self._label(i)[0])
        self.operative_in: Counter[str] = Counter()  # operative paragraphs, by section
        self.unique = True  # a label used twice refuses the text
        self.decision = False  # the chapeau a decision's opening ("decides:")
        self.formulas = Formulas()  # "Have agreed as follows:", "IN WITNESS WHEREOF ..."
        self.typed_in: set[str] = set()  # sections with paragraphs numbered "1.", "2."
        self.decimal_in: set[str] = set()  # annexes numbered "1.1", "1.2.1"
        self.item_text: set[int] = set()  # the text of an item whose letter stands alone
        self.annex = ""  # the annex (or appendix) being read, once one has opened
        self.titled = titled_sections(blocks, lambda i: self._label(i)[0])
        self.clauses: Counter[str] = Counter()  # clauses Word numbers "1.2", by section
        self.apart: tuple[str, str] | None = None  # articles keyed by the annex (`_article_key`)
        self.operative_from = operative_start(blocks, lambda i: self._label(i)[0])

    def _label(self, index: int) -> tuple[Label | None, str, int]:
        """`split_label` of block ``index``'s text, worked out once; or, for a paragraph
        bracketed whole with its number, `split_bracketed_label` (noted in ``bracketed``)."""
        found = self.labels.get(index)
        if found is None:
            text = self.blocks[index].text
            found = split_label(text)
            if found[0] is None and text.startswith("[") and \
                    (inside := split_bracketed_label(text))[0] is not None:
                found = inside
                self.bracketed_whole.add(index)
            self.labels[index] = found
        return found

    def read(self, text_warnings: bool = True) -> Structure:
        start = self._front()
        front = [b for i, (b, r) in enumerate(zip(self.blocks, self.roles, strict=True))
                 if r.kind is RoleKind.FRONT and i not in self.after_title]
        title = next((b.text for b, r in zip(self.blocks, self.roles, strict=True)
                      if r.kind is RoleKind.TITLE), "")
        chapeau = next((b.text for b, r in zip(self.blocks, self.roles, strict=True)
                        if r.kind is RoleKind.CHAPEAU), "")
        self.decision = decision_opening(chapeau) or operative_formula(chapeau)  # "(a) To"
        for index in range(start, len(self.blocks)):
            self._block(index)
        paragraphs = self._paragraphs()
        self.warnings = named_labels(self.warnings, paragraphs)
        for paragraph in paragraphs:  # lines joined to a paragraph can make it too long
            if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
                raise too_long(f"{self.name} ({paragraph.label})", len(paragraph.text))
            if (depth := bracket_depth(paragraph.text)) > MAX_BRACKET_DEPTH:
                raise too_deep(f"{self.name} ({paragraph.label})", depth)
        if text_warnings:
            wheres = [draft.where for draft in self.drafts]
            self.warnings += bracket_warnings(paragraphs, wheres)
            self.warnings += footnote_warnings(paragraphs, wheres, self.name)
        lines = tuple(line for b in front for line in b.text.split("\n"))
        after = tuple(line for i in self.after_title for line in self.blocks[i].text.split("\n"))
        result = ReadResult(title, paragraphs, tuple(self.warnings), front_matter=lines,
                            chapeau=chapeau, after_title=after)
        return Structure(result, tuple(self.roles))

    # The paragraphs

    def _block(self, index: int) -> None:
        block = self.blocks[index]
        if block.table and self.roles[index].kind is RoleKind.EMPTY:
            self._notes(block, self._after())  # a table among the paragraphs: not read
            return
        if self.roles[index].kind is not RoleKind.EMPTY or not block.text:
            if not block.text and (block.notes or block.remarks):
                self._notes(block, self._after())
            return
        labelled = self._label(index)[0] is not None
        key = section_key(block.shown) if not labelled else None
        if index in self.item_text:  # "(a)" on the line before: "(a) To ..."
            self._line(index, block.text, " ")
        elif note := FOOTNOTE.match(block.text):
            self._add(index, RoleKind.PARAGRAPH, note.end(), DraftParagraph(
                Label("FN", int(note["number"])), block.text[note.end():], block.where))
        elif self._option_heading(index, block):  # "Option 2" on its own line, then "1."
            pass
        elif block.heading or block.title_style or key is not None:
            self._heading(index, block, key or self._own_key(index, block))
        elif labelled and (clauses := self._clause_heading(index)) is not None:
            self._heading(index, block, clauses)  # "1<tab>GENERAL", then "1.1"
        elif labelled:  # nearly always: no formula, title or heading has a label
            self._body(index, block)
        elif self._formula(index, block):
            pass
        elif self.drafts and self.drafts[-1].label.kind is ParagraphKind.HEADING and \
                section_title(self.blocks, index, lambda i: self._label(i)[0]):
            self._heading(index, block, None, self.drafts[-1].level + 1)  # "Depositary"
        elif self._shaped_heading(index, block):  # "II. Means of implementation"
            self._heading(index, block, self._own_key(index, block))
        else:
            self._body(index, block)
        if self.roles[index].kind is RoleKind.PARAGRAPH and "\n" in block.text:
            self._joined_items(block)
        if block.notes or block.remarks:
            self._notes(block, f"in {self._last()}")

    def _formula(self, index: int, block: Block) -> bool:
        """Read ``block`` as other text if it is a treaty's formula (`drafting.readers.
        formulas`): the end of its preamble, or its closing matter, which runs from the
        testimonium or "DONE at" to the next section heading (the signature lines), or an
        editorial closing note, "[Adopted ...]", its lines one paragraph up to its "]"."""
        if self._label(index)[0] is not None or block.number is not None:
            return False
        if self.formulas.continues(block.text):  # a voting record's lines, to its "]"
            self._line(index, block.text, "\n")
            return True
        if not self.formulas.reads(block.text, operative_seen=self.operative_seen):
            return False
        self._open(index, self._unused("T"), block.text, block)
        return True

    def _shaped_heading(self, index: int, block: Block) -> bool:
        """Whether ``block`` is a heading by its shape alone (`heading_line`), and no
        option, list item or numbered paragraph."""
        text = block.text
        return heading_line(self.blocks, index, lambda i: self._label(i)[0],
                            operative_seen=self.operative_seen) and \
            not (option_lead(text) or SUBPARAGRAPH.match(text) or LONE_ITEM.fullmatch(text)
                 or BRACKETED_NUMBER.match(text) or text.startswith(_ITEM_MARKS))

    def _body(self, index: int, block: Block) -> None:
        label, rest, skip = self._label(index)
        label = self._in_clause_section(self._typed_apart(label))  # "1.2" in Rule 1
        number = block.number
        typed = self._item(index)  # "(a) To ..." where "(a)" stands alone
        if label is None and number is not None and number.label is not None:  # "PP%1"
            self._open(index, Label(*number.label), block.text, block)
            self.drafts[-1].automatic, self.drafts[-1].list = True, number.list
        elif (decimal := self._annex_decimal(block, label)) is not None:  # "1.2.1" in an annex
            self.bracketed_whole.discard(index)
            self._open(index, decimal, block.text, block)
        elif label is None and self._recital(block, typed):  # "(1) Forests ..." after "Whereas:"
            self._open(index, self._unused("PP"), block.text, block)  # Word's number is Word's
            self.drafts[-1].recital = True
        elif label is not None and is_alternative(block.text) and \
                (named := self._alternative_of(label, block)) is not None:
            self._option(index, rest, skip, label_alt=True, host=named)
        elif (option := option_lead(rest if label is not None else block.text)) and \
                not self._option_item(label, number):
            self._options(index, block, label, rest, skip, option)
        elif label is not None:
            self._open(index, label, rest, block, skip)
            self.typed_in.add(self.section)
        elif number is not None and number.level == 0 and number.decimal and \
                self._sublist(number):  # "List Number 2" under "Calls upon States:"
            self._line(index, block.text, f"\n{number.text} " if number.text else "\n")
            self.drafts[self._host].sublist = number.list
        elif number is not None and number.level == 0 and number.decimal:
            self._open(index, Label("OP", number.value), block.text, block)
            self.drafts[-1].automatic = True
            self.drafts[-1].list = number.list
        elif label is None and number is not None and self._decision_item(number):
            self._open(index, Label("OP", number.value), block.text, block)  # Word's "(a)"
            self.drafts[-1].automatic = self.drafts[-1].lettered = True
            self.drafts[-1].list = number.list
        elif number is not None and (clause := self._clause(number)) is not None:
            self._open(index, clause, block.text, block)  # "1.2.1" by Word's multilevel list
            self.drafts[-1].automatic, self.drafts[-1].list = True, number.list
        elif number is not None and self._can_extend():
            self._line(index, block.text, f"\n{number.text} " if number.text else "\n")
        elif (bracketed := bracketed_paragraph(
                block.text, self.drafts[self._host] if self._host >= 0 else None,
                next((d for d in reversed(self.drafts) if d.bracketed), None),
                decision=self.decision)) is not None:
            self._open(index, bracketed[0], block.text[bracketed[1]:], block, bracketed[1])
            self.drafts[-1].bracketed = True
            self.drafts[-1].lettered = not BRACKETED_NUMBER.match(block.text)
        elif SUBPARAGRAPH.match(typed) and self._can_extend(typed=typed):
            self._line(index, block.text, "\n")
        elif label is None and number is None and self._between_items(index, typed):
            self._line(index, block.text, "\n")  # "(a) ...", this line, "(b) ..."
        else:
            shown = f"{number.text} {block.text}" if number is not None and number.text \
                else block.text  # "• Recalling ...": its bullet is part of its text
            self._open(index, self._unlabelled(index, block), shown, block,
                       prefix=shown[:len(shown) - len(block.text)])

    def _option_item(self, label: Label | None, number: AutoNumber | None) -> bool:
        """Whether an "Option 1: ..." block is an item of the paragraph before, numbered
        by Word below its list's top level ("(b) Option 1: [...] Option 2: [...]"): a line
        of that paragraph as typed, as the same item typed "(b) Option 1: ..." is."""
        return label is None and number is not None and number.level > 0 and \
            self._can_extend()

    def _heading(self, index: int, block: Block, key: str | None, level: int = 0) -> None:
        if key is not None:
            self.section = self._part_key(key, block)
            self.formulas.section_opened()
        text = block.shown
        level = level or block.heading or 1
        self.option_open = False
        self._add(index, RoleKind.HEADING, 0,
                  DraftParagraph(self._unused("H"), text, block.where, level, self.section),
                  prefix=text[:len(text) - len(block.text)])

    def _open(self, index: int, label: Label, text: str, block: Block, skip: int = 0,
              prefix: str = "") -> None:
        self.option_open = False
        self._add(index, RoleKind.PARAGRAPH, skip,
                  DraftParagraph(label, text, block.where, 0, self.section), prefix)

    def _unlabelled(self, index: int, block: Block) -> Label:
        if index in self.unnumbered:  # an article's own text: numbered within it
            return Label("OP", self.operative_in[self.section] + 1)
        if self.operative_from is not None and (index >= self.operative_from or
                                                self.formulas.operative):
            return self._unused("OP")  # numbering none: "Decides:", then "To extend ..."
        if not self.operative_seen and not self.formulas.preamble_closed:
            label = self._unused("PP")
            if why := not_preambular(block.text):
                self.warnings.append(ReadWarning(block.where, f"read as {label}, a "
                                                 f"preambular paragraph, though {why}"))
            return label
        label = self._unused("T")
        if not _RULE.fullmatch(block.text) and not MARKED_NOTE.match(block.text):  # the
            # line that closes a UN document, a mark's note ("* State not a member of the
            # Human Rights Council."): no paragraph that wants a label
            self.warnings.append(ReadWarning(block.where, unlabelled_warning(
                len(self.drafts) - 1, str(label), block.text)))
        return label

    def _unused(self, prefix: str) -> Label:
        return Label(prefix, self.last_number.get(prefix, 0) + 1)

    def _add(self, index: int, kind: RoleKind, skip: int, draft: DraftParagraph,
             prefix: str = "") -> None:
        self.roles[index] = Role(kind, len(self.drafts), skip, prefix,
                                 skip_at=int(index in self.bracketed_whole))
        label = draft.label
        self.last_number[label.prefix] = max(self.last_number.get(label.prefix, 0),
                                             label.number)
        operative = label.kind is ParagraphKind.OPERATIVE
        self.operative_seen |= operative
        self.operative_in[draft.section] += operative
        self.drafts.append(draft)

    # Labels and sections

    def _paragraphs(self) -> tuple[Paragraph, ...]:
        return labelled_paragraphs(self.drafts, self.blocks, self.warnings, self._other_text,
                                   unique=self.unique)

    def _other_text(self) -> Label:
        """The next other text's label (``T3``), taken."""
        label = self._unused("T")
        self.last_number["T"] = label.number
        return label

    def _notes(self, block: Block, place: str) -> None:
        after = self._after()
        for remark in block.remarks:
            self.warnings.append(ReadWarning(self.name, remark.format(place=after)))
        for what, count in sorted(block.notes.items()):
            many = f"{count} {what}s" if count > 1 and what != "hidden text" else what
            self.warnings.append(ReadWarning(self.name, f"{many} {place} not imported"
                                             f"{_KEPT.get(what, '')}"))

    def _after(self) -> str:
        chapeau = any(role.kind is RoleKind.CHAPEAU for role in self.roles)
        return f"after {self._last()}" if self.drafts else \
            "after the chapeau" if chapeau else "at the start"

    def _last(self) -> str:
        """The label of the last paragraph read, in a warning: a mark that `read` makes
        the label the result shows (a treaty's typed "2." is 5.2 once its articles are
        known)."""
        return last_mark(len(self.drafts) - 1)

