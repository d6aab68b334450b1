"""Browser tests: Playwright driving Debian's chromium against a live server on loopback.

Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from conftest import missing_service
from kamerqa.api.app import create_app
from kamerqa.store import open_store

from .conftest import XSS_FIXTURE, build_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TIMEOUT_MS = 15_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def seed_id(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> tuple[Path, str]:
    db = build_store(tmp_path_factory.mktemp("browser") / "kamerqa.db", seed_path, XSS_FIXTURE)
    with open_store(db) as store:
        seed = next(
            s for s in store.list_documents(None, limit=100) if s.source_path == str(seed_path)
        )
    return db, seed.id


@pytest.fixture(scope="module")
def server(seed_id: tuple[Path, str]) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(str(seed_id[0])), host="127.0.0.1", port=port, log_level="warning"
    )
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not runner.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    runner.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        missing_service("chromium")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()
    assert not dialogs, f"a script ran: {dialogs}"


def test_search_drones_then_follow_the_crossref_in_answer_9(
    page, server: str, seed_id: tuple[Path, str]
) -> None:  # type: ignore[no-untyped-def]
    doc_id = seed_id[1]
    page.goto(server + "/")
    page.get_by_label("Zoekterm").fill("drones")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/?q=drones*")
    assert page.locator("li.hit").count() > 0
    assert page.locator("li.hit mark").count() > 0
    page.screenshot(path=str(ARTIFACTS / "search-drones.png"), full_page=True)

    seed_hits = page.locator(f'li.hit a[href^="/doc/{doc_id}"]')
    for _ in range(5):  # page through the results until the seed shows up
        if seed_hits.count():
            break
        page.locator("nav.pager a", has_text="Volgende").click()
        page.wait_for_load_state("load")
    seed_hits.first.click()
    page.wait_for_url(f"**/doc/{doc_id}*")
    link = page.locator("#vraag-9 .answer a.xref").first
    assert link.get_attribute("href") == "#antwoord-2"
    link.focus()  # keyboard users get the same preview
    preview = page.locator("#preview")
    preview.wait_for(state="visible")
    page.keyboard.press("Escape")
    preview.wait_for(state="hidden")
    link.hover()
    preview.wait_for(state="visible")
    assert "NAVO" in preview.inner_text()
    page.screenshot(path=str(ARTIFACTS / "crossref-preview.png"))
    link.click()
    page.wait_for_url("**#antwoord-2")
    target = page.locator("#antwoord-2")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900
    page.screenshot(path=str(ARTIFACTS / "answer-2.png"))


def test_facet_filter_by_party(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/?q=drones")
    facet = page.locator('a.facet-link[data-facet="party"]').first
    party = facet.locator(".facet-value").inner_text()
    count = int(facet.locator(".count").inner_text())
    facet.click()
    page.wait_for_url("**party=*")
    chips = page.locator("li.hit .chip.party")
    assert chips.count() == min(count, 20)
    assert {chips.nth(i).inner_text() for i in range(chips.count())} == {party}
    page.screenshot(path=str(ARTIFACTS / "facet-party.png"), full_page=True)


def test_footnote_is_visible_in_place(page, server: str, seed_id: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/doc/{seed_id[1]}#vraag-8")
    note = page.locator("#vraag-8 aside.footnote").first
    note.scroll_into_view_if_needed()
    assert note.is_visible()
    assert "moedwillige" in note.inner_text()
    note.screenshot(path=str(ARTIFACTS / "footnote.png"))


def test_similar_questions_load_beside_a_question(
    page, server: str, seed_id: tuple[Path, str]
) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/doc/{seed_id[1]}#vraag-2")
    panel = page.locator("#vraag-2 details.similar")
    panel.locator("summary").click()
    page.locator("#vraag-2 details.similar ol li a").first.wait_for(state="visible")
    assert page.locator("#vraag-2 details.similar ol li").count() > 0
    page.screenshot(path=str(ARTIFACTS / "similar.png"))


def test_phone_layout_has_no_sideways_scroll(
    browser, server: str, seed_id: tuple[Path, str]
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    for path in (f"/doc/{seed_id[1]}", "/?q=drones", "/statistieken"):
        phone.goto(server + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, path
    phone.screenshot(path=str(ARTIFACTS / "phone-stats.png"), full_page=True)
    phone.goto(f"{server}/doc/{seed_id[1]}")
    phone.screenshot(path=str(ARTIFACTS / "phone-document.png"))
    context.close()


def test_hostile_document_runs_no_script(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/?q=overheidswebsites")
    page.locator("li.hit a").first.click()
    page.wait_for_load_state("load")
    assert "<script>" in page.locator("h1").inner_text()  # shown as text
    page.screenshot(path=str(ARTIFACTS / "xss-document.png"))
    # the page fixture asserts that no alert() dialog was opened
