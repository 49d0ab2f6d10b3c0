"""PDF sources: printed pages, clean passages in reading order, footnotes, scanned pages.

`document.load_pdf` is the entry point; the other modules are its steps (see its docstring).
"""
