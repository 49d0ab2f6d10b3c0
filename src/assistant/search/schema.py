"""The index's schema, what each passage's document holds, and the signature an existing
index must carry to be used as is."""

from __future__ import annotations

from typing import Any

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from assistant.library.model import Passage
from assistant.library.page_ranges import spanned_pages
from assistant.search.analysis import DEFAULT_LANGUAGE, FastStemmingAnalyzer, mark_language
from assistant.search.whoosh_internals import WHOOSH_VERSION

# Bump when passage splitting, the schema, the analyser or the posting format changes: every
# source is then re-indexed (5: posting blocks pickled with protocol 4, see
# whoosh_internals.py; 6: accent folding, CJK pairs, per-language stemming, a passage's
# language; 7: PDF passages by layout, with printed pages and a flag for PDF page numbers;
# 8: every page a passage spans indexed, so page:46 finds a passage on "46–47").
INDEX_VERSION = "8"
# Carried by every source's hash term: an index written by another version of the app or of
# Whoosh is rebuilt rather than read with assumptions that may no longer hold.
INDEX_SIGNATURE = f"v{INDEX_VERSION}w{WHOOSH_VERSION}"
HASH_SEPARATOR = "|"


def make_schema() -> Schema:
    stemming = FastStemmingAnalyzer()
    return Schema(
        uid=ID(unique=True, stored=True),
        source=ID(stored=True, sortable=True),
        ordinal=NUMERIC(stored=True, sortable=True),
        section=TEXT(analyzer=stemming, stored=True, phrase=False),
        page=ID(stored=True),
        pages=KEYWORD(lowercase=True, scorable=False),
        kind=KEYWORD(lowercase=True, scorable=False),
        kindlabel=STORED(),
        front=STORED(),
        pdfpage=STORED(),
        start=STORED(),
        end=STORED(),
        text=TEXT(analyzer=stemming, stored=True),
        lang=ID(stored=True),
        srchash=ID(),
    )


def signature(schema: Schema) -> dict[str, tuple]:
    """What must match for an existing index to be usable (Whoosh fields lack __eq__)."""
    return {
        name: (
            type(schema[name]).__name__,
            type(schema[name].format).__name__ if schema[name].format else None,
            type(getattr(schema[name], "analyzer", None)).__name__,
            schema[name].stored,
            schema[name].scorable,
        )
        for name in schema.names()
    }


def passage_fields(
    passage: Passage, digest: str, language: str = DEFAULT_LANGUAGE
) -> dict[str, Any]:
    """The document of one passage; the first passage of a source carries its hash. The text
    is indexed with its language marked for the analyser and stored as it is."""
    kind = passage.kind + (" front" if passage.front_matter else "")
    fields: dict[str, Any] = {
        "uid": f"{passage.source_id}#{passage.ordinal}",
        "source": passage.source_id,
        "ordinal": passage.ordinal,
        "section": passage.section,
        "kind": kind,
        "kindlabel": passage.kind,
        "front": passage.front_matter,
        "start": passage.start,
        "end": passage.end,
        "text": mark_language(passage.text, language),
        "lang": language,
    }
    if fields["text"] is not passage.text:
        fields["_stored_text"] = passage.text
    if passage.page:
        fields["page"] = passage.page
        fields["pages"] = " ".join(spanned_pages(passage.page))
    if passage.pdf_page:
        fields["pdfpage"] = True
    if passage.ordinal == 0:
        fields["srchash"] = f"{passage.source_id}{HASH_SEPARATOR}{digest}"
    return fields


def stored_passage(stored: dict[str, Any]) -> Passage:
    return Passage(
        source_id=stored["source"],
        ordinal=int(stored["ordinal"]),
        text=stored["text"],
        kind=stored.get("kindlabel", "body"),
        section=stored.get("section", ""),
        page=stored.get("page"),
        start=int(stored.get("start", 0)),
        end=int(stored.get("end", 0)),
        front_matter=bool(stored.get("front", False)),
        pdf_page=bool(stored.get("pdfpage", False)),
    )
