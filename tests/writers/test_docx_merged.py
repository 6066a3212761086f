"""The merged Word document: every proposal a real tracked change.

Compilations come from real merges of amendments drafted on a small revision.
The written XML is checked directly, and "accept all" / "reject all" are worked
out by a small walker of our own (keep w:ins and drop w:del to accept, the
reverse to reject; a paragraph whose mark goes joins the next one), then by
LibreOffice and pandoc when they are installed.
"""

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.engine.amend import Proposal, apply, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.segments import MergedParagraph, NewParagraph
from drafting.errors import DraftingError
from drafting.model import SPAN_KINDS, Document, Paragraph, ParagraphKind, Revision
from drafting.writers.docx_merged import write_merged_docx
from drafting.writers.pieces import alternative_labels

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
ROOT = Path(__file__).resolve().parents[2]
LO_TRACK = Path("/work/shared/tools/lo_track.py")
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
PP, OP, H = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.HEADING

ZERO = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "The General Assembly,", level=2),
    Paragraph("p1", "PP1", PP, "Recalling also its resolution 70/1 of 25 September 2015,"),
    Paragraph("o1", "OP1", OP, "Decides to convene a high-level meeting in 2027;"),
    Paragraph("o2", "OP2", OP,
              "Requests the Secretary-General to submit a report within existing resources;"),
    Paragraph("o3", "OP3", OP, "Calls upon States:\n(a) To act;\n(b) To report;"),
    Paragraph("o4", "OP4", OP, "Invites States to contribute."),
    Paragraph("o5", "OP5", OP, "Decides to remain seized of the matter."),
))
DRAFT = Document("A/C.2/81/L.7", "Sustainable fisheries", (ZERO,))

AGREED = [  # (paragraph, proponents, proposal fields): no two touch the same words
    ("PP1", ["JPN"], {"replace": "70/1", "with_": "70/1 and 69/313",
                      "reason": "Both resolutions frame the topic."}),
    ("OP1", ["USA"], {"delete": " in 2027", "reason": "The year is not agreed."}),
    ("OP1", ["G77"], {"bracket": "high-level"}),
    ("OP2", ["EU", "USA"], {"replace": "submit", "with_": "present",
                            "reason": "Agreed language.", "supporters": ("JPN",)}),
    ("OP2", ["AOSIS"], {"insert": "comprehensive ", "before": "report"}),
    ("OP3", ["EU"], {"insert": "\n(c) To cooperate;", "after": "(b) To report;"}),
    ("OP2", ["EU", "USA"], {"new_paragraph": "Invites the Secretary-General to brief States;",
                            "reason": "Transparency."}),
    ("OP2", ["G77"], {"new_paragraph": "Decides to review progress;"}),
    ("OP4", ["USA"], {"delete_paragraph": True, "reason": "Covered by OP2."}),
    ("OP4", ["JPN"], {"new_paragraph": "Welcomes contributions;"}),
    ("OP5", ["G77"], {"retain": True, "reason": "Standard closing paragraph."}),
    ("OP3", ["G77"], {"alternative": "Calls upon States to act and to report;"}),
]
CONFLICTING = [
    ("OP2", ["EU"], {"replace": "submit", "with_": "present"}),
    ("OP2", ["G77"], {"replace": "submit", "with_": "transmit", "reason": "Clearer."}),
    ("OP1", ["USA"], {"delete": " in 2027"}),
    ("OP1", ["G77"], {"retain": True}),
    ("OP4", ["EU"], {"insert": " and fishers", "after": "States"}),
    ("OP4", ["JPN"], {"insert": " and workers", "after": "States"}),
]


def amendments_for(proposals, revision=ZERO):
    return [
        draft_amendment(revision, Proposal(label, **fields), id=f"A{n}", proponents=codes,
                        submitted_at=T0 + timedelta(minutes=n))
        for n, (label, codes, fields) in enumerate(proposals)
    ]


