"""The web app in headless Chromium (Debian's package, driven by Playwright for Python).

Each page is loaded, a filter used, an event's evidence opened and an article pasted;
screenshots are saved under tests/artifacts/ (ignored by git) for people to look at.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import GOOD_TEXT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
TOKEN = "browser-token"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed (make test installs Debian's chromium package)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the 'test' extra)")


@pytest.fixture(scope="module")
def base_url(examples_store, tmp_path_factory, pipeline):
    from newsevents.serve import ServeSettings, create_app
    from newsevents.serve.testing import running

    db = tmp_path_factory.mktemp("browser") / "browser.duckdb"
    shutil.copy(examples_store.path, db)
    app = create_app(ServeSettings(db=str(db), token=TOKEN), pipeline=pipeline)
    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, request):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def wait_until(page, script: str, timeout: float = 15.0) -> None:
    """Poll `script` (a JS function) from Python: wait_for_function would need 'unsafe-eval',
    which the app's Content-Security-Policy forbids."""
    import time

    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(100)


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_serve_browser_timeline_filter_and_evidence(page, base_url):
    page.goto(f"{base_url}/app/timeline")
    page.wait_for_selector("circle.ev")
    assert page.locator("circle.ev").count() > 100
    shot(page, "timeline")
    page.select_option("select[name=type]", "ASSAULT")
    page.click("form.filters button[type=submit]")
    wait_until(page, "() => document.querySelectorAll('circle.ev').length > 0 && "
                     "[...document.querySelectorAll('svg text')].every(t => !['AGREE','CONSULT'].includes(t.textContent))")
    assert "type=ASSAULT" in page.url
    colours = set(page.locator("circle.ev").evaluate_all("cs => cs.map(c => c.getAttribute('fill'))"))
    assert colours <= {"#c0392b", "#e69138", "#1f7a3a", "#6aa84f"} and "#c0392b" in colours
    page.locator("circle.ev").last.click()  # drawn last: on top of any neighbour
    sentence = page.locator("[data-testid=evidence-sentence]")
    sentence.wait_for()
    assert sentence.locator(".trigger").count() == 1 and sentence.inner_text().strip()
    shot(page, "timeline-evidence")
    page.locator("#evidence dd a").click()  # to the article, the event in focus
    page.wait_for_selector("[data-testid=article-text] .focus")
    assert "event=" in page.url
    shot(page, "article-from-evidence")


def test_serve_browser_network(page, base_url):
    page.goto(f"{base_url}/app/network")
    page.wait_for_selector("path.edge")
    assert page.locator("g.node").count() > 5
    shot(page, "network")
    page.fill("input[name=actor]", "USA")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("path.edge")
    page.locator("path.edge").first.dispatch_event("click")
    page.wait_for_selector("[data-testid=dyad] li")
    page.locator("[data-testid=dyad] li").first.click()
    page.wait_for_selector("[data-testid=evidence-sentence]")
    shot(page, "network-dyad")


def test_serve_browser_quotes(page, base_url):
    page.goto(f"{base_url}/app/quotes")
    page.wait_for_selector("details.group")
    shot(page, "quotes")
    page.fill("input[name=speaker]", "Pompeo")
    page.click("form.filters button[type=submit]")
    wait_until(page, "() => document.querySelector('[data-testid=summary]').textContent.includes('speakers') && "
                     "document.querySelectorAll('details.group').length > 0 && "
                     "[...document.querySelectorAll('details.group summary')].every(s => s.textContent.includes('Pompeo'))")
    assert page.locator("details.group").count() >= 1
    shot(page, "quotes-pompeo")


def test_serve_browser_documents_and_article(page, base_url):
    page.goto(f"{base_url}/app/documents")
    page.wait_for_selector("[data-testid=documents] tbody tr")
    shot(page, "documents")
    page.locator("[data-testid=documents] tbody a").first.click()
    page.wait_for_selector("[data-testid=article-text] .mention")
    text = page.locator("[data-testid=article-text]")
    assert text.locator(".trigger").count() > 0 and text.locator(".quote").count() > 0
    page.locator("[data-testid=event-list] li").first.click()
    page.wait_for_selector("[data-testid=evidence-sentence]")
    shot(page, "article")


def test_serve_browser_paste_an_article(page, base_url):
    page.goto(f"{base_url}/app/upload")
    page.fill("[data-testid=article-input]", GOOD_TEXT)
    page.click("form.upload-form button[type=submit]")
    page.wait_for_selector("[data-testid=analysis] [data-testid=article-text]")
    assert "Ministers agree to resume border talks" in page.locator("[data-testid=analysis] h1").inner_text()
    assert page.locator("[data-testid=analysis] [data-testid=event-list] li").count() >= 1
    shot(page, "upload-analysed")
    # stored, with the token
    page.fill("#token", TOKEN)
    page.dispatch_event("#token", "change")
    page.check("input[name=store]")
    page.fill("input[name=date]", "2019-03-04")
    page.click("form.upload-form button[type=submit]")
    page.wait_for_selector("text=open in the article view")
    page.click("text=open in the article view")
    page.wait_for_selector("[data-testid=article-text] .trigger")
    assert "2019-03-04" in page.locator("main p.muted").first.inner_text()
    shot(page, "upload-stored")
