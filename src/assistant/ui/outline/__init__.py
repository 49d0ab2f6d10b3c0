"""The notes outline pane: a tree of notes linked to the passages that support them."""

from assistant.ui.outline.pane import OutlinePane

__all__ = ["OutlinePane"]
