"""Essay research assistant: search your sources, cite them in Chicago style, write, export to Word.

The core packages (library, search, cite, essay, export, check) never import Qt;
`assistant.ui` is the only package that does.
"""

__version__ = "0.1.0"
