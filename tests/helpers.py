"""Run the real ``briefs`` command in a project folder, and its preview server; and the
bare paragraphs of an article copied without its headline, which several tests seed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# An article's paragraphs with no headline line: a seed of these alone has none.
BARE_PARAGRAPHS = (
    "The council said on Monday that it would close the schools for a week because of the "
    "storm expected on the coast on Tuesday night, officials said.",
    "Parents were told to keep children at home until further notice, the council added in "
    "a statement on its website.",
    "Forecasters warned that winds could reach 120 kilometres an hour along the coast, with "
    "heavy rain inland and a risk of floods in low-lying areas.",
    "Emergency services have moved boats and generators to the towns most at risk, and the "
    "army is on standby to help if roads are cut.",
)

def run_briefs(root: Path, *args: str, timeout: float = 300,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m briefs ARGS`` with ``root`` as the working folder."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "briefs", *args], cwd=root, env=full_env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(predicate: Callable[[], object], seconds: float, every: float = 0.25) -> bool:
    """Poll ``predicate`` until it is true (False after ``seconds``); OSError means not yet."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(every)
    return False


@contextmanager
def serving(root: Path, env: dict[str, str] | None = None,
            stop: signal.Signals = signal.SIGINT,
            ) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A real ``briefs serve`` in ``root`` on a free loopback port: (process, base URL).
    Stopped on exit as a terminal's Ctrl+C does (SIGINT to the process group), or with
    ``stop`` sent to the server alone as ``kill`` does; SIGKILL after 10 s."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        yield proc, f"http://127.0.0.1:{port}/"
    finally:
        if stop == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)
        else:
            proc.send_signal(stop)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
