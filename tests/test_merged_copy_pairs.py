"""The merged draft sent back untouched proposes nothing in the sender's name, whatever
two delegations' pending proposals share one paragraph: every pair of proposal kinds on
OP16 (a deletion of the whole paragraph beside an alternative formulation, two
alternatives, words changed beside either, ...), merged, written and read back."""

from __future__ import annotations

import shutil
from itertools import product
from pathlib import Path

import pytest

from drafting.engine import Proposal
from drafting.errors import InputError
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
_KINDS: dict[str, tuple[dict[str, object], dict[str, object]]] = {  # the USA's, the CHN's
    "replace": ({"replace": "responsible sourcing", "with_": "sustainable sourcing"},
                {"replace": "fair prices", "with_": "equitable prices"}),
    "delete": ({"delete": " and retailers"}, {"delete": " along the value chain"}),
    "insert": ({"insert": " and processors", "after": "retailers"},
               {"insert": " and wholesalers", "after": "seafood buyers"}),
    "bracket": ({"bracket": "fair prices"}, {"bracket": "responsible sourcing"}),
    "new paragraph": ({"new_paragraph": "Invites States to support small-scale producers;"},
                      {"new_paragraph": "Invites donors to support fishing communities;"}),
    "delete paragraph": ({"delete_paragraph": True}, {"delete_paragraph": True}),
    "alternative": (
        {"alternative": "Invites the private sector to support small-scale producers in "
                        "accessing markets;"},
        {"alternative": "Encourages the private sector to promote fair prices;"}),
    "retain": ({"retain": True}, {"retain": True}),
}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    """A store with the zero draft and the USA, CHN and JPN, to copy for each pair."""
    path = tmp_path_factory.mktemp("pairs") / "s.db"
    init_store(f"sqlite:///{path}")
    with open_store(f"sqlite:///{path}") as store:
        import_draft(store, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(store, ["USA", "CHN", "JPN"])
    return path


@pytest.mark.parametrize(("usa", "chn"), list(product(_KINDS, repeat=2)))
def test_the_merged_draft_sent_back_untouched_records_nothing(imported, tmp_path, usa, chn):
    shutil.copy(imported, tmp_path / "s.db")
    with open_store(f"sqlite:///{tmp_path / 's.db'}") as store:
        for code, words in (("USA", _KINDS[usa][0]), ("CHN", _KINDS[chn][1])):
            record(store, SYMBOL, [prepare_amendment(store, SYMBOL,
                                                     Proposal("OP16", **words), code)])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        with pytest.raises(InputError, match="no change found") as refused:
            prepare_files(store, SYMBOL, [tmp_path / "merged.docx"], delegation="JPN")
    assert "outside tracked changes" not in refused.value.details
    assert "JPN's" not in refused.value.details  # no change read as the sender's
