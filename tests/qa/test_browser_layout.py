"""Layout checks in a real browser (Debian's chromium): phone and desktop, light and dark.

Nothing may stick out of its card or the page, the header keeps room around the logo on a
phone, every form control has a label, and text has WCAG AA contrast (4.5:1; 3:1 when large).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from conftest import missing_service
from kamerqa.api.app import create_app

from .webstore import build_small_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
PAGES = ("/", "/?q=drones", "/documenten", "/statistieken", "/over", "/doc/nope", "/?offset=-3")
AUDIT_JS = (Path(__file__).resolve().parent / "layout_audit.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("qa-browser") / "kamerqa.db")


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    runner = uvicorn.Server(config)
    thread = threading.Thread(target=runner.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not runner.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert runner.started
    yield f"http://127.0.0.1:{port}"
    runner.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if shutil.which(CHROMIUM) is None:
        missing_service("chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield instance
        instance.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1366])
def test_pages_fit_are_labelled_and_readable(
    server: str, browser: Any, width: int, scheme: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for path in PAGES:
        page.goto(server + path)
        problems += [f"{path}: {p}" for p in page.evaluate(AUDIT_JS)]
    if width < 600:
        page.goto(server + "/")
        logo = page.locator(".brand-mark").bounding_box()
        assert logo is not None and logo["y"] >= 6, "the logo touches the top of the screen"
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [390, 1366])
def test_drafting_editor_is_laid_out(server: str, browser: Any, db: Path, width: int) -> None:
    from kamerqa.cli.serve_cmd import examples_dir
    from kamerqa.drafting import auth
    from kamerqa.drafting.inbreng import content_from_inbreng
    from kamerqa.drafting.service import Drafting
    from kamerqa.store import open_store

    inbreng = examples_dir() / "so_eurogroep_2026-07.docx"
    with open_store(db) as store:
        token = auth.add_user(store, f"qa{width}", "drafter", "qa")
        user = auth.user_for_token(store, token)
        assert user is not None
        content = content_from_inbreng(inbreng.read_bytes(), inbreng.name)
        cid = Drafting(store).create(user, content).id
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(server + "/drafting")
    page.fill("#token", token)
    page.click("button[type=submit]")
    page.wait_for_url(server + "/drafting")
    problems = [f"list: {p}" for p in page.evaluate(AUDIT_JS)]
    logout = page.locator("text=Uitloggen").bounding_box()
    title = page.locator("h1").bounding_box()
    assert logout is not None and title is not None and logout["y"] < title["y"]
    page.goto(f"{server}/drafting/{cid}")
    problems += page.evaluate(AUDIT_JS)
    box = page.locator("textarea.answer").first.bounding_box()
    main = page.locator("#drafting").bounding_box()
    context.close()
    assert not problems, "\n".join(problems)
    assert box is not None and main is not None
    assert box["width"] > 0.8 * main["width"], "the answer box is not the width of the page"
    assert box["height"] >= 120, "the answer box is too small to write in"
