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


# A real key, if the environment has one, is only for tests marked `external`.
REAL_DEEPL_KEY = os.environ.get("DEEPL_AUTH_KEY")


@pytest.fixture(autouse=True)
def _no_deepl_key(monkeypatch):
    """Tests never see a real key unless they ask for it (the `external` tests)."""
    monkeypatch.delenv("DEEPL_AUTH_KEY", raising=False)
