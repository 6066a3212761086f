"""A large synthetic negotiation, the same for the same seed: for benchmarks and load tests.

``python samples/synthetic.py OUTDIR [--seed 1] [--paragraphs 600] [--delegations 193]
[--per-delegation 20] [--hot-share 10]`` writes into OUTDIR:

- ``draft.md`` and ``draft.docx``: a UN-style draft resolution of ``paragraphs`` preambular
  and operative paragraphs (about 60 words each, one in five with a bracket), under the
  heading "The General Assembly," with a section heading every 50 operative paragraphs;
- ``submissions/<code>.json``: one JSON submission per delegation (193 codes of the member
  states), ``per_delegation`` amendments each, of every kind (replace, delete, insert after
  or before, bracket, new paragraph, delete paragraph, alternative, retain), some with
  supporters and reasons. They crowd onto a tenth of the paragraphs (one in
  ``hot_share``; ``--hot-share 1`` spreads them over every paragraph), and a third of them
  quote one of a few contested passages of those paragraphs, so that proposals overlap
  heavily (identical ones, competing ones, deletions under replacements). At 193 x 520
  (100,360 amendments) the crowded text has about 1,250 on each amended paragraph, the
  spread one about 170;
- ``tracked.docx``: the first delegation's Word file: the draft with ``per_delegation``
  tracked changes (replacements, deletions, insertions, one new paragraph), as a
  delegation sends it back.

Every quoted passage is unique in its paragraph and lies outside brackets, so every
submission is accepted whole by ``drafting submit``; a delegation's own amendments never
overlap one another.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
from dataclasses import dataclass
from pathlib import Path

# the words beside this file, however this file is loaded (benchmarks/load.py loads it by path)
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_words import (
    ACTORS,
    BENEFICIARIES,
    BRACKETS,
    FINANCE,
    INSERTIONS,
    MEANS,
    MEETINGS,
    MONTHS,
    NOUN_CLAUSES,
    NOUN_JOINS,
    OP_NOUN_OPENERS,
    OP_VERB_OPENERS,
    PP_OPENERS,
    REASONS,
    REPLACEMENTS,
    SESSIONS,
    THREATS,
    TOPICS,
    VERB_CLAUSES,
    VERB_JOINS,
)

SYMBOL = "A/C.2/81/L.60"
TITLE = "Oceans, fisheries and the blue economy (synthetic negotiation)"
HOT_SHARE = 10  # one paragraph in HOT_SHARE receives the amendments
CONTESTED = 3  # passages of each hot paragraph that many delegations amend
MAX_NEW_AFTER = 12  # new paragraphs proposed after any one paragraph (OP5 bis ... duodecies)
SECTION_EVERY = 50  # operative paragraphs per section heading

_MEMBER_STATES = (
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH "
    "BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP "
    "CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU "
    "GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ "
    "KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS "
    "MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN "
    "PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC "
    "SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN "
    "TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE"
)
MEMBER_STATES = _MEMBER_STATES.split()
"""ISO 3166 alpha-3 codes of the 193 member states of the United Nations."""

KINDS = {"replace": 30, "delete": 12, "insert": 18, "bracket": 6, "new_paragraph": 5,
         "delete_paragraph": 3, "alternative": 4, "retain": 5}
"""How often each kind of amendment is drawn (weights), outside the contested passages."""


@dataclass(frozen=True)
class Workload:
    """The files of one synthetic negotiation (see the module docstring)."""

    symbol: str
    """The document symbol used in every submission."""
    draft_md: Path
    """The draft as Markdown."""
    draft_docx: Path
    """The same draft as .docx."""
    submissions: list[Path]
    """One JSON file per delegation, in the order of ``codes``."""
    codes: list[str]
    """The delegation codes, in order."""
    tracked_docx: Path
    """The first delegation's Word file with ``per_delegation`` tracked changes."""


@dataclass(frozen=True)
class _Slot:
    """A phrase drawn from one of the lists above, at ``start:end`` of its paragraph."""

    start: int
    end: int
    kind: str


@dataclass
class _Paragraph:
    label: str
    text: str
    operative: bool
    slots: list[_Slot]