def dates_of(amendments):
    return {a.id: a.submitted_at for a in amendments}


# --- reading the written file back --------------------------------------------------------


def part(path, name="word/document.xml"):
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def _text(element, drop):
    out = []
    for child in element:
        if child.tag in (drop, W + "pPr"):
            continue
        if child.tag in (W + "t", W + "delText"):
            out.append(child.text or "")
        elif child.tag == W + "tab":
            out.append("\t")
        elif child.tag == W + "br":
            out.append("\n")
        else:
            out.append(_text(child, drop))
    return "".join(out)


def resolved(path, mode):
    """The paragraphs' texts after accepting ("accept") or rejecting ("reject") all."""
    drop = W + ("del" if mode == "accept" else "ins")
    lines, pending = [], ""
    for paragraph in part(path).find(W + "body").iter(W + "p"):
        pending += _text(paragraph, drop)
        if paragraph.find(f"{W}pPr/{W}rPr/{drop}") is None:
            lines.append(pending)
            pending = ""
    return lines + ([pending] if pending else [])


def head_lines(compilation):
    """What stands before the paragraphs: front matter, title, subtitle, chapeau."""
    return [*compilation.front_matter, compilation.title,
            f"{compilation.symbol} — {compilation.revision}, with proposals (merged)",
            *([compilation.chapeau] if compilation.chapeau else [])]


def draft_lines(compilation):
    lines = head_lines(compilation)
    for entry in compilation.entries:
        if isinstance(entry, MergedParagraph):
            p = entry.paragraph
            lines.append(p.text if p.kind is H else f"{p.label}\t{p.text}")
    return lines


def accepted_lines(compilation, amendments):
    """Every proposal made, computed with amend.apply (descending spans), not the writer."""
    lines = head_lines(compilation)
    for entry in compilation.entries:
        if isinstance(entry, NewParagraph):
            lines.append(f"{entry.label}\t{entry.text}")
            continue
        p = entry.paragraph
        if entry.deletion is None:
            text = p.text
            spans = [a for a in amendments if a.paragraph_id == p.id and a.kind in SPAN_KINDS]
            for a in sorted(spans, key=lambda a: (a.span.start, a.span.end), reverse=True):
                text = apply(text, a)
            lines.append(text if p.kind is H else f"{p.label}\t{text}")
        labels = alternative_labels(p.label, len(entry.alternatives))
        lines += [f"{label}\t{o.text}" for label, o in zip(labels, entry.alternatives, strict=True)]
    return lines


def paragraph_starting(root, text, mode="accept"):
    drop = W + ("del" if mode == "accept" else "ins")
    for paragraph in root.iter(W + "p"):
        if _text(paragraph, drop).startswith(text):
            return paragraph
    raise AssertionError(f"no paragraph starts with {text!r}")


def mark(paragraph, tag):
    return paragraph.find(f"{W}pPr/{W}rPr/{W}{tag}")


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def agreed(tmp_path_factory):
    amendments = amendments_for(AGREED)
    compilation = merge(DRAFT, amendments)
    path = tmp_path_factory.mktemp("merged") / "agreed.docx"
    write_merged_docx(compilation, path, dates=dates_of(amendments))
    return path, compilation, amendments


@pytest.fixture(scope="module")
def conflicting(tmp_path_factory):
    amendments = amendments_for(CONFLICTING)
    compilation = merge(DRAFT, amendments)
    path = tmp_path_factory.mktemp("merged") / "conflicting.docx"
    write_merged_docx(compilation, path, dates=dates_of(amendments))
    return path, compilation, amendments


CONFLICT_ACCEPTED = {
    "OP1": "OP1\tDecides to convene a high-level meeting [in 2027 / ];",
    "OP2": "OP2\tRequests the Secretary-General to [submit / present / transmit] a report "
           "within existing resources;",
    "OP4": "OP4\tInvites States [and fishers / and workers] to contribute.",
}


