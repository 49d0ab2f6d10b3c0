"""What reference managers put in a record's fields that a citation must not print as it is.

Zotero and Better BibTeX export what their translators captured: `archive` "JSTOR" and an
`archive_location` holding the stable URL (Zotero's "Archive" and "Loc. in Archive" fields,
filled by its JSTOR translator), publishers' legal forms ("The New Press", "Brill Ltd."), a
periodical's initial "The". Each is corrected here, once, before the item is rendered, so every
renderer sees the record a copy editor would have typed.
"""

from __future__ import annotations

import re
from typing import Any

# Databases and platforms, not archives: what a library catalogue or a translator records as
# where the copy came from (CMOS 18 14.8, 14.11: a database is named only for material that
# is unique to it, never as the repository of a published article or book).
_DATABASES = {
    name.casefold()
    for name in (
        "JSTOR",
        "JSTOR.org",
        "Project MUSE",
        "ProQuest",
        "ProQuest Central",
        "ProQuest Dissertations & Theses",
        "ProQuest Dissertations and Theses",
        "EBSCOhost",
        "EBSCO",
        "Academic Search Complete",
        "Google Books",
        "Google Scholar",
        "HeinOnline",
        "ScienceDirect",
        "SpringerLink",
        "Wiley Online Library",
        "Taylor & Francis",
        "Taylor and Francis+NEJM",
        "Cambridge Core",
        "Oxford Academic",
        "SAGE Journals",
        "Semantic Scholar",
        "Crossref",
        "DOI.org (Crossref)",
        "PubMed",
        "Library of Congress ISBN",
        "WorldCat",
        "Open WorldCat",
        "Amazon",
        "Gale",
        "Gale Academic OneFile",
        "Periodicals Archive Online",
    )
}
# Periodicals whose initial article is dropped in citations (CMOS 18 14.89 newspapers, 14.172
# journals, 14.171 magazines); a book's or a series' title keeps it.
_PERIODICAL_TYPES = {"article-journal", "article-magazine", "article-newspaper", "review"}
_PUBLISHER_LEGAL = re.compile(
    r",?\s+(?:Inc|Ltd|LLC|L\.L\.C|Co\.?,? Ltd|Pvt\.? Ltd|Limited|Incorporated)\.?$"
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def cleaned(raw: dict[str, Any]) -> dict[str, Any]:
    """`raw` with the fields above corrected (a new dict; `raw` is left as it was)."""
    out = dict(raw)
    archive = _text(out.get("archive"))
    location = _text(out.get("archive_location"))
    if archive and archive.casefold() in _DATABASES:
        # Zotero's JSTOR translator files the platform as the archive.
        out.pop("archive", None)
        out.pop("archive-place", None)
        archive = ""
    if location and _URL.match(location) and not archive:
        # A stable URL in "Loc. in Archive" is a link, not a shelf mark: it is the URL when the
        # record has none (and no DOI, which is preferred anyway, 14.8).
        out.pop("archive_location", None)
        if not _text(out.get("URL")):
            out["URL"] = location
    publisher = _text(out.get("publisher"))
    if publisher:
        # An initial "The" and a legal form are omitted from a publisher's name (14.52).
        trimmed = _PUBLISHER_LEGAL.sub("", re.sub(r"^The\s+(?=[A-Z])", "", publisher))
        if trimmed and trimmed != publisher:
            out["publisher"] = trimmed
    container = _text(out.get("container-title"))
    if str(out.get("type", "")) in _PERIODICAL_TYPES and container:
        trimmed = re.sub(r"^The\s+(?=[A-Z])", "", container)
        if trimmed != container:
            out["container-title"] = trimmed
    return out


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
