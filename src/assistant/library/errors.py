"""Errors the library raises with messages meant for the writer, not for a developer."""

from __future__ import annotations


class LibraryError(Exception):
    """A library operation could not be done; the message says why and what to do."""


class ImportFailed(LibraryError):
    """A document or metadata file could not be read.

    `path` names the file so a list of problems can show which file each message is about.
    """

    def __init__(self, path: object, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message
