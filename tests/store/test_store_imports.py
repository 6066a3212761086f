"""What opening a store costs in imports: SQLAlchemy Core only. The ORM (``sqlalchemy.orm``)
and Alembic take long to import and every command opens the store, so neither may creep
back in: the store's tables are Core tables, and Alembic is loaded only to migrate."""

from __future__ import annotations

import json
import subprocess
import sys

from store_scenario import SMALL, amend

from drafting.model import Delegation
from drafting.store import open_store

UNWANTED = ("sqlalchemy.orm", "alembic")


def _loaded(code: str) -> list[str]:
    """The unwanted modules a fresh process has imported after running ``code``."""
    script = (f"import json, sys\n{code}\n"
              f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({UNWANTED!r}))))")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           check=True).stdout
    return json.loads(shown)


def test_importing_the_store_loads_neither_the_orm_nor_alembic():
    assert _loaded("import drafting.store, drafting.store.store") == []


def test_reading_and_writing_a_sqlite_store_loads_neither_the_orm_nor_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url, check_version=False) as store:
        store.init()
        store.add_delegation(Delegation("EU", "European Union"))
        store.add_document(SMALL)
        store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit", with_="present")])
    code = (
        "from drafting.model import Delegation\n"
        "from drafting.store import open_store\n"
        f"with open_store({url!r}) as store:\n"
        f"    assert store.document({SMALL.symbol!r}).current.paragraphs\n"
        f"    amendments = store.amendments({SMALL.symbol!r})\n"
        "    store.add_delegation(Delegation('JPN', 'Japan'))\n"
        f"    store.decide(amendments[0].id, 'accept')\n"
        "    assert store.verify().ok\n"
    )
    assert _loaded(code) == []
