"""The footnote builder dock: citations, locators, prefix/suffix, live Chicago preview."""

from assistant.ui.builder.widget import CitationRow, FootnoteBuilder, source_label

__all__ = ["CitationRow", "FootnoteBuilder", "source_label"]
