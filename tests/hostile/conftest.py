"""Fixtures for the hostile-input corpus.

``store_url`` is the store tests' own fixture (SQLite, and PostgreSQL when a server
answers), loaded from tests/store/conftest.py so that both stay one fixture (with
``store_templates``, which it uses).
``negotiation`` is a SQLite store with a small draft and three delegations, made
once per module: hostile input must leave it unchanged, so tests can share it.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from corpus import CODES, DRAFT, SYMBOL

from drafting.model import Delegation
from drafting.readers import read_text
from drafting.store import init_store, open_store

_spec = importlib.util.spec_from_file_location(
    "store_fixtures", Path(__file__).parents[1] / "store" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_store_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store_fixtures)
store_url = _store_fixtures.store_url
store_templates = _store_fixtures.store_templates


def make_negotiation(url: str) -> str:
    """Create at ``url`` the store the corpus runs against; returns ``url``."""
    init_store(url)
    with open_store(url) as store:
        for code in CODES:
            store.add_delegation(Delegation(code))
        store.add_document(read_text(DRAFT).to_document(SYMBOL))
    return url


@pytest.fixture(scope="module")
def _negotiation_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("negotiation") / "negotiation.db"
    make_negotiation(f"sqlite:///{path}")
    return path


@pytest.fixture
def negotiation(_negotiation_file, tmp_path) -> str:
    """The URL of a fresh copy of the module's SQLite negotiation store."""
    copy = tmp_path / "negotiation.db"
    shutil.copy(_negotiation_file, copy)
    return f"sqlite:///{copy}"
