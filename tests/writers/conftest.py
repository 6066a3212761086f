"""Hand-built compilations for the writer tests.

``make`` builds the merged form by hand (no merge engine involved), and the
``change_kind`` / ``credit_case`` fixtures run a test once per change kind and
per way of crediting it; each test file holds its own expected strings.
"""

from types import SimpleNamespace

import pytest

from drafting.engine.segments import (
    Change,
    Compilation,
    Credit,
    MergedParagraph,
    Option,
    Segment,
    StaleAmendment,
    Text,
    original_text,
)
from drafting.model import (
    Amendment,
    AmendmentKind,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
)


def credit(*proponents: str, supporters: tuple[str, ...] = (), reasons=()) -> Credit:
    return Credit(proponents, tuple(f"a-{code}" for code in proponents), supporters, reasons)


def paragraph(
    label: str,
    *segments: Segment,
    kind: ParagraphKind = ParagraphKind.OPERATIVE,
    status: ParagraphStatus = ParagraphStatus.OPEN,
    level: int = 0,
    deletion: Credit | None = None,
    alternatives: tuple[Option, ...] = (),
    retains: Credit | None = None,
) -> MergedParagraph:
    """An existing paragraph (id = label in lower case) with its segments in place."""
    text = original_text(segments)
    para = Paragraph(label.lower().replace(" ", "-"), label, kind, text, status, level)
    return MergedParagraph(para, segments, deletion, alternatives, retains)


def compilation(*entries, stale=(), title="Sustainable fisheries", front_matter=(),
                chapeau="") -> Compilation:
    return Compilation("A/C.2/81/L.7", title, "Zero draft", entries, stale,
                       front_matter=front_matter, chapeau=chapeau)


FRONT_MATTER = ("United Nations", "A/C.2/81/L.7", "General Assembly", "Distr.: Limited",
                "", "Eighty-first session\tAgenda item 18 (a)",
                "Fiji and Samoa: draft resolution")
"""Front matter as read from a real draft: a blank line and a tab kept as they are."""
CHAPEAU = "The General Assembly,"


def stale(amendment_id: str, paragraph_id: str, *proponents: str, reason: str):
    amendment = Amendment(amendment_id, AmendmentKind.DELETE, paragraph_id, "Zero draft",
                          proponents)
    return StaleAmendment(amendment, reason)


def change(kind: str, by: Credit) -> tuple[Segment, ...]:
    """OP1 'Requests the Secretary-General to submit a report within existing resources;'
    with one change of ``kind`` on it."""
    if kind == "insert":
        return (Text("Requests the Secretary-General to submit a "),
                Change("", "comprehensive ", by), Text("report within existing resources;"))
    if kind == "delete":
        return (Text("Requests the Secretary-General to submit a report"),
                Change(" within existing resources", "", by), Text(";"))
    if kind == "replace":
        return (Text("Requests the Secretary-General to "), Change("submit", "present", by),
                Text(" a report within existing resources;"))
    assert kind == "bracket"
    return (Text("Requests the Secretary-General to submit a report "),
            Change("within existing resources", "[within existing resources]", by, bracket=True),
            Text(";"))


@pytest.fixture
def make() -> SimpleNamespace:
    return SimpleNamespace(credit=credit, paragraph=paragraph, compilation=compilation,
                           stale=stale, change=change, front_matter=FRONT_MATTER,
                           chapeau=CHAPEAU)


@pytest.fixture(params=["insert", "delete", "replace", "bracket"])
def change_kind(request) -> str:
    return request.param


@pytest.fixture(params=["one", "several", "supported"])
def credit_case(request) -> tuple[str, Credit]:
    """(case name, credit): EU alone; EU and USA; EU supported by JPN and CAN."""
    credits = {
        "one": credit("EU"),
        "several": credit("EU", "USA"),
        "supported": credit("EU", supporters=("JPN", "CAN")),
    }
    return request.param, credits[request.param]
