"""The web UI in a real browser: Debian's Chromium driven by Playwright, against the app served
by uvicorn in a subprocess on a free loopback port.

Chromium comes from Debian (``make install`` installs the ``chromium`` package; Playwright's own
browser download is never used). Without it these tests fail, naming the package, unless
``COPYDESK_NO_BROWSER=1``. ``COPYDESK_SCREENSHOT=docs/img/annotated-article.png`` saves a
screenshot of the annotated article there.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTICLE = (ROOT / "examples" / "harbour-strike.txt").read_text(encoding="utf-8")
HEADLINE = "Dock workers vote to strike as port talks collapse"
#: The page's own title, which a payload that ran would change.
TITLE_SUFFIX = " · copydesk"


def chromium() -> str:
    """The Chromium binary to drive, or fail the test with what to install."""
    if os.environ.get("COPYDESK_NO_BROWSER") == "1":
        pytest.skip("browser tests turned off (COPYDESK_NO_BROWSER=1)")
    path = os.environ.get("COPYDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not os.access(path, os.X_OK):
        pytest.fail(
            "the browser tests need Chromium, which is not installed: install the Debian package "
            "'chromium' (apt-get install chromium; `make install` does it), or set "
            "COPYDESK_NO_BROWSER=1 to skip them", pytrace=False,
        )
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(command: list[str], base: str):
    """``command`` (a server) running until the block ends, once ``base``/ answers 200."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode("utf-8", "replace")
                pytest.fail(f"the web server exited ({process.returncode}):\n{output[-3000:]}")
            try:
                with urllib.request.urlopen(base + "/", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("the web server did not answer within 180 s")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def server():
    """The base URL of the web UI alone, served by uvicorn in a subprocess (a real Desk)."""
    chromium()  # fail or skip before loading a desk
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", "webapp:create",
               "--app-dir", str(HERE), "--host", "127.0.0.1", "--port", str(port),
               "--log-level", "warning"]
    with running(command, f"http://127.0.0.1:{port}") as base:
        yield base


@pytest.fixture(scope="module")
def api_server(tmp_path_factory):
    """The base URL of ``copydesk serve --db``: the REST API with the web UI and a store."""
    chromium()
    port = free_port()
    db = tmp_path_factory.mktemp("web") / "desk.sqlite"
    command = [sys.executable, "-m", "copydesk", "serve", "--host", "127.0.0.1",
               "--port", str(port), "--db", str(db)]
    with running(command, f"http://127.0.0.1:{port}") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    path = chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need Playwright for Python (pip install -e '.[test]')",
                    pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def check_article(page, server, *, text, headline="", byline="", url=""):
    page.goto(server + "/")
    page.fill("#headline", headline)
    page.fill("#text", text)
    page.fill("#byline", byline)
    page.fill("#url", url)
    with page.expect_navigation():
        page.click("#check")


def test_paste_an_article_and_open_a_finding_with_the_keyboard(page, server):
    check_article(page, server, text=ARTICLE, headline=HEADLINE)  # the text's first line
    assert page.title() == HEADLINE + TITLE_SUFFIX
    assert page.locator("#article-text").inner_text().count(HEADLINE) == 2  # and furniture
    errors = page.locator("#article-text a.hl.error")
    assert errors.count() >= 5
    assert page.locator("#article-text a.hl.warning").count() >= 1
    assert page.locator("#detail").is_hidden()

    page.keyboard.press("j")  # the first finding: focused, its details shown
    first = page.locator("ol.findings > li.finding").first
    focused = page.evaluate("document.activeElement.getAttribute('data-f')")
    assert focused.split()[0] == first.get_attribute("data-f")
    detail = page.locator("#detail")
    assert detail.is_visible()
    message = first.locator(".message").inner_text()
    assert message in detail.inner_text()

    page.keyboard.press("j")
    page.keyboard.press("j")
    third = page.locator("ol.findings > li.finding").nth(2)
    assert third.locator(".message").inner_text() in detail.inner_text()
    page.keyboard.press("k")
    second = page.locator("ol.findings > li.finding").nth(1)
    assert second.locator(".message").inner_text() in detail.inner_text()

    page.keyboard.press("Enter")  # opens the finding: the panel takes the focus
    assert "open" in detail.get_attribute("class")
    assert page.evaluate("document.activeElement.id") == "detail"
    assert "Suggestion" in detail.inner_text() or second.locator(".suggestion").count() == 0
    buttons = detail.locator("button[data-review]")
    assert buttons.count() == 2 and buttons.first.is_disabled()

    page.keyboard.press("Escape")
    assert "open" not in detail.get_attribute("class")
    assert page.evaluate("document.activeElement.classList.contains('hl')")

    # a click on a highlight opens its finding too
    page.locator("#article-text a.hl", has_text="goverment").click()
    assert "government" in detail.inner_text()
    assert page.errors == []

    screenshot = os.environ.get("COPYDESK_SCREENSHOT")
    if screenshot:
        page.locator("#article-text a.hl", has_text="Wednesday").click()
        page.evaluate("window.scrollTo(0, 0)")
        target = Path(screenshot)
        target = target if target.is_absolute() else ROOT / target
        target.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target), full_page=False)


