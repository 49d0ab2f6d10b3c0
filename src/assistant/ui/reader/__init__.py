"""The Reader pane: a hit's passage in its source's context, previous/next, Cite…; for a scanned
source, the page image with the hit's words marked (`page_image`)."""

from assistant.ui.reader.pane import ReaderPane

__all__ = ["ReaderPane"]
