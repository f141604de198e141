"""The package boundaries of the house style, held by import-linter's contracts (pyproject)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from feedback.config import PROJECT_ROOT


def test_import_contracts_hold():
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is not installed"
    result = subprocess.run(
        [command, "--no-cache"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
