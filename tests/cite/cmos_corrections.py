"""Where the oracles are CMOS-wrong: each rule, and the rewrite of their output into CMOS form.

Test helper, not a test module. Pandoc's citeproc and citeproc-js share the CSL style, so they
share its departures from CMOS 18 (and each has a few of its own); the engine follows CMOS
instead. `cmos_form` rewrites an oracle's note or entry by these rules only, so a comparison
counts the engine right when it differs from an oracle exactly where CMOS says the oracle is
wrong, and nowhere else. The rules both oracles break are pinned in test_oracle_pins.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

Item = dict[str, Any]


def _outside_urls(text: str, change: Callable[[str], str]) -> str:
    parts = re.split(r"(https?://\S+|10\.\d{4,}/\S+)", text)
    return "".join(part if index % 2 else change(part) for index, part in enumerate(parts))


def family_first_names(text: str, items: Iterable[Item]) -> str:
    """CMOS ch. 8 on Chinese, Japanese and Korean names: a name the writer marks family-first
    (`static-ordering`) is neither reordered nor inverted. citeproc-js honours the flag; Pandoc
    does not."""
    for item in items:
        for name in item.get("author", []):
            if name.get("static-ordering") and name.get("given"):
                family, given = name["family"], name["given"]
                text = re.sub(
                    rf"\b{re.escape(given)} {re.escape(family)}\b", f"{family} {given}", text
                )
                text = text.replace(f"{family}, {given}", f"{family} {given}")
    return text


def en_dash_ranges(text: str, items: Iterable[Item]) -> str:
    """CMOS 6.78: an en dash, not a hyphen, between the numbers of a range, titles included."""
    return _outside_urls(text, lambda part: re.sub(r"(?<=\d)-(?=\d)", "–", part))


def abbreviated_year_ranges(text: str, items: Iterable[Item]) -> str:
    """CMOS 9.64: a range of publication years is abbreviated like page numbers (1974–75)."""
    return re.sub(r"(?<=[ (])(\d\d)(\d\d)–\1(\d\d)(?=\)|\.$)", r"\1\2–\3", text)


def blog_label(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.106: a blog's name is followed by '(blog)'."""
    for item in items:
        if item.get("type") == "post-weblog" and item.get("container-title"):
            name = f"<i>{item['container-title']}</i>"
            text = re.sub(re.escape(name) + r"(?! \(blog\))", f"{name} (blog)", text)
    return text


