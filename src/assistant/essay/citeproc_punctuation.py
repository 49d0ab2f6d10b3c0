"""Where a citation's note mark goes: citeproc's rules for note styles, on Pandoc's AST.

From pandoc's Text.Pandoc.Citeproc (`mvPunct`, with `notes-after-punctuation` on, as for a
note style): the space before a citation note goes, and the punctuation after it moves before
the note mark, on inside a closing quotation for `.` and `,` (en-US). The reader applies them
to each list of inlines of the running text before it turns citations into notes, so the essay
shows the text as `pandoc --citeproc` prints it.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from assistant.essay.pandoc_ast import stringify

__all__ = ["CONTAINERS", "is_cite_note", "is_citeproc_punctuation", "move_punctuation"]

JSON = dict[str, Any]
# Inline elements whose text is part of the running text around them.
CONTAINERS = ("Emph", "Strong", "Strikeout", "SmallCaps", "Underline", "Superscript", "Subscript")


# -- citeproc's punctuation rules for notes --------------------------------------------------
#
# From pandoc's Text.Pandoc.Citeproc (mvPunct), for a note style with notes-after-punctuation:
# - `x [@a],` → `x,¹`: a space before a citation note goes, and the run of punctuation after
#   it (any Unicode punctuation but en and em dashes) moves before the note; `.` and `,` move
#   on inside a closing quotation (en-US puts punctuation inside quotes);
# - `x[@a],` → `x,¹` when what follows starts with one of `.,;:!?`, the same run moving.


def is_citeproc_punctuation(char: str) -> bool:
    """Punctuation citeproc moves before a note mark (`isPunct`): any Unicode punctuation but
    en and em dashes."""
    if not char:
        return False
    return unicodedata.category(char).startswith("P") and char not in "—–"


def is_cite_note(node: JSON) -> bool:
    """A citation that becomes nothing but a note mark in the text (not author-in-text)."""
    return node["t"] == "Cite" and node["c"][0][0]["citationMode"]["t"] != "AuthorInText"


def _leading_punctuation(nodes: list[JSON], start: int) -> str:
    """The run of citeproc punctuation the text of `nodes[start:]` begins with (Pandoc takes it
    from `stringify` of what follows, across formatting and raw HTML)."""
    punct = ""
    for node in nodes[start:]:
        tag = node["t"]
        if tag == "RawInline":
            continue
        if tag == "Str":
            text = node["c"]
        elif tag in CONTAINERS:
            text = stringify(node["c"])
        else:
            break
        for char in text:
            if not is_citeproc_punctuation(char):
                return punct
            punct += char
    return punct


def _drop_leading(nodes: list[JSON], count: int) -> list[JSON]:
    """`nodes` without their first `count` characters of text, going into formatting."""
    out: list[JSON] = []
    for index, node in enumerate(nodes):
        if count <= 0:
            out.extend(nodes[index:])
            break
        tag = node["t"]
        if tag == "Str":
            text = node["c"]
            if len(text) > count:
                out.append({"t": "Str", "c": text[count:]})
            count -= min(count, len(text))
        elif tag in CONTAINERS:
            inner_len = len(stringify(node["c"]))
            out.append({"t": tag, "c": _drop_leading(node["c"], count)})
            count -= min(count, inner_len)
        elif tag == "RawInline":
            out.append(node)
        else:
            out.extend(nodes[index:])
            break
    return out


def _into_quote(quote: JSON, punct: str) -> tuple[JSON, str]:
    """Move leading `.`/`,` of `punct` inside a closing quotation."""
    moved = len(punct) - len(punct.lstrip(".,"))
    if quote["t"] != "Quoted" or not moved:
        return quote, punct
    kind, inner = quote["c"]
    return {"t": "Quoted", "c": [kind, [*inner, {"t": "Str", "c": punct[:moved]}]]}, punct[moved:]


def move_punctuation(nodes: list[JSON]) -> list[JSON]:
    if not any(node["t"] == "Cite" for node in nodes):
        return nodes
    out: list[JSON] = []
    i = 0
    n = len(nodes)
    while i < n:
        x = nodes[i]
        if x["t"] in ("Space", "SoftBreak"):
            out.append(x)
            i += 1
            continue
        if i + 2 < n and nodes[i + 1]["t"] in ("Space", "SoftBreak") and is_cite_note(nodes[i + 2]):
            q, cite = x, nodes[i + 2]
            punct = _leading_punctuation(nodes, i + 3)
            if not punct:
                out += [q, cite]
                i += 3
                continue
            q, left = _into_quote(q, punct)
            out += [q, *([{"t": "Str", "c": left}] if left else []), cite]
            nodes = out + _drop_leading(nodes[i + 3 :], len(punct))
            i, n = len(out), len(nodes)
            continue
        if is_cite_note(x):
            punct = _leading_punctuation(nodes, i + 1)
            if punct[:1] and punct[0] in ".,;:!?":
                out += [{"t": "Str", "c": punct}, x]
                nodes = out + _drop_leading(nodes[i + 1 :], len(punct))
                i, n = len(out), len(nodes)
                continue
        out.append(x)
        i += 1
    return out
