"""Snippets of a hit's passage and the reader's highlighting: escaped HTML, matches in <b>."""

from __future__ import annotations

import html
from typing import Any

from whoosh import highlight as whoosh_highlight

from assistant.search.analysis import FastStemmingAnalyzer

SNIPPET_CHARS = 220


class BoldFormatter(whoosh_highlight.Formatter):
    """Escaped text with matches in plain <b> tags (no classes: the UI styles <b>)."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "<b>" + html.escape(whoosh_highlight.get_text(text, token, replace), False) + "</b>"


def highlight_terms(searcher: Any, parsed: Any) -> frozenset[str]:
    """The indexed terms of the text field a parsed query matches (prefixes expanded)."""
    terms = set()
    try:
        existing = parsed.existing_terms(searcher.reader(), phrases=True, expand=True)
    except Exception:
        existing = parsed.iter_all_terms(phrases=True)
    for fieldname, text in existing:
        if fieldname == "text":
            terms.add(text.decode("utf-8") if isinstance(text, bytes) else str(text))
    return frozenset(terms)


def snippet(
    analyzer: FastStemmingAnalyzer, text: str, terms: frozenset[str], language: str | None = None
) -> str:
    """Up to two stretches of about SNIPPET_CHARS around the densest matches, escaped,
    matches in <b>. (Whoosh's highlighter gives the same kind of snippet at several times
    the cost, which mattered with ten snippets per search.)"""
    matches = analyzer.spans(text, terms, language)
    if not matches:
        opening = text[:200]
        if len(text) > 200:
            opening = opening.rsplit(" ", 1)[0] + " …"
        return html.escape(opening, quote=False)
    windows: list[tuple[int, int]] = []
    remaining = matches
    while remaining and len(windows) < 2:
        # The window starting at a match that covers the most matches.
        best_start, best_count = 0, 0
        for i, (start, _) in enumerate(remaining):
            count = sum(1 for s2, e2 in remaining[i:] if e2 <= start + SNIPPET_CHARS)
            if count > best_count:
                best_start, best_count = i, count
        first = remaining[best_start][0]
        last = max(e for s2, e in remaining[best_start:] if e <= first + SNIPPET_CHARS)
        lo = max(0, first - (SNIPPET_CHARS - (last - first)) // 2)
        hi = min(len(text), max(last, lo + SNIPPET_CHARS))
        # Widen to word boundaries so no word is cut in half (scripts written without
        # spaces, such as Chinese, stop after a few characters instead).
        limit = 12
        while lo > 0 and not text[lo - 1].isspace() and limit:
            lo -= 1
            limit -= 1
        limit = 12
        while hi < len(text) and not text[hi].isspace() and limit:
            hi += 1
            limit -= 1
        windows.append((lo, hi))
        remaining = [m for m in remaining if m[0] >= hi or m[1] <= lo]
    windows.sort()
    if len(windows) == 2 and windows[1][0] <= windows[0][1]:
        windows = [(windows[0][0], max(windows[0][1], windows[1][1]))]
    parts = []
    for lo, hi in windows:
        out, position = [], lo
        for start, end in matches:
            if start >= lo and end <= hi and start >= position:
                out.append(html.escape(text[position:start], quote=False))
                out.append("<b>" + html.escape(text[start:end], quote=False) + "</b>")
                position = end
        out.append(html.escape(text[position:hi], quote=False))
        parts.append(
            ("… " if lo > 0 else "") + "".join(out).strip() + (" …" if hi < len(text) else "")
        )
    return " ".join(parts).replace("… …", "…")


def highlight(
    analyzer: FastStemmingAnalyzer, text: str, terms: frozenset[str], languages: list[str]
) -> str:
    """Escaped HTML of the whole `text` with `terms` in <b> (for the reader), the words
    stemmed as any of `languages` stems them (the reader does not say which)."""
    matches = sorted({span for lang in languages for span in analyzer.spans(text, terms, lang)})
    if not matches:
        return html.escape(text, quote=False)
    out, position = [], 0
    for start, end in matches:
        if start < position:
            continue
        out.append(html.escape(text[position:start], quote=False))
        out.append("<b>" + html.escape(text[start:end], quote=False) + "</b>")
        position = end
    out.append(html.escape(text[position:], quote=False))
    return "".join(out)