#: Payloads that would change the page if they ran: the title (built by concatenation, so the
#: text shown never holds the changed title) or an element added to the body.
RUN = "document.title='pw'+'ned';document.body.appendChild(document.createElement('xss-'+'ran'))"
PAYLOADS = {
    "headline": f"<script>{RUN}</script> Port talks collapse",
    "byline": f"\"><img src=x onerror=\"{RUN}\"> Jane Doe",
    "url": f"javascript:{RUN}",
    "text": (
        "Dock workers voted on Monday to strike. The union said its too late.\n\n"
        f"<script>{RUN}</script> The union said <img src=x onerror=\"{RUN}\"> it was over.\n\n"
        f"<svg onload=\"{RUN}\"></svg> \" autofocus onfocus=\"{RUN}\" x=\" and "
        f"</textarea><a href=\"javascript:{RUN}\">click</a> ' onmouseover='{RUN}'\n"
    ),
}


#: The article text as shown, without the numbered markers after the findings.
SHOWN_TEXT = """() => {
  const text = document.getElementById('article-text').cloneNode(true);
  text.querySelectorAll('a.ref').forEach((marker) => marker.remove());
  return text.textContent;
}"""


def assert_nothing_ran(page, expected_title):
    page.wait_for_timeout(300)  # give an onerror or onload the time it would take
    assert page.title() == expected_title
    assert "pwned" not in page.title()
    assert page.locator("xss-ran").count() == 0
    assert page.dialogs == []
    assert page.evaluate("document.scripts.length") == 1  # the page's own script
    handlers = "[onerror],[onload],[onfocus],[onmouseover],img,svg,a[href^='javascript:' i]"
    assert page.locator(handlers).count() == 0


def test_hostile_article_runs_nothing_and_is_shown_as_text(page, server):
    check_article(page, server, **PAYLOADS)
    assert_nothing_ran(page, PAYLOADS["headline"] + TITLE_SUFFIX)
    assert page.locator("h1.headline").inner_text() == PAYLOADS["headline"]
    assert page.locator(".byline").inner_text() == "By " + PAYLOADS["byline"]
    assert page.locator(".url").inner_text() == PAYLOADS["url"]
    shown = page.evaluate(SHOWN_TEXT)
    assert f"<script>{RUN}</script>" in shown
    assert f"<svg onload=\"{RUN}\"></svg>" in shown
    assert f"</textarea><a href=\"javascript:{RUN}\">click</a>" in shown
    # the highlights still work on that text
    page.keyboard.press("j")
    assert page.locator("#detail").is_visible()
    assert_nothing_ran(page, PAYLOADS["headline"] + TITLE_SUFFIX)