# --- accept all / reject all by our own walker --------------------------------------------


def test_rejecting_every_change_gives_the_draft_exactly(agreed, conflicting):
    for path, compilation, _ in (agreed, conflicting):
        assert resolved(path, "reject") == draft_lines(compilation)


def test_accepting_every_change_gives_every_amendment_applied(agreed):
    path, compilation, amendments = agreed
    accepted = resolved(path, "accept")
    assert accepted == accepted_lines(compilation, amendments)
    assert "OP4\tInvites States to contribute." not in accepted  # the deleted paragraph
    assert accepted[-2:] == ["OP4 bis\tWelcomes contributions;",
                             "OP5\tDecides to remain seized of the matter."]


def test_accepting_a_conflict_shows_one_bracket_of_alternatives(conflicting):
    path, _, _ = conflicting
    accepted = resolved(path, "accept")
    for label, line in CONFLICT_ACCEPTED.items():
        assert [x for x in accepted if x.startswith(label + "\t")] == [line]


# --- the XML itself -----------------------------------------------------------------------------


def test_ids_are_unique_across_insertions_deletions_and_comments(agreed, conflicting):
    for path, _, _ in (agreed, conflicting):
        body = part(path)
        ids = body.xpath("//w:ins/@w:id | //w:del/@w:id", namespaces=NS)
        ids += part(path, "word/comments.xml").xpath("//w:comment/@w:id", namespaces=NS) \
            if "word/comments.xml" in zipfile.ZipFile(path).namelist() else []
        assert len(ids) > 10
        assert len(ids) == len(set(ids))


def test_every_revision_has_author_and_date(agreed):
    path = agreed[0]
    revisions = part(path).xpath("//w:ins | //w:del", namespaces=NS)
    assert revisions
    for revision in revisions:
        assert revision.get(W + "author")
        assert revision.get(W + "date", "").endswith("Z")
    authors = {r.get(W + "author") for r in revisions}
    assert {"EU, USA", "USA", "G77", "JPN", "AOSIS", "EU"} <= authors
    replaced = part(path).xpath("//w:ins[w:r/w:t='present']", namespaces=NS)[0]
    assert replaced.get(W + "author") == "EU, USA"
    assert replaced.get(W + "date") == "2026-11-02T10:03:00Z"  # A3, submitted at T0 + 3 min


def test_without_dates_revisions_carry_no_date(tmp_path):
    amendments = amendments_for(AGREED[:2])
    write_merged_docx(merge(DRAFT, amendments), tmp_path / "undated.docx")
    revisions = part(tmp_path / "undated.docx").xpath("//w:ins | //w:del", namespaces=NS)
    assert revisions and all(r.get(W + "date") is None for r in revisions)


def test_deleted_text_is_only_in_del_text(agreed):
    body = part(agreed[0])
    assert body.xpath("//w:del//w:t", namespaces=NS) == []
    assert body.xpath("//w:delText[not(ancestor::w:del)]", namespaces=NS) == []
    deleted = "".join(body.xpath("//w:del//w:delText/text()", namespaces=NS))
    assert " in 2027" in deleted and "submit" in deleted


def test_a_new_paragraph_marks_the_previous_paragraph_mark_inserted(agreed):
    body = part(agreed[0])
    op2 = paragraph_starting(body, "OP2\t")
    bis = paragraph_starting(body, "OP2 bis\t")
    ter = paragraph_starting(body, "OP2 ter\t")
    assert bis.getprevious() is op2 and ter.getprevious() is bis
    assert mark(op2, "ins").get(W + "author") == "EU, USA"
    assert mark(bis, "ins").get(W + "author") == "G77"  # OP2 ter follows it
    assert mark(ter, "ins") is None  # it ends with OP2's own, untracked, mark
    label = bis.find(f"{W}ins/{W}r")
    assert label.find(f"{W}rPr/{W}b") is not None and label.findtext(f"{W}t") == "OP2 bis"


