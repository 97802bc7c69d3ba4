import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return ROOT / "corpus"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(autouse=True)
def _no_deepl_key(monkeypatch):
    """Tests never see a real key unless they set one themselves."""
    if os.environ.get("DEEPL_AUTH_KEY"):
        monkeypatch.delenv("DEEPL_AUTH_KEY")
