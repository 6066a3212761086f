"""`drafting.sender_checks` where a store holds codes alike but for hyphens (EU and E-U,
G77 and G-77, as a store could take them before such codes were refused): a Word author
naming one names that one, never the other, and never one picked by hash order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafting.errors import InputError
from drafting.intake import prepare_file
from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
EU_TRACKED = SAMPLES / "docx" / "eu-tracked.docx"  # Anna Schmidt (EU), Marc Dubois (EU)
ALIKE = ("EU", "E-U", "G77", "G-77", "USA")


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'alike.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL)
        add_delegations(opened, ["EU", "G77", "USA"])
        yield opened


@pytest.mark.parametrize("codes", [ALIKE, ALIKE[::-1], frozenset(ALIKE)])
def test_the_eus_file_is_named_the_eus_whichever_order_the_codes_come_in(store, codes):
    document = store.document(SYMBOL)
    with pytest.raises(InputError, match=r"naming EU, another delegation, not USA; .*"
                                         r"\(--delegation EU\)"):
        prepare_file(store, document, EU_TRACKED, delegation="USA", codes=codes)
    # submitted as E-U's, the EU's authors are the EU's: refused, not taken as E-U's
    with pytest.raises(InputError, match=r"naming EU, another delegation, not E-U; .*"
                                         r"\(--delegation EU\)"):
        prepare_file(store, document, EU_TRACKED, delegation="E-U", codes=codes)
    read = prepare_file(store, document, EU_TRACKED, delegation="EU", codes=codes)
    assert {a.proponents for a in read.amendments} == {("EU",)}


def test_which_code_a_name_names_never_depends_on_hash_order():
    code = ("from drafting.sender_checks import named_delegation as named\n"
            f"codes = set({ALIKE!r})\n"
            "print(named('Anna Schmidt (EU)', 'USA', codes), named('Jane Roe (E-U)', 'USA', "
            "codes), named('G77 chair', 'USA', codes), named('Anna Schmidt (EU)', 'E-U', "
            "codes), named('G 77', 'USA', codes))")
    said = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(6)}
    assert said == {"EU E-U G77 EU G-77\n"}  # "G 77": the code with a mark there
