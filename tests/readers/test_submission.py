import json
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from drafting.errors import InputError, ReaderError
from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.submission import (
    SubmissionError,
    check_submission,
    load_submission,
    read_submission,
    read_submission_text,
)

ROOT = Path(__file__).parents[2]
SAMPLES = sorted((ROOT / "samples" / "submissions").glob("*.json"))
SYMBOL = "A/C.2/81/L.7"
CANONICAL = ROOT / "schemas" / "submission.schema.json"
SHIPPED = ROOT / "drafting" / "schemas" / "submission.schema.json"
ACTION_KINDS = {"replace": AmendmentKind.REPLACE, "delete": AmendmentKind.DELETE,
                "insert": AmendmentKind.INSERT, "new_paragraph": AmendmentKind.NEW_PARAGRAPH,
                "delete_paragraph": AmendmentKind.DELETE_PARAGRAPH,
                "alternative": AmendmentKind.ALTERNATIVE, "retain": AmendmentKind.RETAIN,
                "bracket": AmendmentKind.BRACKET}


@pytest.fixture(scope="module")
def document():
    return read_draft(ROOT / "samples" / "zero-draft.md").to_document(SYMBOL)


def submission(*amendments, **fields):
    """A submission's JSON text: EU's, against the sample, unless ``fields`` say otherwise."""
    return json.dumps({"document": SYMBOL, "delegation": "EU", **fields,
                       "amendments": list(amendments)}, indent=2)


def refusal(call):
    with pytest.raises(SubmissionError) as caught:
        call()
    return caught.value


# The samples


def test_there_are_samples_to_check():
    assert len(SAMPLES) >= 5


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_reads_and_checks_cleanly(path, document):
    raw = json.loads(path.read_text(encoding="utf-8"))
    when = datetime(2026, 10, 12, 15, 0, tzinfo=UTC)

    read = read_submission(path)
    known = {raw["delegation"], *(c for item in raw["amendments"]
                                  for c in item.get("supporters", ()))}
    amendments = check_submission(read, document, delegations=known, submitted_at=when)

    assert len(read.proposals) == len(amendments) == len(raw["amendments"])
    assert (read.document, read.delegation, read.revision) == (
        raw["document"], raw["delegation"], raw["revision"])
    assert read.source == str(path)
    code = raw["delegation"]
    assert [a.id for a in amendments] == [f"{code}-{n}" for n in range(1, len(amendments) + 1)]
    for amendment, asked in zip(amendments, raw["amendments"], strict=True):
        (action,) = [key for key in ACTION_KINDS if key in asked]
        assert amendment.kind is ACTION_KINDS[action]
        assert amendment.paragraph_id == document.current.by_label(asked["paragraph"]).id
        assert amendment.proponents == (code,)
        assert amendment.supporters == tuple(asked.get("supporters", ()))
        assert amendment.reason == asked.get("reason", "")
        assert amendment.submitted_by == raw["submitted_by"]
        assert amendment.submitted_at == when
        assert amendment.revision == "Zero draft"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_is_valid_under_the_schema_itself(path):
    schema = json.loads(CANONICAL.read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema).iter_errors(json.loads(path.read_text())))
    assert errors == []


def test_load_submission_reads_and_checks_in_one_call(document):
    path = ROOT / "samples" / "submissions" / "eu.json"
    read, amendments = load_submission(path, document, ids=iter(["a1", "a2", "a3", "a4",
                                                                 "a5", "a6", "spare"]))
    assert read == read_submission(path)
    assert [a.id for a in amendments] == ["a1", "a2", "a3", "a4", "a5", "a6"]


# From JSON to proposals


def test_json_keys_map_onto_the_proposal():
    text = submission(
        {"paragraph": "op 3", "replace": "national", "with": "national and local",
         "occurrence": 2, "reason": "local level", "supporters": ["JPN", "CAN"]},
        {"paragraph": "OP23", "delete_paragraph": True},
        submitted_by="M. Lindqvist")
    read = read_submission_text(text, name="eu.json")
    first, second = read.proposals
    assert (first.paragraph, first.replace, first.with_, first.occurrence) == (
        "op 3", "national", "national and local", 2)
    assert first.supporters == ("JPN", "CAN")
    assert first.reason == "local level"
    assert second.delete_paragraph is True and second.kind is AmendmentKind.DELETE_PARAGRAPH
    assert (read.submitted_by, read.revision, read.source) == ("M. Lindqvist", "", "eu.json")


def test_without_a_revision_the_current_one_is_used(document):
    read = read_submission_text(submission({"paragraph": "OP21", "retain": True}))
    (amendment,) = check_submission(read, document)
    assert amendment.revision == document.current.label
    assert amendment.id == "EU-1"


