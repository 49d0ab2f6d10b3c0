"""Fixtures for the export tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

PREVIOUS = b"the essay exported yesterday"


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding yesterday's export that really cannot be written to.

    chmod does not stop root, so as root the folder is made immutable (chattr +i) instead.
    """
    folder = tmp_path / "readonly"
    folder.mkdir()
    (folder / "essay.docx").write_bytes(PREVIOUS)
    if os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(folder)]).returncode != 0:
            pytest.skip("running as root without chattr +i: cannot make a folder read-only")
        try:
            yield folder
        finally:
            subprocess.run([chattr, "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
