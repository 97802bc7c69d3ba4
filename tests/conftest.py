import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

# The start-up cache (claimx.artefacts) of a test run is its own, not the user's; subprocesses share it.
os.environ.setdefault("CLAIMX_CACHE_DIR", tempfile.mkdtemp(prefix="claimx-test-cache-"))


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


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own browser download fails here)."""
    import shutil

    executable = shutil.which("chromium")
    if not executable:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: .ci/run installs Debian's chromium")
        pytest.skip("chromium not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()
