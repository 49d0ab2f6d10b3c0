"""The library UI: sources list, metadata form, import problems, reindex progress."""

from assistant.ui.library.library_panel import LibraryDock, LibraryPanel
from assistant.ui.library.metadata_form import MetadataDialog
from assistant.ui.library.problems_view import ProblemsView

__all__ = ["LibraryDock", "LibraryPanel", "MetadataDialog", "ProblemsView"]
