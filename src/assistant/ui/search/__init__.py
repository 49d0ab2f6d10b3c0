"""The Search pane: the query box, live hits with snippets, filters, "Did you mean"."""

from assistant.ui.search.pane import SearchPane

__all__ = ["SearchPane"]
