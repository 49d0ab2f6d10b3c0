"""The Reader pane: a hit's passage in its source's context, previous/next, Cite…."""

from assistant.ui.reader.pane import ReaderPane

__all__ = ["ReaderPane"]
