"""Run the real ``briefs`` command in a project folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_briefs(root: Path, *args: str, timeout: float = 300,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m briefs ARGS`` with ``root`` as the working folder."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "briefs", *args], cwd=root, env=full_env,
                          capture_output=True, text=True, timeout=timeout, check=False)