def test_a_new_first_paragraph_is_placed_before_the_first_one(document):
    read = read_submission_text(submission(
        {"paragraph": "PP1", "new_paragraph": "Reaffirming the Charter,", "place": "before"},
        {"paragraph": "PP1", "new_paragraph": "Noting the report,", "place": "after"}))
    before, after = check_submission(read, document)
    assert (before.precedes, after.precedes) == (True, False)
    assert before.paragraph_id == after.paragraph_id == document.current.by_label("PP1").id
    elsewhere = read_submission_text(submission(
        {"paragraph": "PP2", "new_paragraph": "Reaffirming the Charter,", "place": "before"}))
    assert "propose it after PP1" in refusal(lambda: check_submission(elsewhere, document)).details
    wrong = submission({"paragraph": "PP1", "delete": "Recalling", "place": "before"})
    assert "'place' only places a new paragraph" in str(
        refusal(lambda: read_submission_text(wrong)).details)


# Schema faults


def test_schema_faults_are_all_listed_with_file_amendment_and_paragraph():
    text = submission(
        {"paragraph": "OP2", "replace": "submit", "with": "present"},
        {"paragraph": "OP2", "replace": "submit"},
        {"paragraph": "OP3"},
        {"paragraph": "OP4", "delete": "x", "retain": True},
        {"paragraph": "OP5", "replce": "the", "with": "a"},
        {"paragraph": "OP6", "insert": "x", "after": "a", "before": "b"},
        {"paragraph": "OP7", "retain": True, "occurrence": 2},
        {"paragraph": "OP8", "delete": "the", "occurrence": 0, "supporters": ["US", "US"]},
        "OP9 delete",
        {"delete": "the"},
        delegation=7)

    error = refusal(lambda: read_submission_text(text, name="eu.json"))

    assert isinstance(error, InputError)
    assert error.problems == [
        "eu.json: 'delegation' must be a text",
        "eu.json, amendment 2 (OP2): 'with' is missing: a replacement needs the new text",
        "eu.json, amendment 3 (OP3): the amendment asks for nothing: give one of 'replace' "
        "(with 'with'), 'delete', 'insert' (with 'after' or 'before'), 'new_paragraph', "
        "'delete_paragraph', 'alternative', 'retain' or 'bracket'",
        "eu.json, amendment 4 (OP4): the amendment asks for 'delete' and 'retain' at once: "
        "make each its own amendment",
        "eu.json, amendment 5 (OP5): unknown field 'replce' (did you mean 'replace'?)",
        "eu.json, amendment 6 (OP6): an insertion goes after some words or before them: "
        "give 'after' or 'before', not both",
        "eu.json, amendment 7 (OP7): 'occurrence' only picks among repeated quoted words, "
        "and a 'retain' amendment quotes none; leave it out",
        "eu.json, amendment 8 (OP8): 'occurrence' must be 1 or more: occurrences are "
        "counted from 1",
        "eu.json, amendment 8 (OP8): 'supporters' names 'US' more than once",
        "eu.json, amendment 9: the amendment must be an object, such as "
        '{"paragraph": "OP2", "delete": "..."}',
        "eu.json, amendment 10: 'paragraph' is missing: give the label of the paragraph, "
        "e.g. OP2 or PP5 bis",
    ]
    assert error.message == "eu.json: 11 problems; nothing was recorded"
    assert error.details == "\n".join(error.problems)


def test_an_empty_amendments_list_is_refused():
    error = refusal(lambda: read_submission_text(submission(), name="eu.json"))
    assert error.problems == [
        "eu.json: 'amendments' is empty: a submission needs at least one amendment"]
    assert error.message == "eu.json: 1 problem; nothing was recorded"


def test_blank_and_unknown_top_level_fields_are_named():
    # 'delegation' is not reported missing as well: the misspelling says it
    text = json.dumps({"document": " ", "delegaton": "EU", "amendments": [],
                       "notes": "x", "revision": 1})
    error = refusal(lambda: read_submission_text(text, name="eu.json"))
    assert sorted(error.problems) == sorted([
        "eu.json: 'document' is blank: give the symbol of the document amended, "
        "e.g. A/C.2/81/L.7",
        "eu.json: unknown field 'delegaton' (did you mean 'delegation'?)",
        "eu.json: unknown field 'notes'",
        "eu.json: 'revision' must be a text",
        "eu.json: 'amendments' is empty: a submission needs at least one amendment",
    ])


def test_a_key_given_twice_is_a_problem_not_silently_dropped():
    text = ('{"document": "A/C.2/81/L.7", "delegation": "EU", "amendments": '
            '[{"paragraph": "OP2", "delete": "submit", "delete": "report"}]}')
    error = refusal(lambda: read_submission_text(text, name="eu.json"))
    assert error.problems == [
        "eu.json, amendment 1 (OP2): 'delete' is given more than once; give it once"]


