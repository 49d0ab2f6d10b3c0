"""Errors of the search package, with messages written for the writer."""

from __future__ import annotations


class SearchError(Exception):
    """Base of the search package's errors."""


class QuerySyntaxError(SearchError):
    """The query cannot be understood; the message says where and how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IndexUnavailable(SearchError):
    """The index cannot be read right now (missing, damaged or busy); update() repairs it."""


class SearchCancelled(SearchError):
    """A newer search superseded this one before it finished."""