def test_a_deleted_paragraph_has_every_run_deleted_and_its_mark(agreed):
    body = part(agreed[0])
    op4 = paragraph_starting(body, "OP4\t", mode="reject")
    # nothing outside the deletion but the reference to the comment with the reason
    assert op4.xpath("w:r[not(w:commentReference)]", namespaces=NS) == []
    assert set(op4.xpath("w:del/@w:author", namespaces=NS)) == {"USA"}
    assert mark(op4, "del").get(W + "author") == "USA"
    after = op4.getnext()  # a new paragraph cannot use a deleted mark: it marks its own
    assert _text(after, W + "del").startswith("OP4 bis") and mark(after, "ins") is not None


def comments(path):
    found = {}
    for comment in part(path, "word/comments.xml").iter(W + "comment"):
        found[comment.get(W + "id")] = (comment.get(W + "author"), _text(comment, None))
    return found


def test_reasons_and_retains_are_comments_anchored_in_the_text(agreed):
    path = agreed[0]
    body, found = part(path), comments(path)
    texts = {text: author for author, text in found.values()}
    assert texts["Retain: G77Standard closing paragraph."] == "G77"
    assert texts["Agreed language.Supported by JPN."] == "EU, USA"
    assert texts["Covered by OP2."] == "USA"
    assert texts["Transparency."] == "EU, USA"
    for comment_id in found:
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
            assert len(body.xpath(f"//w:{tag}[@w:id='{comment_id}']", namespaces=NS)) == 1
    op5 = paragraph_starting(body, "OP5\t")
    start = op5.find(W + "commentRangeStart")
    assert start.getnext().findtext(f"{W}t") == "OP5"  # the retain is on the label
    reason_id = next(i for i, (_, text) in found.items() if text.startswith("Agreed"))
    start = body.xpath(f"//w:commentRangeStart[@w:id='{reason_id}']", namespaces=NS)[0]
    assert start.getnext().tag == W + "del"  # the comment covers the change


def test_house_style_labels_headings_and_italic_opening_words(agreed):
    body = part(agreed[0])
    heading = paragraph_starting(body, "The General Assembly,")
    assert heading.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Heading2"
    pp1 = paragraph_starting(body, "PP1\t")
    runs = pp1.findall(W + "r")
    assert runs[0].findtext(f"{W}t") == "PP1" and runs[0].find(f"{W}rPr/{W}b") is not None
    assert runs[1].find(W + "tab") is not None
    assert runs[2].findtext(f"{W}t") == "Recalling also"
    assert runs[2].find(f"{W}rPr/{W}i") is not None and runs[3].find(f"{W}rPr/{W}i") is None
    assert body.xpath("//w:ins//w:i", namespaces=NS) == []  # inserted words: plain
    # deleted words as they stood: only an operative paragraph's opening verb in italics
    italic = body.xpath("//w:del//w:r[w:rPr/w:i]", namespaces=NS)
    assert italic and {"".join(r.itertext()) for r in italic} <= {"Invites", "Decides",
                                                                  "Requests"}
    op3 = paragraph_starting(body, "OP3\t", mode="reject")
    assert len(op3.xpath(".//w:br", namespaces=NS)) == 3  # two in the text, one inserted


def test_the_file_is_written_atomically(tmp_path, agreed):
    _, compilation, amendments = agreed
    target = tmp_path / "out.docx"
    target.write_text("old")
    write_merged_docx(compilation, target, dates=dates_of(amendments))
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]
    with pytest.raises(DraftingError, match="missing"):
        write_merged_docx(compilation, tmp_path / "missing" / "out.docx")