def test_hostile_fields_in_a_form_shown_again_run_nothing(page, server):
    """A form with an error comes back filled in: the payloads go back into value attributes
    and the textarea, unchanged and inert."""
    page.goto(server + "/")
    for name, value in PAYLOADS.items():
        page.fill(f"#{name}", value)
    page.evaluate("document.getElementById('published').type = 'text'")
    page.fill("#published", "not a date")
    with page.expect_navigation():
        page.click("#check")
    assert page.locator(".problem").inner_text().startswith("The date")
    assert_nothing_ran(page, "Check an article" + TITLE_SUFFIX)
    for name, value in PAYLOADS.items():
        expected = " ".join(value.split()) if name == "headline" else value
        assert page.input_value(f"#{name}") in (value, expected)


def test_accept_and_dismiss_through_the_api_of_copydesk_serve(page, api_server):
    from playwright.sync_api import expect

    check_article(page, api_server, text=ARTICLE)
    assert "/articles/" in page.url  # stored, and shown from the store
    page.fill("#reviewer", "Ed Itor")
    page.evaluate("document.activeElement.blur()")  # keys typed in a field are the field's
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    detail = page.locator("#detail")
    detail.locator("button.dismiss").click()
    first = page.locator("ol.findings > li.finding").first
    expect(first).to_have_class(re.compile(r"\bdismissed\b"))  # the API answered
    assert "dismissed by Ed Itor" in detail.locator(".review-status").inner_text()
    first.locator("button.accept").click()
    expect(first).to_have_class(re.compile(r"\baccepted\b"))
    page.reload()  # the decision is the store's
    assert "accepted" in first.get_attribute("class").split()
    assert first.locator(".review-status").inner_text() == "accepted by Ed Itor"
    assert page.errors == []


#: An article of its own for the corpus test: a word no other test's article has.
CORPUS_WORD = "Quillbrook"
CORPUS_ARTICLE = (
    f"{CORPUS_WORD} ferry service to close\n\n"
    f"The ferry between {CORPUS_WORD} and the mainland will stop running in March, the "
    "operator said on Tuesday.\n\n"
    "The goverment has offered no replacement service, and residents say the island will be "
    "cut off in winter.\n"
)


def test_dismiss_a_finding_reload_and_find_the_article_in_the_corpus(page, api_server):
    from playwright.sync_api import expect

    check_article(page, api_server, text=CORPUS_ARTICLE)
    assert re.search(r"/articles/\d+$", page.url)
    article_url = page.url
    for name in ("quotes", "entities", "events"):  # the side panels beside the findings
        assert page.locator(f"#panel-{name}").is_visible()
    page.fill("#reviewer", "Ed Itor")
    page.locator("#article-text a.hl", has_text="goverment").click()  # opens the finding
    detail = page.locator("#detail")
    expect(detail).to_be_visible()
    assert "government" in detail.inner_text()
    detail.locator("button.dismiss").click()
    finding = page.locator("ol.findings > li.finding", has_text="goverment")
    expect(finding).to_have_class(re.compile(r"\bdismissed\b"))
    page.reload()
    finding = page.locator("ol.findings > li.finding", has_text="goverment")
    assert "dismissed" in finding.get_attribute("class").split()
    assert finding.locator(".review-status").inner_text() == "dismissed by Ed Itor"

    # the corpus, from the header: search finds the article
    with page.expect_navigation():
        page.click("header.site nav a:text('Corpus')")
    page.fill("#q", CORPUS_WORD.lower())
    with page.expect_navigation():
        page.click("form.corpus-filters button[type=submit]")
    rows = page.locator("li.corpus-row")
    assert rows.count() == 1
    assert rows.first.locator("mark").first.inner_text() == CORPUS_WORD
    assert f"{CORPUS_WORD} ferry service to close" in rows.first.inner_text()
    # and the decision filter keeps it; a search for a word it lacks does not
    page.select_option("#decision", "dismissed")
    with page.expect_navigation():
        page.click("form.corpus-filters button[type=submit]")
    assert page.locator("li.corpus-row").count() == 1
    page.fill("#q", f"{CORPUS_WORD} -ferry")
    with page.expect_navigation():
        page.click("form.corpus-filters button[type=submit]")
    assert page.locator("li.corpus-row").count() == 0
    page.go_back()
    with page.expect_navigation():
        page.locator("li.corpus-row a.corpus-headline").click()
    assert page.url == article_url
    assert page.errors == []
