"""Browser: log in with a token, type an answer, and the editor saves it by itself."""

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
from kamerqa.drafting import auth
from kamerqa.drafting.service import Drafting
from kamerqa.store import open_store

from .conftest import sample_content

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path, str, str]]:
    db = tmp_path / "kamerqa.db"
    with open_store(str(db)) as store:
        token = auth.add_user(store, "dora", "drafter", "ienw")
        user = auth.user_for_token(store, token)
        assert user is not None
        content = sample_content()
        content.answers = content.answers[1:]  # question 1 still open
        cid = Drafting(store).create(user, content).id
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield f"http://127.0.0.1:{port}", db, token, cid
    server.should_exit = True
    thread.join(10)


def test_login_and_autosave(site: tuple[str, Path, str, str]) -> None:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        missing_service("chromium")
    from playwright.sync_api import sync_playwright

    base, db, token, cid = site
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.set_default_timeout(15_000)
        console: list[str] = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(base + "/drafting")
        page.get_by_label("Token").fill(token)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(base + "/drafting")
        page.locator(f'a[href="/drafting/{cid}"]').click()
        page.wait_for_url(f"**/drafting/{cid}")
        box = page.get_by_label("Antwoord op vraag 1", exact=True)
        box.fill("De brug gaat in maart open.[^1]")
        page.locator("#save-status", has_text="Opgeslagen").wait_for()
        assert "content-security-policy" in (page.context.request.get(page.url).headers)
        with open_store(str(db)) as store:  # someone else saves meanwhile
            other = auth.user_for_token(store, token)
            assert other is not None
            Drafting(store).set_answer(other, cid, ["2", "3"], "Elders gewijzigd.")
        box.fill("Nog een keer.")
        page.locator("#save-status", has_text="Niet opgeslagen: het stuk is intussen").wait_for()
        browser.close()
    assert not [text for text in console if "Content Security Policy" in text]
    with open_store(str(db)) as store:
        user = auth.user_for_token(store, token)
        assert user is not None
        saved = Drafting(store).get(user, cid).content.answer_for("1")  # the stale one refused
        assert saved is not None and saved.text == "De brug gaat in maart open.[^1]"
        log = Drafting(store).audit(user, cid)[:-1]  # the last: the other save
        assert (log[-1].actor, log[-1].action, log[-1].detail) == (
            "dora",
            "edit",
            "answers to questions 1",
        )