def newspaper_section(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.89: a newspaper's section follows the date as 'sec. A', not before the paper."""
    for item in items:
        section, paper = item.get("section"), item.get("container-title")
        if item.get("type") != "article-newspaper" or not section or not paper:
            continue
        pattern = (
            rf"(”|\.”) {re.escape(section)}[,.] <i>{re.escape(paper)}</i>, "
            r"((?:January|February|March|April|May|June|July|August|September|October|November|"
            r"December) \d{1,2}, \d{4})"
        )
        # An article read online (a URL, no page) has no printed section: the field holds
        # the website's area, which the engine leaves out (record_fields.cleaned).
        online = item.get("URL") and not item.get("page")
        # Section "A" of page "A1" is the page number's letter, left out with the page.
        of_page = re.fullmatch(re.escape(section) + r"\s*-?\d+\S*", str(item.get("page", "")))
        after = "" if online or of_page else f", sec. {section}"
        text = re.sub(pattern, rf"\1 <i>{paper}</i>, \2{after}", text)
    return text


def circa(text: str, items: Iterable[Item]) -> str:
    """CMOS ch. 10 ("ca."): an approximate date reads 'ca. 1954', not '[1954?]'."""
    if any(item.get("issued", {}).get("circa") for item in items):
        text = re.sub(r"\[([^\[\]]*?\d{3,4})\?\]", r"ca. \1", text)
        text = re.sub(r"(?<=\. )ca\. ", "Ca. ", text)
    return text


def unsigned_chapter_editor(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.104: the editor of the volume is not the author of an unsigned piece in it."""
    for item in items:
        if item.get("type") != "chapter" or item.get("author") or not item.get("editor"):
            continue
        names = [f"{n.get('given', '')} {n.get('family', '')}".strip() for n in item["editor"]]
        inverted = [f"{n.get('family', '')}, {n.get('given', '')}" for n in item["editor"]]
        if len(names) != 1:
            continue
        name, inv = names[0], inverted[0]
        # Note: "Name, ed., “Title,” in <i>Book</i>[, vol. N] (" → "“Title,” in ..., ed. Name ("
        text = re.sub(
            rf"^{re.escape(name)}, ed\., (“.*?,” in <i>.*?</i>(?:, vol\. \d+)?) \(",
            rf"\1, ed. {name} (",
            text,
        )
        # Bibliography: "Inv, ed. “Title.” In <i>Book</i>[, vol. N]. " → "... , edited by Name. "
        text = re.sub(
            rf"^{re.escape(inv)}, ed\. (“.*?\.” In <i>.*?</i>(?:, vol\. \d+)?)\. ",
            rf"\1, edited by {name}. ",
            text,
        )
        # Short note: "Family, “Title,” 57." → "“Title,” 57."
        family = item["editor"][0].get("family", "")
        text = re.sub(rf"(^|; |\b[Ss]ee ){re.escape(family)}, (“)", r"\1\2", text)
    return text


def archive_page_repeated(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.119–14.128: an archival signature is not followed by the piece's own pages (the
    note's locator already gives the page cited)."""
    for item in items:
        location, page = item.get("archive_location"), str(item.get("page", ""))
        first = re.match(r"\d+", page)
        if location and first:
            for form in {location, en_dash_ranges(location, [])}:
                pattern = rf"({re.escape(form)}), pp?\. {first.group()}(?:–\d+)?(?![\d–])"
                text = re.sub(pattern, r"\1", text, flags=re.IGNORECASE)
    return text


_UNPUBLISHED_TYPES = frozenset(
    {"manuscript", "document", "letter", "personal_communication", "interview"}
)


def published_document_page(text: str, items: Iterable[Item]) -> str:
    """CMOS 18 14.119-14.128: a work with publication facts of its own (a report, a book, a
    document published in a book) also held in an archive is cited by its own page, which
    follows its facts, before the archival signature; the style puts a "p." after the
    signature, as it does for an unpublished document's page."""
    for item in items:
        location = item.get("archive_location")
        published = item.get("type") not in _UNPUBLISHED_TYPES or (
            item.get("container-title") and item.get("publisher")
        )
        if not published or not location:
            continue
        for form in {location, en_dash_ranges(location, [])}:
            pattern = rf"\), ({re.escape(form)}), pp?\. (\d+(?:[–-]\d+)?)(?![\d–])"
            text = re.sub(pattern, r"), \2, \1", text, flags=re.IGNORECASE)
    return text


def original_title_as_written(text: str, items: Iterable[Item]) -> str:
    """CMOS 11.6, 14.88: the original title of a translation is in its own language and keeps
    its capitalization ("La guerre froide"); the style headline-cases it."""
    for item in items:
        original = item.get("original-title")
        if not original:
            continue
        cased = " ".join(w[:1].upper() + w[1:] for w in original.split())
        for form in {cased, original.title()}:
            text = text.replace(f"<i>{form}</i>", f"<i>{original}</i>")
    return text


def original_title_without_facts(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.108: a translation's original title is given when it is of interest, with the
    facts of its original publication; a record that carries the original title alone (no
    original publisher, place or date) cites the translation only. The style prints
    "originally published as *Title*" whenever the field is there."""
    for item in items:
        original = item.get("original-title")
        if not original or any(
            item.get(key)
            for key in ("original-publisher", "original-date", "original-publisher-place")
        ):
            continue
        for form in {original, " ".join(w[:1].upper() + w[1:] for w in original.split())}:
            text = text.replace(f"; originally published as <i>{form}</i>", "")
            text = text.replace(f" Originally published as <i>{form}</i>.", "")
    return text


def short_title_article(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.30: a short title made from the title drops an initial A, An or The. (Applied to
    short notes only; titles of four words or fewer are otherwise kept whole.)"""
    for item in items:
        words = item.get("title", "").split()
        if item.get("title-short") or len(words) < 2 or len(words) > 4:
            continue
        if words[0].lower() in {"a", "an", "the"}:
            following = re.sub(r"<[^>]+>", "", words[1])
            lead = re.match(r"\w+", following)
            if lead:
                pattern = rf"(“|<i>)(?:The|A|An) (?=(?:<[^>]+>)*{re.escape(lead.group())})"
                text = re.sub(pattern, r"\1", text, flags=re.IGNORECASE)
    return text


def record_short_title_article(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.30: a short title omits an initial A, An or The, the writer's own (Zotero's
    Short Title, often filled in from the title) as well as a derived one; an English title
    only, as a foreign one keeps its article."""
    for item in items:
        words = str(item.get("title-short", "")).split()
        language = str(item.get("language", "en") or "en").lower()
        if len(words) < 2 or words[0].lower() not in {"a", "an", "the"}:
            continue
        if not language.startswith("en") or item.get("type") in _AS_WRITTEN:
            continue
        lead = re.match(r"\w+", re.sub(r"<[^>]+>|^[“‘\"']", "", words[1]))
        if lead:
            pattern = rf"(“|<i>)(?:The|A|An) (?=(?:<[^>]+>)*[“‘]?{re.escape(lead.group())})"
            text = re.sub(pattern, r"\1", text, flags=re.IGNORECASE)
    return text


# Types whose short title is the writer's as typed: legal names (Bluebook) and posts.
_AS_WRITTEN = {"legal_case", "legislation", "bill", "treaty", "regulation", "post"}


def signed_entry_short_form(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.130: a signed article in a scholarly reference work is cited like a chapter in a
    book; 'under' (s.v.) belongs to unsigned entries looked up by headword."""
    for item in items:
        if item.get("type", "").startswith("entry") and item.get("author"):
            family = item["author"][0].get("family", "")
            text = re.sub(rf"\b({re.escape(family)},) under (“)", r"\1 \2", text)
    return text


def reprint_label(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.114: a reprint reads '(1920; repr., Publisher, 1971)', 'Reprint, Publisher'."""
    for item in items:
        original = item.get("original-date", {}).get("date-parts", [[None]])[0][0]
        publisher = item.get("publisher")
        if original and publisher and not item.get("original-publisher"):
            text = text.replace(f"({original}; {publisher}", f"({original}; repr., {publisher}")
            text = text.replace(f" {original}. {publisher}", f" {original}. Reprint, {publisher}")
            text = text.replace(f". {original}; {publisher}", f". {original}. Reprint, {publisher}")
    return text


SEASONS = {21: "Spring", 22: "Summer", 23: "Fall", 24: "Winter"}


def seasons(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.171: an issue dated by season shows it, whether CSL-JSON holds it as `season`
    (Pandoc drops it) or as month 21–24 (both oracles drop some)."""
    for item in items:
        issued = item.get("issued", {})
        parts = issued.get("date-parts", [])
        if len(parts) != 1 or not parts[0]:
            continue
        # Some exports write the season beside the date, not in it (a top-level `season`).
        year, season = parts[0][0], issued.get("season") or item.get("season")
        if len(parts[0]) == 2 and parts[0][1] in SEASONS:
            season = SEASONS[parts[0][1]]
        if isinstance(season, str) and season:
            text = text.replace(f"({year}):", f"({season} {year}):")
    return text


def no_comma_after_question(text: str, items: Iterable[Item]) -> str:
    """CMOS ch. 6 (question and exclamation marks): a title ending in ? or ! takes no comma
    after it, quoted or italic (citeproc-js adds one after quotes, both after italics)."""
    return re.sub(r"([?!])((?:</i>|[”’])*),", r"\1\2", text)


def interview_short_form(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.110: the short form of an interview is 'Name, interview', not its medium."""
    for item in items:
        medium = item.get("medium")
        if item.get("type") == "interview" and medium and item.get("author"):
            family = item["author"][0].get("family", "")
            text = re.sub(
                rf"\b{re.escape(family)}, {re.escape(medium)}\b", f"{family}, interview", text
            )
            text = re.sub(rf"^{re.escape(medium)}\b", "interview", text)
    return text


MONTHS = [
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
]


def journal_month_with_volume(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.171: a journal issue identified by its volume (or issue) number is dated by
    its year; the month goes (a season stays). The style keeps the month when no issue is
    given."""
    for item in items:
        parts = item.get("issued", {}).get("date-parts", [])
        if (
            item.get("type") == "article-journal"
            and item.get("volume")
            and len(parts) == 1
            and len(parts[0]) >= 2
            and str(parts[0][1]).isdigit()
            and 1 <= int(parts[0][1]) <= 12
        ):
            year, month = parts[0][0], MONTHS[int(parts[0][1]) - 1]
            text = re.sub(rf"\({month} (?:\d{{1,2}}, )?{year}\)", f"({year})", text)
    return text


def secondary_before_edition(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.2 (order of elements) and 14.88: an editor or translator named after the title
    comes before the edition, "trans. X, 2nd ed." and "Translated by X. 2nd ed."; the style
    prints the edition first. A book cited by volume keeps its editors with the volume."""
    if not any(
        item.get("edition") and not item.get("volume") and item.get("type") == "book"
        for item in items
    ):
        return text
    edition = r"(?:\d+(?:st|nd|rd|th)|[Rr]ev\.|[A-Z][a-z]+) ed\."
    text = re.sub(
        rf", ({edition}), ((?:ed\.|trans\.|ed\. and trans\.) [^()]+?) \(", r", \2, \1 (", text
    )
    return re.sub(
        rf"\. ({edition}) ((?:Edited|Translated|Edited and translated) by .+?)\. (?=[A-Z])",
        r". \2. \1 ",
        text,
    )


def ownerless_web_page(text: str, items: Iterable[Item]) -> str:
    """CMOS 14.104: a page with no author leads with its title; only an owner or sponsor
    (CSL `publisher`) stands in for the author, not the site's name (`container-title`)."""
    for item in items:
        site = item.get("container-title")
        if item.get("type") != "webpage" or item.get("author") or item.get("publisher"):
            continue
        if not site:
            continue
        text = text.replace(f"{site}, “", "“")
        entry = re.match(rf"^{re.escape(site)}\. (“.*?[.?!]”) (.*)$", text)
        if entry:
            title, rest = entry.groups()
            glue = ". " if re.match(r"Accessed|https?://", rest) else ", "
            text = f"{title} {site}{glue}{rest}"
    return text


def interview_medium_before_page(text: str, items: Iterable[Item]) -> str:
    """CMOS 18 14.113: an interview's medium ("transcript", "audio recording") describes the
    record of it, and the page, minute or figure cited is that record's: "March 25, 1975,
    transcript, 42". The style prints the locator before the medium."""
    for item in items:
        medium = str(item.get("medium", ""))
        if item.get("type") != "interview" or not medium or item.get("container-title"):
            continue
        lowered = medium[:1].lower() + medium[1:]
        text = re.sub(
            rf"(\d{{4}}), ([^,]+), {re.escape(lowered)}(?=[,.])", rf"\1, {lowered}, \2", text
        )
    return text


RULES: list[Callable[[str, Iterable[Item]], str]] = [
    family_first_names,
    en_dash_ranges,
    abbreviated_year_ranges,
    blog_label,
    newspaper_section,
    secondary_before_edition,
    circa,
    unsigned_chapter_editor,
    archive_page_repeated,
    published_document_page,
    original_title_as_written,
    original_title_without_facts,
    interview_short_form,
    reprint_label,
    seasons,
    no_comma_after_question,
    journal_month_with_volume,
    ownerless_web_page,
    interview_medium_before_page,
]
SHORT_RULES: list[Callable[[str, Iterable[Item]], str]] = [
    short_title_article,
    record_short_title_article,
    signed_entry_short_form,
]

# CMOS 14.115: an unpublished conference paper has a bibliography entry; the style gives none.
ENTRY_THE_STYLE_OMITS = {"paper-conference"}


def cmos_form(text: str, items: Iterable[Item], *, short: bool = False) -> str:
    """An oracle's note or entry with the CSL style's CMOS departures corrected; `short` for a
    note citing only works cited before (short notes)."""
    cited = list(items)
    for rule in RULES + (SHORT_RULES if short else []):
        text = rule(text, cited)
    return text
