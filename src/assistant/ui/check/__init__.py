"""The Check dock: quotation and citation problems, re-checked as you write; Find support."""

from assistant.ui.check.pane import CheckPane

__all__ = ["CheckPane"]