def test_a_json_document_that_is_not_an_object_is_refused():
    error = refusal(lambda: read_submission_text("[]", name="eu.json"))
    assert error.problems == ["eu.json: the file must hold one JSON object with 'document', "
                              "'delegation' and 'amendments'"]


# Invalid JSON


def test_invalid_json_names_line_and_column(tmp_path):
    path = tmp_path / "eu.json"
    path.write_text('{\n  "document": "A/C.2/81/L.7",\n  "delegation": "EU"\n'
                    '  "amendments": []\n}\n', encoding="utf-8")
    with pytest.raises(ReaderError) as caught:
        read_submission(path)
    assert caught.value.message.startswith(f"{path}, line 4, column 3: not valid JSON: ")
    assert not isinstance(caught.value, SubmissionError)
    assert caught.value.details.splitlines()[-1].index("^") == 2 + 2  # under column 3


def test_a_trailing_comma_is_explained():
    with pytest.raises(ReaderError, match=r"<json>, line 1, column 18: .*no comma before"):
        read_submission_text('{"document": "X",}')


def test_an_empty_or_unreadable_file_is_a_reader_error(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ReaderError, match=r"empty\.json: the file is empty"):
        read_submission(empty)
    with pytest.raises(ReaderError, match="cannot read the file"):
        read_submission(tmp_path / "missing.json")
    latin = tmp_path / "latin.json"
    latin.write_bytes('{"document": "café"}'.encode("latin-1"))
    with pytest.raises(ReaderError, match="not UTF-8"):
        read_submission(latin)


# Faults found against the document


DOCUMENT_FAULTS = [
    {"paragraph": "OP2", "replace": "conserve", "with": "protect"},  # fine
    {"paragraph": "OP99", "delete": "the"},
    {"paragraph": "op 4", "delete": "fish workers and fishers"},
    {"paragraph": "OP3", "replace": "national", "with": "local"},
    {"paragraph": "OP6", "delete": "[invites"},
    {"paragraph": "OP5", "retain": True},  # fine
]


def test_every_fault_against_the_document_is_listed(document):
    read = read_submission_text(submission(*DOCUMENT_FAULTS, document="A/C.2/81/L.8",
                                           delegation="EUU"), name="eu.json")
    ids = iter(["first", "second"])

    error = refusal(lambda: check_submission(read, document, delegations={"EU", "G77"},
                                             ids=ids))

    problems = error.problems
    assert len(problems) == 6
    assert problems[0] == ("eu.json: the file is for document 'A/C.2/81/L.8', not "
                           "A/C.2/81/L.7; correct 'document' or submit the file to "
                           "A/C.2/81/L.8")
    assert problems[1] == ("eu.json: the delegation 'EUU' is not known in this negotiation "
                           "(did you mean 'EU'?)")
    assert problems[2].startswith("eu.json, amendment 2 (OP99): there is no such paragraph")
    assert problems[3].startswith("eu.json, amendment 3 (OP4): the text 'fish workers and "
                                  "fishers' does not occur in the paragraph")
    assert problems[4] == ("eu.json, amendment 4 (OP3): 'national' occurs 2 times; say which "
                           "with an occurrence number (1 to 2)")
    assert problems[5].startswith("eu.json, amendment 5 (OP6): deleting '[invites' would "
                                  "leave unbalanced brackets")
    assert error.message == "eu.json: 6 problems; nothing was recorded"
    assert next(ids) == "first"  # no id is drawn for a refused submission


def test_a_delegation_is_only_checked_when_delegations_are_given(document):
    read = read_submission_text(submission({"paragraph": "OP5", "retain": True},
                                           delegation="NEW"))
    assert [a.proponents for a in check_submission(read, document)] == [("NEW",)]
    error = refusal(lambda: check_submission(read, document, delegations=[]))
    assert error.problems == ["<json>: the delegation 'NEW' is not known in this negotiation "
                              "(no delegations are known yet; add the delegation first)"]


def test_an_unknown_revision_is_refused(document):
    read = read_submission_text(submission({"paragraph": "OP5", "retain": True},
                                           revision="Rev.3"), name="eu.json")
    error = refusal(lambda: check_submission(read, document))
    assert error.problems == ["eu.json: 'revision' names 'Rev.3', which A/C.2/81/L.7 does "
                              "not have (it has Zero draft)"]


