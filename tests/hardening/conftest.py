"""Fixtures for the hardening tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.readonly import read_only

from .bounded import REPO_ROOT


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(REPO_ROOT / "resources" / "corpus", target)
    return target


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty folder that really cannot be written to (root ignores chmod: chattr +i)."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    with read_only(folder):
        yield folder
