"""Fixtures for the export tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readonly import read_only

PREVIOUS = b"the essay exported yesterday"


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding yesterday's export that really cannot be written to.

    chmod does not stop root, so as root the folder is made immutable (chattr +i) instead.
    """
    folder = tmp_path / "readonly"
    folder.mkdir()
    (folder / "essay.docx").write_bytes(PREVIOUS)
    with read_only(folder):
        yield folder
