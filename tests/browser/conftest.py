"""Browser fixtures: the fixture site served on 127.0.0.1, driven by Debian's chromium.

Every page opened through ``page`` records JavaScript errors, alert dialogs and every
request; a test fails when one happened or when a request left 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.browser.site_fixture import build_fixture_site

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
        ".json": "application/json", ".xml": "application/xml", ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_site(tmp_path_factory.mktemp("browser") / "project")


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watch:
    """What happened in one page: errors, dialogs and requests."""

    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Any, base_url: str, watch: Watch) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.on("pageerror", lambda exc: watch.errors.append(f"pageerror: {exc}"))
    # A failed load is checked by its URL below (the console message has none).
    tab.on("console", lambda msg: watch.errors.append(f"console: {msg.text}")
           if msg.type == "error" and "Failed to load resource" not in msg.text else None)
    tab.on("response", lambda response: watch.failed.append(f"{response.status} {response.url}")
           if response.status >= 400 else None)
    tab.on("request", lambda request: watch.requests.append(request.url))

    def on_dialog(dialog: Any) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.set_default_timeout(15_000)
    try:
        yield tab
    finally:
        context.close()
    assert watch.errors == []
    # Chromium asks for /favicon.ico itself when it shows a feed (an XML document).
    assert [f for f in watch.failed if not f.endswith(f"{base_url}favicon.ico")] == []
    assert watch.dialogs == []
    outside = [u for u in watch.requests
               if not u.startswith(base_url) and not u.startswith(("data:", "blob:"))]
    assert outside == [], "requests left 127.0.0.1"
