"""Locators (the "52" of `[@shen-2000, 52]`): Chicago's abbreviations, ranges, warnings."""

from __future__ import annotations

import re

from assistant.cite.model import Citation
from assistant.cite.ranges import page_range

# Chicago's locator abbreviations (CSL's en-US short terms, as the style prints them).
LOCATOR_TERMS = {
    "page": ("p.", "pp."),
    "chapter": ("chap.", "chaps."),
    "section": ("sec.", "secs."),
    "paragraph": ("para.", "paras."),
    "note": ("n.", "nn."),
    "line": ("line", "lines"),
    "volume": ("vol.", "vols."),
    "figure": ("fig.", "figs."),
    "book": ("bk.", "bks."),
    "column": ("col.", "cols."),
    "folio": ("fol.", "fols."),
    "part": ("pt.", "pts."),
    "verse": ("v.", "vv."),
    "opus": ("op.", "opp."),
    "issue": ("no.", "nos."),
    "sub-verbo": ("s.v.", "s.vv."),
}
# Inclusive numbers abbreviated as pages are (CMOS 18 9.64 covers inclusive numbers, not only
# pages): "cols. 1274–75", "fols. 112–19"; chapters, volumes and figures are given in full.
_INCLUSIVE_NUMBERS = frozenset({"page", "column", "folio", "line", "paragraph", "note"})
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.IGNORECASE)
_LOCATOR_WORDS = re.compile(r"[\s,–—\-&:]+")
# After page_range a hyphen left is a section-page form ("IV-10"): one place, not several.
_PLURAL_LOCATOR = re.compile(r"[–—,&]| and ")


def locator_text(citation: Citation, *, with_page_label: bool = False) -> str:
    """ "52", "52–58", "chap. 3", "2:334"; pages unlabelled unless `with_page_label`."""
    locator = citation.locator.strip()
    if not locator:
        return ""
    label = citation.label or "page"
    abbreviate = label in _INCLUSIVE_NUMBERS and ":" not in locator
    locator = page_range(locator, abbreviate=abbreviate)
    if label == "page" and not with_page_label:
        return locator
    plural = bool(_PLURAL_LOCATOR.search(locator))
    singular, many = LOCATOR_TERMS.get(label, (label, label))
    return f"{many if plural else singular} {locator}"


def has_volume(citation: Citation) -> bool:
    """A page locator that names its volume already ("2:334")."""
    return (citation.label or "page") == "page" and ":" in citation.locator


def locator_warnings(citation: Citation) -> list[str]:
    """Locators a reader could not follow: an unknown label, or no number in the locator."""
    out: list[str] = []
    label = citation.label or "page"
    if label not in LOCATOR_TERMS:
        out.append(
            f"{citation.item_id}: locator label {label!r} is not one Chicago abbreviates"
            f" ({', '.join(sorted(LOCATOR_TERMS))}); printed as written"
        )
    locator = citation.locator.strip()
    if (
        locator
        and not any(ch.isdigit() for ch in locator)
        and not all(_ROMAN.match(w) for w in _LOCATOR_WORDS.split(locator) if w)
    ):
        out.append(
            f"{citation.item_id}: locator {locator!r} has no page or section number;"
            " printed as written"
        )
    return out
