"""Fixtures for the quote checker tests."""

from __future__ import annotations

import pytest
from check_helpers import SOURCE_IDS, raw_document

from assistant.check.quotes import DocumentSet, QuoteChecker


@pytest.fixture(scope="module")
def raw_checker() -> QuoteChecker:
    """A checker over the bundled sources' file text (no library, no passages)."""
    return QuoteChecker(DocumentSet(raw_document(s) for s in SOURCE_IDS))
