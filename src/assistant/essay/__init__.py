"""The essay: draft model, notes outline, essay file (atomic saves), Pandoc Markdown."""
