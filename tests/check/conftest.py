"""Fixtures for the quote checker tests."""

from __future__ import annotations

import pytest

from assistant.check.quotes import DocumentSet, QuoteChecker
from tests.check.helpers import SOURCE_IDS, raw_document


@pytest.fixture(scope="module")
def raw_checker() -> QuoteChecker:
    """A checker over the bundled sources' file text (no library, no passages)."""
    return QuoteChecker(DocumentSet(raw_document(s) for s in SOURCE_IDS))