def test_one_refusal_lists_schema_and_document_faults_together(tmp_path, document):
    """The design's promise: a broken file is refused whole, every problem listed once."""
    path = tmp_path / "eu.json"
    path.write_text(submission(
        {"paragraph": "OP2", "replace": "conserve", "with": "protect"},  # fine
        {"paragraph": "OP5", "replace": "strengthen", "wiht": "enhance"},  # bad key
        {"paragraph": "OP2", "replace": "submit"},  # missing 'with'
        {"paragraph": "OP31", "delete": "the"},  # unknown paragraph
        {"paragraph": "OP4", "delete": "fish workers and fishers"},  # not found
        {"paragraph": "OP3", "replace": "national", "with": "local"},  # twice, no occurrence
        document="A/C.2/81/L.9", delegation="UE"), encoding="utf-8")

    error = refusal(lambda: load_submission(path, document, delegations={"EU", "USA"}))

    where = str(path)
    expected = [
        (f"{where}: ", "document 'A/C.2/81/L.9', not A/C.2/81/L.7"),
        (f"{where}: ", "the delegation 'UE' is not known"),
        (f"{where}, amendment 2 (OP5): ", "unknown field 'wiht' (did you mean 'with'?)"),
        (f"{where}, amendment 3 (OP2): ", "'with' is missing"),
        (f"{where}, amendment 4 (OP31): ", "there is no such paragraph"),
        (f"{where}, amendment 5 (OP4): ", "'fish workers and fishers' does not occur"),
        (f"{where}, amendment 6 (OP3): ", "'national' occurs 2 times"),
    ]
    assert len(error.problems) == len(expected), error.details
    for problem, (start, fault) in zip(error.problems, expected, strict=True):
        assert problem.startswith(start) and fault in problem, problem
    assert error.message == f"{where}: 7 problems; nothing was recorded"


def test_nothing_is_returned_when_one_amendment_of_many_fails(document):
    good = [{"paragraph": f"OP{n}", "retain": True} for n in range(1, 11)]
    read = read_submission_text(submission(*good, {"paragraph": "OP2", "delete": "nowhere"}))
    error = refusal(lambda: check_submission(read, document))
    assert len(error.problems) == 1 and "amendment 11 (OP2)" in error.problems[0]


# The schema


def test_the_two_schema_copies_are_identical():
    assert CANONICAL.read_bytes() == SHIPPED.read_bytes()


def test_the_package_finds_its_schema():
    shipped = files("drafting") / "schemas" / "submission.schema.json"
    assert shipped.read_bytes() == CANONICAL.read_bytes()


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(CANONICAL.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize(("amendment", "valid"), [
    ({"paragraph": "OP1", "replace": "a", "with": "b"}, True),
    ({"paragraph": "OP1", "replace": "a"}, False),
    ({"paragraph": "OP1", "with": "b"}, False),
    ({"paragraph": "OP1", "delete": "a", "occurrence": 2}, True),
    ({"paragraph": "OP1", "delete": "a", "occurrence": 0}, False),
    ({"paragraph": "OP1", "delete": "a", "occurrence": "2"}, False),
    ({"paragraph": "OP1", "delete": ""}, False),
    ({"paragraph": "OP1", "insert": "a", "after": "b"}, True),
    ({"paragraph": "OP1", "insert": "a", "before": "b"}, True),
    ({"paragraph": "OP1", "insert": "a"}, False),
    ({"paragraph": "OP1", "insert": "a", "after": "b", "before": "c"}, False),
    ({"paragraph": "OP1", "after": "b"}, False),
    ({"paragraph": "OP1", "new_paragraph": "Decides ..."}, True),
    ({"paragraph": "OP1", "new_paragraph": "Decides ...", "occurrence": 1}, False),
    ({"paragraph": "OP1", "delete_paragraph": True}, True),
    ({"paragraph": "OP1", "delete_paragraph": False}, False),
    ({"paragraph": "OP1", "alternative": "Decides ..."}, True),
    ({"paragraph": "OP1", "retain": True, "supporters": ["JPN", "CAN"]}, True),
    ({"paragraph": "OP1", "retain": True, "supporters": ["JPN", "JPN"]}, False),
    ({"paragraph": "OP1", "retain": True, "supporters": [""]}, False),
    ({"paragraph": "OP1", "retain": "yes"}, False),
    ({"paragraph": "OP1", "bracket": "a", "reason": "not agreed"}, True),
    ({"paragraph": "OP1", "bracket": "a", "delete": "a"}, False),
    ({"paragraph": "OP1"}, False),
    ({"retain": True}, False),
    ({"paragraph": "OP1", "retain": True, "note": "x"}, False),
])
def test_the_schema_takes_exactly_one_action_per_amendment(amendment, valid):
    schema = json.loads(CANONICAL.read_text(encoding="utf-8"))
    document = {"document": SYMBOL, "delegation": "EU", "amendments": [amendment]}
    assert Draft202012Validator(schema).is_valid(document) is valid
