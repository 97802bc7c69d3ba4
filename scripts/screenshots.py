"""Screenshots of `claimx serve` for the README: python scripts/screenshots.py [OUT_DIR] (default docs/).

Runs claimx on corpus/, serves the output on a free loopback port and photographs the corpus view
and one document view in Debian's Chromium (through Playwright).
"""

import shutil
import sys
import tempfile
import threading
from pathlib import Path

from click.testing import CliRunner
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from claimx.cli import main
from claimx.review import default_store_path
from claimx.serve import create_app

ROOT = Path(__file__).resolve().parent.parent


def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp())
    output = work / "claims.jsonl"
    CliRunner().invoke(main, ["run", str(ROOT / "corpus"), "-o", str(output), "-q"])
    server = make_server("127.0.0.1", 0, create_app(output, default_store_path(output), "reviewer"), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(url)
        page.screenshot(path=str(out / "serve-corpus.png"))
        page.click("a.doc-link:has-text('sv_melatonin_somn')")
        page.locator(".card").nth(1).locator("button.accept").click()
        page.goto(page.url.split("#")[0])
        page.screenshot(path=str(out / "serve-document.png"))
        browser.close()
    server.shutdown()
    shutil.rmtree(work)


if __name__ == "__main__":
    shoot(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
