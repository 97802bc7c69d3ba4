"""`claimx serve` in a real headless Chromium (Debian's, driven by Playwright)."""

import json
import threading

import pytest
from click.testing import CliRunner

from claimx.cli import main
from claimx.review import ReviewStore, default_store_path, load_records

ARTICLES = {
    "mag.txt": ("Magnesium och sömn\n"
                "Magnesium kan förbättra sömnen hos äldre.\n"
                "Magnesium minskar nattliga vadkramper enligt en studie.\n"
                "Höga doser magnesium ger ofta diarré.\n"),
    "zink.txt": "Zink kan forkorte en forkølelse hos voksne.\nZink i høje doser kan give kvalme.\n",
}


@pytest.fixture()
def app_url(tmp_path):
    """claimx's output on two articles, served on a free loopback port for the test's life."""
    from werkzeug.serving import make_server

    from claimx.serve import create_app

    (tmp_path / "in").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "in" / name).write_text(text, "utf-8")
    (tmp_path / "in" / "evil.txt").write_text(
        "Magnesium <script>window.pwned = 1; document.title = 'PWNED'</script> kan minska migrän.\n"
        "Zink <img src=x onerror=\"window.pwned = 2\"> minskar förkylning.\n", "utf-8")
    output = tmp_path / "claims.jsonl"
    assert CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(output), "-j", "1"]).exit_code == 0
    server = make_server("127.0.0.1", 0, create_app(output, default_store_path(output), "ann"), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", output, tmp_path
    server.shutdown()


def _shot(page, path):
    """A full-page screenshot in the test's folder, and in $CLAIMX_SCREENSHOTS when that is set."""
    import os
    import shutil

    page.screenshot(path=str(path), full_page=True)
    if os.environ.get("CLAIMX_SCREENSHOTS"):
        shutil.copy(path, os.environ["CLAIMX_SCREENSHOTS"])


def _decisions(output):
    with ReviewStore(default_store_path(output)) as store:
        return {d.claim_id: d for d in store.all()}


def _follow(page, action):
    """Run `action` and wait until the page it leads to has loaded.

    A click only waits for the navigation to start; reading the page straight after it
    can read the old one (CI failed that way once)."""
    with page.expect_navigation():
        action()


def _card(page, words):
    return page.locator(".card", has=page.locator(".sentence", has_text=words)).first


def test_review_in_the_browser(app_url, browser):
    url, output, tmp_path = app_url
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    _shot(page, tmp_path / "corpus-view.png")
    # Filter by substance: only the magnesium documents remain.
    page.select_option("select[name=substance]", "magnesium")
    _follow(page, lambda: page.click("button:text('filter')"))
    links = [a.inner_text() for a in page.query_selector_all("a.doc-link")]
    assert any("mag.txt" in link for link in links) and not any("zink.txt" in link for link in links)
    _follow(page, lambda: page.click("a.doc-link:has-text('mag.txt')"))
    assert page.locator(".card").count() >= 3
    assert all(c.query_selector(".f-substance").inner_text().startswith("magnesium")
               for c in page.query_selector_all(".card"))
    _shot(page, tmp_path / "document-view.png")
    # The text is the article's text exactly.
    record = next(r for r in load_records(output) if r.source.endswith("mag.txt"))
    assert page.locator("#text").text_content() == record.text
    # Accept one claim, edit a second one's polarity and accept it, reject a third (keyboard: r).
    _follow(page, _card(page, "förbättra sömnen").locator("button.accept").click)
    second = _card(page, "vadkramper")
    second.locator("details.edit summary").click()
    second.locator("select[name='field:polarity']").select_option("harm")
    _follow(page, second.locator("button.save").click)
    _follow(page, _card(page, "vadkramper").locator("button.accept").click)
    _card(page, "diarré").focus()
    with page.expect_navigation():
        page.keyboard.press("r")
    page.reload()
    assert _card(page, "förbättra sömnen").get_attribute("data-status") == "accepted"
    assert _card(page, "vadkramper").get_attribute("data-status") == "corrected"
    assert _card(page, "vadkramper").locator(".f-polarity").inner_text() == "harm"
    assert _card(page, "diarré").get_attribute("data-status") == "rejected"
    claims = {c.sentence.text: c.id for c in record.claims}
    decisions = _decisions(output)
    by_sentence = {text: decisions[cid] for text, cid in claims.items() if cid in decisions}
    assert {t.split()[-1]: d.decision for t, d in by_sentence.items()} == {
        "äldre.": "accepted", "studie.": "corrected", "diarré.": "rejected"}
    assert next(d for t, d in by_sentence.items() if "vadkramper" in t).corrections == {"polarity": "harm"}
    assert {d.reviewer for d in decisions.values()} == {"ann"}
    exported = [json.loads(line) for line in CliRunner().invoke(main, [
        "export", str(output), "--format", "jsonl", "--only", "accepted"]).stdout.splitlines()]
    assert sorted((r["sentence"].split()[-1], r["polarity"]) for r in exported) == [
        ("studie.", "harm"), ("äldre.", "benefit")]
    # Undo the rejection: the claim is pending again, and the history keeps both.
    _follow(page, _card(page, "diarré").locator("button.undo").click)
    assert _card(page, "diarré").get_attribute("data-status") == "pending"
    _shot(page, tmp_path / "document-view-decided.png")
    assert not errors


def test_a_decision_on_a_claim_changed_since_the_page_loaded_is_refused(app_url, browser):
    url, output, _ = app_url
    first, second = browser.new_page(), browser.new_page()
    for page in (first, second):
        page.goto(url)
        _follow(page, lambda: page.click("a.doc-link:has-text('zink.txt')"))
    _follow(first, _card(first, "forkølelse").locator("button.accept").click)
    _follow(second, _card(second, "forkølelse").locator("button.reject").click)  # loaded before the acceptance
    assert "since you loaded it" in second.locator(".flash.error").inner_text()
    assert [d.decision for d in _decisions(output).values()] == ["accepted"]
    assert _card(second, "forkølelse").get_attribute("data-status") == "accepted"  # the page now shows it


def test_article_script_does_not_run(app_url, browser):
    url, _, _ = app_url
    page = browser.new_page()
    page.goto(url)
    _follow(page, lambda: page.click("a.doc-link:has-text('evil.txt')"))
    assert "<script>" in page.locator("#text").text_content()  # shown as text
    assert page.evaluate("window.pwned") is None and page.title() != "PWNED"


def test_post_without_csrf_token_is_refused(app_url):
    import urllib.error
    import urllib.request

    url, output, _ = app_url
    claim = next(c for r in load_records(output) for c in r.claims)
    request = urllib.request.Request(f"{url}/claim/{claim.id}", data=b"action=accept&version=0", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 400 and _decisions(output) == {}


def test_serve_warns_when_exposed(tmp_path, monkeypatch):
    import claimx.serve

    seen = {}
    monkeypatch.setattr(claimx.serve, "serve", lambda *args: seen.setdefault("args", args))
    (tmp_path / "c.jsonl").write_text("", "utf-8")
    quiet = CliRunner().invoke(main, ["serve", str(tmp_path / "c.jsonl")])
    assert "warning" not in quiet.stderr and seen["args"][2] == "127.0.0.1"
    loud = CliRunner().invoke(main, ["serve", str(tmp_path / "c.jsonl"), "--host", "0.0.0.0"])
    assert "warning: listening on 0.0.0.0" in loud.stderr


def test_claims_across_articles_and_the_verdict_filter(app_url, browser):
    url, output, _ = app_url
    page = browser.new_page()
    page.goto(url)
    _follow(page, lambda: page.click("a:text('claims across articles')"))
    rows = page.query_selector_all("tr.group")
    assert rows and "not a legal opinion" in page.inner_text("main")
    page.select_option("select[name=verdict]", "disease_claim")
    _follow(page, lambda: page.click("button:text('filter')"))
    shown = [r.query_selector("td.verdicts").inner_text() for r in page.query_selector_all("tr.group")]
    assert shown and all("disease_claim" in v for v in shown) and len(shown) < len(rows)
    page.goto(url + "/?verdict=disease_claim")
    links = [a.inner_text() for a in page.query_selector_all("a.doc-link")]
    assert any("zink.txt" in link for link in links)  # "Zink kan forkorte en forkølelse" is a disease claim
