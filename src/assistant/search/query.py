"""Checks on the query language before Whoosh sees it.

Whoosh's parser accepts nearly anything and silently drops what it cannot read, so a stray
quote or a dangling AND would quietly change the meaning of a search. These checks turn such
mistakes into a `QuerySyntaxError` the writer can act on.
"""

from __future__ import annotations

import re

from assistant.search.errors import QuerySyntaxError

FILTER_FIELDS = ("source", "section", "kind", "page")
KINDS = ("body", "note", "heading", "bib", "front")
_BINARY = ("AND", "OR")
_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
_FIELD = re.compile(r"^([A-Za-z]+):(.*)$")


def check_query(query: str, known_sources: set[str] | None = None) -> None:
    """Raise QuerySyntaxError when the query is malformed."""
    if not query or not query.strip():
        raise QuerySyntaxError("Type some words to search for.")
    if query.count('"') % 2:
        position = query.rfind('"')
        raise QuerySyntaxError(
            f"The quotation mark at character {position + 1} opens a phrase that is never "
            'closed; add the closing " or remove it.'
        )
    depth = 0
    for token in _TOKEN.findall(query):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth < 0:
                raise QuerySyntaxError("A closing parenthesis ')' has no matching '('.")
    if depth > 0:
        raise QuerySyntaxError("A parenthesis '(' is never closed; add ')'.")

    tokens = [t for t in _TOKEN.findall(query)]
    previous = None
    for index, token in enumerate(tokens):
        if token in _BINARY:
            if previous is None or previous in (*_BINARY, "NOT", "("):
                raise QuerySyntaxError(f"'{token}' needs a search term on its left.")
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or following in (*_BINARY, ")"):
                raise QuerySyntaxError(f"'{token}' needs a search term on its right.")
        elif token == "NOT":
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is None or following in (*_BINARY, "NOT", ")"):
                raise QuerySyntaxError("'NOT' needs a search term after it.")
        elif not token.startswith('"') and token not in "()":
            _check_word(token, known_sources)
        previous = token


def _check_word(token: str, known_sources: set[str] | None) -> None:
    match = _FIELD.match(token)
    if match and match.group(1).lower() in FILTER_FIELDS:
        field, value = match.group(1).lower(), match.group(2)
        if field != match.group(1):
            raise QuerySyntaxError(
                f"Write filters in lower case: '{field}:' not '{match.group(1)}:'."
            )
        if not value:
            examples = {
                "source": "source:shen-2000",
                "section": "section:conclusion",
                "kind": "kind:note",
                "page": "page:12",
            }
            raise QuerySyntaxError(
                f"'{field}:' needs a value right after the colon, e.g. {examples[field]}."
            )
        if field == "kind" and value.lower() not in KINDS:
            raise QuerySyntaxError(
                f"Unknown kind '{value}'; use one of: {', '.join('kind:' + k for k in KINDS)}."
            )
        if (
            field == "source"
            and known_sources is not None
            and not value.endswith("*")
            and not value.startswith('"')
            and value not in known_sources
        ):
            listing = ", ".join(sorted(known_sources)) or "none indexed yet"
            raise QuerySyntaxError(f"There is no source '{value}'. Sources: {listing}.")
        token = value
    if token.startswith(("*", "?")):
        raise QuerySyntaxError(
            f"'{token}': a word cannot start with a wildcard; put * at the end (e.g. nucle*)."
        )
    if re.fullmatch(r"~\d*", token) or token.startswith("~"):
        raise QuerySyntaxError(f"'{token}': ~ goes right after a word, e.g. Shtykov~ .")
