"""Word (.docx) export with real footnotes, and Markdown export."""