def test_stale_proposals_become_comments_on_the_title(tmp_path):
    old = ZERO
    new = Revision("Rev.1", tuple(
        Paragraph(p.id, p.label, p.kind, p.text.replace("submit", "provide"), level=p.level)
        for p in old))
    amendments = amendments_for([("OP2", ["EU"], {"replace": "submit", "with_": "present"})])
    compilation = merge(Document("A/C.2/81/L.7", "Fisheries", (old, new)), amendments)
    assert compilation.stale
    write_merged_docx(compilation, tmp_path / "stale.docx")
    (author, text), = comments(tmp_path / "stale.docx").values()
    assert author == "EU" and text.startswith("Not placed in the text: A0 (EU) on OP2:")


# --- the sample negotiation ------------------------------------------------------------------


def _load_script():
    spec = importlib.util.spec_from_file_location("compile_samples",
                                                  ROOT / "samples" / "compile_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    script = _load_script()
    compilation = script.sample_compilation()
    dates = {i: T0 for e in compilation.entries for i in _amendment_ids(e)}
    path = tmp_path_factory.mktemp("sample") / "sample.docx"
    write_merged_docx(compilation, path, dates=dates)
    return path, compilation


def _credits(entry):
    """Every credit on an entry but its retains."""
    if isinstance(entry, NewParagraph):
        return [entry.credit]
    credits = [entry.deletion] if entry.deletion else []
    credits += [o.credit for o in entry.alternatives]
    for segment in entry.segments:
        credits += [getattr(segment, "credit", None)] + [o.credit for o in
                                                          getattr(segment, "options", ())]
    return [c for c in credits if c]


def _amendment_ids(entry):
    retains = [entry.retains] if isinstance(entry, MergedParagraph) and entry.retains else []
    return [i for c in _credits(entry) + retains for i in c.amendments]


def test_the_sample_rejects_to_the_draft_and_accepts_to_its_brackets(sample):
    path, compilation = sample
    assert resolved(path, "reject") == draft_lines(compilation)
    accepted = resolved(path, "accept")
    assert "OP24\tRequests the Secretary-General to [[submit / present / transmit] / present] " \
        "to the General Assembly" in "\n".join(accepted)
    assert not any(x.startswith("OP23\t") for x in accepted)
    assert any(x.startswith("OP9 ter\tRecognizes that") for x in accepted)
    noted = [c for e in compilation.entries for c in _credits(e) if c.reasons or c.supporters]
    retains = [e for e in compilation.entries if getattr(e, "retains", None)]
    assert len(comments(path)) == len(noted) + len(retains) > 15
    revisions = part(path).xpath("//w:ins | //w:del", namespaces=NS)
    ids = [r.get(W + "id") for r in revisions] + list(comments(path))
    assert len(ids) == len(set(ids))


# --- other word processors ----------------------------------------------------------------------


def _lo_lines(path, mode):
    done = lo_track(mode, path)
    assert "redlines remain" not in done.stderr
    return done.stdout.rstrip("\n").split("\n")


def _flat(lines):
    return "\n".join(lines).split("\n")


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_libreoffice_agrees(agreed, conflicting, mode):
    for path, compilation, _ in (agreed, conflicting):
        expected = draft_lines(compilation) if mode == "reject" else resolved(path, "accept")
        assert _lo_lines(path, mode) == _flat(expected)
    if mode == "accept":
        assert _flat(resolved(agreed[0], "accept")) == _flat(accepted_lines(*agreed[1:]))
        accepted = _lo_lines(conflicting[0], "accept")
        assert set(CONFLICT_ACCEPTED.values()) <= set(accepted)


def test_libreoffice_reads_the_sample(sample):
    path, compilation = sample
    assert _lo_lines(path, "reject") == _flat(draft_lines(compilation))
    assert _lo_lines(path, "accept") == _flat(resolved(path, "accept"))


def _pandoc_words(path, mode):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    done = subprocess.run(["pandoc", f"--track-changes={mode}", "-t", "plain", "--wrap=none",
                           str(path)], capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.split()


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_pandoc_agrees(agreed, conflicting, sample, mode):
    for path, compilation, *_ in (agreed, conflicting, sample):
        expected = draft_lines(compilation) if mode == "reject" else resolved(path, "accept")
        # pandoc keeps the title and subtitle as metadata, out of plain text, when they
        # open the document (after front matter, they are text like any other)
        title = len(compilation.front_matter)
        shown = expected if title else expected[2:]
        assert _pandoc_words(path, mode) == " ".join(shown).split()


# --- front matter and chapeau ----------------------------------------------------------------

FRONT = ("United Nations", "A/C.2/81/L.7", "", "Fiji and Samoa:\tdraft resolution")
CHAPEAU = "The Parties to this Agreement,"


@pytest.fixture(scope="module")
def fronted(tmp_path_factory):
    revision = Revision(ZERO.label, ZERO.paragraphs, front_matter=FRONT, chapeau=CHAPEAU)
    amendments = amendments_for(AGREED)
    compilation = merge(Document(DRAFT.symbol, DRAFT.title, (revision,)), amendments)
    path = tmp_path_factory.mktemp("merged") / "fronted.docx"
    write_merged_docx(compilation, path, dates=dates_of(amendments))
    return path, compilation, amendments


def test_front_matter_and_chapeau_stand_plain_and_are_never_tracked(fronted):
    path, compilation, amendments = fronted
    head = [*FRONT, DRAFT.title, f"{DRAFT.symbol} — Zero draft, with proposals (merged)",
            CHAPEAU]
    assert head_lines(compilation) == head
    assert resolved(path, "reject") == draft_lines(compilation)
    assert resolved(path, "accept") == accepted_lines(compilation, amendments)
    assert resolved(path, "reject")[len(head)] == "The General Assembly,"  # H1, a heading
    paragraphs = list(part(path).find(W + "body").iter(W + "p"))
    plain = [*paragraphs[:len(FRONT)], paragraphs[len(FRONT) + 2]]
    for paragraph in plain:
        assert paragraph.find(f"{W}pPr/{W}pStyle") is None  # Normal: no title, no heading
        for tag in ("ins", "del", "commentRangeStart", "b", "i"):
            assert paragraph.find(f".//{W}{tag}") is None, tag
    title = paragraphs[len(FRONT)]
    assert title.find(f"{W}pPr/{W}pStyle").get(W + "val") == "Title"


@pytest.mark.parametrize("mode", ["accept", "reject"])
def test_libreoffice_reads_the_front_matter_and_chapeau_as_written(fronted, mode):
    path, compilation, amendments = fronted
    expected = draft_lines(compilation) if mode == "reject" else accepted_lines(compilation,
                                                                                amendments)
    assert _lo_lines(path, mode) == _flat(expected)


def test_stale_proposals_stay_on_the_title_after_the_front_matter(tmp_path):
    old = Revision(ZERO.label, ZERO.paragraphs, front_matter=FRONT)
    new = Revision("Rev.1", tuple(
        Paragraph(p.id, p.label, p.kind, p.text.replace("submit", "provide"), level=p.level)
        for p in old), front_matter=FRONT, chapeau=CHAPEAU)
    amendments = amendments_for([("OP2", ["EU"], {"replace": "submit", "with_": "present"})])
    compilation = merge(Document("A/C.2/81/L.7", "Fisheries", (old, new)), amendments)
    assert compilation.stale and compilation.chapeau == CHAPEAU
    write_merged_docx(compilation, tmp_path / "stale.docx")
    paragraphs = list(part(tmp_path / "stale.docx").find(W + "body").iter(W + "p"))
    anchored = [n for n, p in enumerate(paragraphs) if p.find(f".//{W}commentRangeStart")
                is not None]
    assert anchored == [len(FRONT)]
    assert _text(paragraphs[len(FRONT)], W + "del") == "Fisheries"