def write_workload(outdir: Path, *, seed: int = 1, paragraphs: int = 600,
                   delegations: int = 193, per_delegation: int = 20,
                   hot_share: int = HOT_SHARE) -> Workload:
    """Write a synthetic negotiation into ``outdir`` (created if missing), the same files for
    the same arguments. ``paragraphs`` counts preambular and operative paragraphs (headings
    come on top); more than 193 delegations get codes ``X194``, ``X195``, ...; the
    amendments go to one paragraph in ``hot_share`` (1: every paragraph)."""
    if paragraphs < 10 or delegations < 1 or per_delegation < 1 or hot_share < 1:
        raise ValueError("need at least 10 paragraphs, 1 delegation and 1 amendment each, "
                         "and a hot share of 1 or more")
    outdir = Path(outdir)
    (outdir / "submissions").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    draft = [_paragraph(rng, n, paragraphs) for n in range(paragraphs)]
    draft_md = outdir / "draft.md"
    draft_md.write_text(_markdown(draft), encoding="utf-8")
    codes = (MEMBER_STATES + [f"X{n}" for n in range(194, delegations + 1)])[:delegations]
    hot = sorted(rng.sample(range(paragraphs), max(1, paragraphs // hot_share)))
    contested = {n: _contested(rng, draft[n]) for n in hot}
    new_after: dict[int, int] = {}
    submissions = []
    for code in codes:
        amendments = _Delegation(rng, draft, hot, contested, new_after, codes, code).draw(
            per_delegation)
        path = outdir / "submissions" / f"{code.lower()}.json"
        data = {"document": SYMBOL, "delegation": code, "submitted_by": f"Delegate of {code}",
                "revision": "Zero draft", "amendments": amendments}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        submissions.append(path)
    draft_docx, tracked_docx = outdir / "draft.docx", outdir / "tracked.docx"
    _write_word_files(draft_md, draft_docx, tracked_docx, codes[0],
                      _tracked_proposals(random.Random(seed + 1), draft, per_delegation))
    return Workload(SYMBOL, draft_md, draft_docx, submissions, codes, tracked_docx)


# The draft


def _paragraph(rng: random.Random, index: int, total: int) -> _Paragraph:
    preambular = total // 5
    operative = index >= preambular
    number = index - preambular + 1 if operative else index + 1
    label = f"OP{number}" if operative else f"PP{number}"
    text, slots = _prose(rng, operative)
    return _Paragraph(label, text, operative, slots)


def _prose(rng: random.Random, operative: bool) -> tuple[str, list[_Slot]]:
    """About 60 words of UN prose: an opener, clauses, one time in five a bracket between
    two clauses. Returns the text and where each filled-in phrase stands in it."""
    verb = operative and rng.random() < 0.6
    if operative:
        opener = rng.choice(OP_VERB_OPENERS if verb else OP_NOUN_OPENERS)
    else:
        opener = rng.choice(PP_OPENERS)
    clauses, joins = (VERB_CLAUSES, VERB_JOINS) if verb else (NOUN_CLAUSES, NOUN_JOINS)
    text, slots = opener + " ", []
    target, join = rng.randint(50, 70), ""
    bracket = rng.random() < 0.2
    while True:
        text, slots = _fill(rng, rng.choice(clauses), text, slots)
        if len(text.split()) >= target:
            break
        if bracket and len(text.split()) > target // 3:
            text, bracket = text + rng.choice(BRACKETS), False
        join = rng.choice([j for j in joins if j != join])
        text += join
    return text + (";" if operative else ","), slots


_SLOTS = {"topic": TOPICS, "beneficiary": BENEFICIARIES, "actor": ACTORS, "threat": THREATS,
          "means": MEANS, "meeting": MEETINGS, "finance": FINANCE, "session": SESSIONS}


def _fill(rng: random.Random, template: str, text: str,
          slots: list[_Slot]) -> tuple[str, list[_Slot]]:
    """``text`` followed by ``template`` filled in, and ``slots`` with the phrases drawn
    from the lists above."""
    for literal, field, _, _ in string.Formatter().parse(template):
        text += literal
        if field in _SLOTS:
            value = rng.choice(_SLOTS[field])
            slots = [*slots, _Slot(len(text), len(text) + len(value), field)]
        elif field == "year":
            value = str(rng.randint(2012, 2025))
        elif field == "res":
            value = f"{rng.randint(60, 80)}/{rng.randint(1, 330)}"
        elif field == "date":
            value = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2005, 2025)}"
        elif field == "doc":
            value = f"A/{rng.randint(70, 80)}/{rng.randint(60, 400)}"
        else:
            value = ""
        text += value
    return text, slots


def _markdown(draft: list[_Paragraph]) -> str:
    blocks = [f"# {TITLE}", "## The General Assembly,"]
    section = 0
    for paragraph in draft:
        number = int(paragraph.label[2:])
        if paragraph.operative and number % SECTION_EVERY == 1:
            section += 1
            blocks.append(f"## Section {section}")
        blocks.append(f"{paragraph.label} {paragraph.text}")
    return "\n\n".join(blocks) + "\n"


# Quoting passages


def _free(text: str) -> list[tuple[int, int]]:
    """Where each word of ``text`` outside brackets starts and ends, but the first and
    the last word."""
    words: list[tuple[int, int]] = []
    depth = position = 0
    for word in text.split(" "):
        start, position = position, position + len(word) + 1
        inside = depth > 0 or "[" in word or "]" in word
        depth += word.count("[") - word.count("]")
        if not inside:
            words.append((start, start + len(word)))
    return words[1:-1]


def _unique(text: str, start: int, end: int) -> bool:
    quoted = text[start:end]
    return text.find(quoted, text.find(quoted) + 1) == -1


def _passage(rng: random.Random, paragraph: _Paragraph, taken: list[tuple[int, int]], *,
             phrases: bool = True, tries: int = 40) -> _Slot | None:
    """A passage to quote, unique in the paragraph, overlapping nothing in ``taken``: one
    of its filled-in phrases (most often, with ``phrases``; its kind tells what may replace
    it) or a run of 1 to 5 words outside brackets (kind ""). None when none is found."""
    text = paragraph.text
    if phrases and rng.random() < 0.7:
        slots = [s for s in paragraph.slots if _unique(text, s.start, s.end)
                 and not any(s.start < b and a < s.end for a, b in taken)]
        if slots:
            return rng.choice(slots)
    words = _free(text)
    for _ in range(tries):
        first = rng.randrange(len(words))
        last = min(len(words) - 1, first + rng.randint(0, 4))
        start, end = words[first][0], words[last][1]
        if text[start:end].count(" ") != last - first:
            continue  # the run crosses a bracket
        if not _unique(text, start, end) or (first == last and end - start < 5):
            continue
        if any(start < b and a < end for a, b in taken):
            continue
        return _Slot(start, end, "")
    return None


def _wordings(rng: random.Random, old: str, kind: str, count: int) -> list[str]:
    """``count`` different texts that could replace ``old`` (a phrase of ``kind``)."""
    pool = [p for p in _SLOTS.get(kind, REPLACEMENTS) if p != old]
    return [_keep_comma(old, p) for p in rng.sample(pool, min(count, len(pool)))]


def _contested(rng: random.Random, paragraph: _Paragraph) -> list[tuple[int, int, list[str]]]:
    """A few passages of a hot paragraph, each with the few wordings delegations propose."""
    found: list[_Slot] = []
    for _ in range(CONTESTED):
        slot = _passage(rng, paragraph, [(s.start, s.end) for s in found])
        if slot is not None:
            found.append(slot)
    return [(s.start, s.end, _wordings(rng, paragraph.text[s.start:s.end], s.kind, 3))
            for s in found]


def _keep_comma(old: str, new: str) -> str:
    return new + "," if old.endswith(",") and not new.endswith(",") else new


class _Delegation:
    """Draws one delegation's amendments; its own never overlap one another."""

    def __init__(self, rng: random.Random, draft: list[_Paragraph], hot: list[int],
                 contested: dict[int, list[tuple[int, int, list[str]]]],
                 new_after: dict[int, int], codes: list[str], code: str) -> None:
        self.rng, self.draft, self.hot, self.contested = rng, draft, hot, contested
        self.new_after, self.code = new_after, code
        self.others = [c for c in codes if c != code]
        self.taken: dict[int, list[tuple[int, int]]] = {}
        self.whole: set[int] = set()

    def draw(self, count: int) -> list[dict[str, object]]:
        amendments: list[dict[str, object]] = []
        misses = 0
        while len(amendments) < count:
            # the hot paragraphs first; anywhere once they are full (tiny workloads)
            pool = self.hot if misses < 100 else range(len(self.draft))
            index = self.rng.choice(pool)
            item = None if index in self.whole else self._one(index)
            if item is None:
                misses += 1
                continue
            if self.rng.random() < 0.3:
                item["reason"] = self.rng.choice(REASONS)
            if self.rng.random() < 0.1 and self.others:
                item["supporters"] = self.rng.sample(self.others, self.rng.randint(1, 3))
            amendments.append(item)
        return amendments

    def _one(self, index: int) -> dict[str, object] | None:
        paragraph, rng = self.draft[index], self.rng
        taken = self.taken.setdefault(index, [])
        head: dict[str, object] = {"paragraph": paragraph.label}
        if rng.random() < 0.35:
            free = [c for c in self.contested.get(index, [])
                    if not any(c[0] < b and a < c[1] for a, b in taken)]
            if free:
                start, end, wordings = rng.choice(free)
                taken.append((start, end))
                old = paragraph.text[start:end]
                pick = rng.random()
                if pick < 0.7 and wordings:
                    return head | {"replace": old, "with": rng.choice(wordings)}
                return head | ({"delete": old} if pick < 0.9 else {"bracket": old})
        kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        if kind in ("delete_paragraph", "alternative", "retain") or (
                kind == "new_paragraph" and self.new_after.get(index, 0) >= MAX_NEW_AFTER):
            if taken:
                return None
            self.whole.add(index)
            if kind == "delete_paragraph":
                return head | {"delete_paragraph": True}
            if kind == "retain":
                return head | {"retain": True}
            return head | {"alternative": _prose(rng, paragraph.operative)[0]}
        if kind == "new_paragraph":
            self.new_after[index] = self.new_after.get(index, 0) + 1
            return head | {"new_paragraph": _prose(rng, paragraph.operative)[0]}
        slot = _passage(rng, paragraph, taken, phrases=kind != "delete")
        if slot is None:
            return None
        taken.append((slot.start, slot.end))
        return head | _span_change(rng, kind, paragraph.text[slot.start:slot.end], slot.kind)


def _span_change(rng: random.Random, kind: str, old: str, phrase: str) -> dict[str, object]:
    """A span amendment of ``kind`` on the quoted ``old`` (a phrase of kind ``phrase``)."""
    if kind == "replace":
        return {"replace": old, "with": _wordings(rng, old, phrase, 1)[0]}
    if kind == "delete":
        return {"delete": old}
    if kind == "bracket":
        return {"bracket": old}
    words = rng.choice(INSERTIONS)
    if rng.random() < 0.5:
        return {"insert": " " + words, "after": old}
    return {"insert": words + " ", "before": old}


# The Word files


def _tracked_proposals(rng: random.Random, draft: list[_Paragraph],
                       count: int) -> list[dict[str, object]]:
    """``count`` changes a delegation types into its copy of the draft: one new paragraph,
    the rest replacements, deletions and insertions, each in its own paragraph."""
    chosen = rng.sample(range(len(draft)), min(count, len(draft)))
    while len(chosen) < count:  # more changes than paragraphs: several per paragraph
        chosen.append(rng.randrange(len(draft)))
    taken: dict[int, list[tuple[int, int]]] = {}
    proposals: list[dict[str, object]] = []
    for number, index in enumerate(chosen):
        paragraph = draft[index]
        head: dict[str, object] = {"paragraph": paragraph.label}
        if number == 0:
            proposals.append(head | {"new_paragraph": _prose(rng, paragraph.operative)[0]})
            continue
        kind = rng.choice(("replace", "replace", "delete", "insert"))
        slot = _passage(rng, paragraph, taken.setdefault(index, []), phrases=kind != "delete",
                        tries=200)
        if slot is None:
            raise ValueError(f"no free passage left in {paragraph.label}")
        taken[index].append((slot.start, slot.end))
        proposals.append(head | _span_change(rng, kind, paragraph.text[slot.start:slot.end],
                                             slot.kind))
    return proposals


def _write_word_files(draft_md: Path, draft_docx: Path, tracked_docx: Path, code: str,
                      proposals: list[dict[str, object]]) -> None:
    """The draft as Word, and a delegation's copy with ``proposals`` as tracked changes,
    both by the library's own writers (imported here: the rest needs only the stdlib)."""
    from drafting.engine.amend import draft_amendment
    from drafting.engine.merge import merge
    from drafting.readers import read_draft
    from drafting.readers.submission import read_submission_text
    from drafting.writers.docx_clean import write_docx_revision
    from drafting.writers.docx_merged import write_merged_docx

    document = read_draft(draft_md).to_document(SYMBOL)
    write_docx_revision(document, draft_docx)
    submission = read_submission_text(json.dumps(
        {"document": SYMBOL, "delegation": "TRACKED", "amendments": proposals}))
    amendments = [draft_amendment(document.current, proposal, id=f"T{n}",
                                  proponents=[code])
                  for n, proposal in enumerate(submission.proposals, 1)]
    write_merged_docx(merge(document, amendments), tracked_docx)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paragraphs", type=int, default=600)
    parser.add_argument("--delegations", type=int, default=193)
    parser.add_argument("--per-delegation", type=int, default=20)
    parser.add_argument("--hot-share", type=int, default=HOT_SHARE,
                        help="amend one paragraph in this many (1: spread over all)")
    args = parser.parse_args(argv)
    workload = write_workload(args.outdir, seed=args.seed, paragraphs=args.paragraphs,
                              delegations=args.delegations, per_delegation=args.per_delegation,
                              hot_share=args.hot_share)
    total = len(workload.submissions) * args.per_delegation
    print(f"wrote {workload.draft_md}, {workload.draft_docx}, {workload.tracked_docx} and "
          f"{len(workload.submissions)} submissions ({total} amendments) for {workload.symbol}")


if __name__ == "__main__":
    main(sys.argv[1:])
