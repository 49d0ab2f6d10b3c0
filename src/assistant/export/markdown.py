"""Export an essay as Pandoc Markdown (footnotes and `[@id, page]` citations), atomically.

The Markdown itself is written by `assistant.essay.markdown.write_markdown`, so the exported
file reads back into the app, Zettlr and Pandoc the same way a saved draft does.
"""

from __future__ import annotations

from pathlib import Path

from assistant.essay.model import Essay
from assistant.export.atomic import write_atomically


def export_markdown(essay: Essay, path: Path) -> Path:
    """Write `essay` to `path` as UTF-8 Pandoc Markdown; ExportError leaves `path` untouched."""
    from assistant.essay.markdown import write_markdown

    # A lone surrogate (from a mis-decoded paste) cannot be UTF-8; "?" keeps the rest intact.
    data = write_markdown(essay).encode("utf-8", errors="replace")
    target = Path(path)
    write_atomically(target, lambda stream: stream.write(data))
    return target
