"""Web pages, online documents and blog posts (CMOS 18 14.205-14.209).

A site's name is roman, headline style (14.206); a blog's name is italic, followed by "(blog)"
unless the name says so, then the site or sponsor it belongs to (14.208). An access date is
given only when the page has no date of its own (14.12).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from assistant.cite.items import Item
from assistant.cite.locators import locator_text
from assistant.cite.model import Citation
from assistant.cite.pieces import (
    accessed,
    archive_parts,
    creator_bib,
    creator_note,
    link,
    secondary,
    title,
)
from assistant.cite.richtext import Parts, join, lower_first, paren, t
from assistant.cite.titles import styled_title


def _dated(item: Item) -> str:
    """The page's date, with what kind of date it is when the library says ("last modified
    March 2, 2020", CMOS 18 14.104)."""
    date = item.date.text() if item.date else ""
    status = item.get("status")
    if date and status and status.lower() not in ("published", "forthcoming"):
        return f"{status[:1].lower()}{status[1:]} {date}"
    return date


def is_blog(item: Item) -> bool:
    return item.csl_type == "post-weblog"


def site(item: Item, *, bib: bool = False) -> Parts:
    """The site (roman) or blog (italic, "(blog)"), and its publisher when it is another."""
    raw_name = item.get("container-title")
    name = raw_name if _HANDLE.match(raw_name) else item.cased("container-title")
    publisher = item.get("publisher") or _platform_of(item)
    if is_blog(item) and name:
        parts = styled_title(name, quoted=False)
        if not re.search(r"\bblog\b", name, re.IGNORECASE):
            parts = [*parts, *paren("blog")]
    else:
        parts = t(name)
    numbered = bool(_NUMBERED.search(name))
    if publisher and (numbered or not names_owner(name, publisher)):
        # A bibliography ends the series with its number, as a book's series (14.123).
        parts = join([parts, t(publisher)], ". " if bib and numbered else ", ")
    return parts


# A numbered publication of a site ("National Security Archive Electronic Briefing Book No.
# 105") is a series, not the site's name: its publisher follows the number, as a book's does
# its series (CMOS 18 14.123), even when the series is named after the publisher.
_NUMBERED = re.compile(r"\b(?:No|Nr|Number)\.?\s*\d+\w*$", re.IGNORECASE)


def _name_words(text: str) -> list[str]:
    words = re.findall(r"\w+", text.casefold())
    return words[1:] if words[:1] == ["the"] else words


def names_owner(site_name: str, owner_name: str) -> bool:
    """Whether a site's name already names its owner, word for word ("Wilson Center Digital
    Archive" of the Wilson Center, "The Avalon Project" of Avalon Project): the owner is then
    not repeated after it (CMOS 18 14.104). An owner named otherwise ("Office of the
    Historian" of the U.S. Department of State) is given."""
    site_words, owner_words = _name_words(site_name), _name_words(owner_name)
    if not site_words or not owner_words:
        return False
    span = len(owner_words)
    return any(site_words[i : i + span] == owner_words for i in range(len(site_words) - span + 1))


def lead(item: Item) -> tuple[Parts, Parts]:
    """(who stands first, the site part): an unsigned page is led by its site or owner."""
    creator = t(creator_note(item))
    if creator:
        return creator, site(item)
    # The owner or sponsor stands in for the author (CMOS 14.104, 14.206); with none the page
    # leads with its own title.
    who = owner(item)
    site_name = item.cased("container-title")
    return t(who), (t(site_name) if site_name and site_name != who else [])


def owner(item: Item) -> str:
    """Who owns or sponsors an unsigned page (CMOS 14.104): its publisher, else a site named
    as its own address is (NATO at nato.int, Archivio Apostolico Vaticano at
    archivioapostolicovaticano.va), an organization's own site. Any other site's name is a
    title, not an owner ("Wilson Center Digital Archive", "History of the BBC"); a name that
    abbreviates the address's ("National Army Museum" at nam.ac.uk) is left a title too."""
    publisher = item.get("publisher")
    if publisher or is_blog(item):
        return publisher
    site_name = item.get("container-title")
    host = urlsplit(item.get("URL")).hostname or ""
    labels = host.split(".")
    if not site_name or len(labels) < 2:
        return ""
    joined = re.sub(r"\W|_", "", site_name).casefold()
    # The registered name: the label before the top-level domain ("nato" of www.nato.int), or
    # before a second-level one ("nam" of www.nam.ac.uk).
    second_level = len(labels) >= 3 and labels[-2] in ("ac", "co", "com", "gov", "org", "edu")
    registered = labels[-3] if second_level else labels[-2]
    return site_name if joined and joined == registered.casefold() else ""


def _post_kind(item: Item) -> tuple[Parts, bool]:
    """What kind of post it is ("Instagram photo", "forum post"), and whether that names
    the platform already, so it is not given twice (CMOS 18 14.106)."""
    genre = item.get("genre")
    if item.csl_type != "post" or not genre:
        return [], False
    platform = item.get("container-title")
    on_platform = _PLATFORM_POST.match(genre.strip())
    if platform and on_platform and on_platform.group(1).casefold() not in platform.casefold():
        # Zotero's "Reddit Post" in a subreddit: the forum, then the platform the genre
        # names, "…?” r/AskHistorians, Reddit, February 11, 2021" (CMOS 18 14.106).
        return [], False
    if platform and _PLAIN_POST.match(genre.strip()):
        # A platform's own word for its ordinary post says no more than the platform's name
        # does: "…,” Twitter, October 31, 2022" (CMOS 18 14.106), not "Tweet, Twitter".
        return [], False
    return t(lower_first(genre)), bool(platform) and platform.lower() in genre.lower()


# A platform's ordinary post named with the platform ("Reddit Post", "Facebook post"); a
# generic kind ("Forum post") is a description, printed as such.
_PLATFORM_POST = re.compile(
    r"^(Reddit|Facebook|LinkedIn|Tumblr|Mastodon|Bluesky|Threads|Instagram|TikTok|YouTube"
    r"|Quora|Discord|Substack|Weibo|VK|Telegram) (?i:post|comment|thread)$"
)
# A forum named by its address on the platform ("r/AskHistorians"): as the platform writes it.
_HANDLE = re.compile(r"^(?:r|u)/\w+$")


def _platform_of(item: Item) -> str:
    """The platform a post's genre names when its container is a forum on it ("Reddit")."""
    genre = item.get("genre").strip()
    on_platform = _PLATFORM_POST.match(genre) if item.csl_type == "post" else None
    name = item.get("container-title")
    if not on_platform or not name or on_platform.group(1).casefold() in name.casefold():
        return ""
    return on_platform.group(1)


# The plain post of a platform, whatever it calls it (Zotero's Post Type "Tweet", "Toot").
_PLAIN_POST = re.compile(r"^(?:tweet|toot|skeet|post|status(?: update)?)$", re.IGNORECASE)


# Zotero's Website Type when it says no more than the item type does.
_PAGE_TYPE_WORDS = re.compile(
    r"^(?:web\s?(?:page|site)|website|home\s?page|blog(?:\s+post)?)$", re.I
)


def page_kind(item: Item) -> str:
    """What kind of page it is when the record says ("online exhibition", "fact sheet"): a
    description after the title (CMOS 18 14.104, 14.106), as typed; "" for a bare "Web
    page" and for blogs, which say "(blog)" after their name."""
    genre = item.get("genre").strip()
    if item.csl_type != "webpage" or not genre or _PAGE_TYPE_WORDS.match(genre):
        return ""
    return genre


def full(item: Item, citation: Citation) -> Parts:
    creator = [] if citation.suppress_author else t(creator_note(item))
    date = _dated(item)
    kind, named = _post_kind(item)
    kind = kind or t(lower_first(page_kind(item)))
    return join(
        [
            creator,
            title(item),
            # A translated document: "trans. X" after its title (CMOS 14.104, 14.106).
            *secondary(item, bib=False),
            kind,
            [] if named else site(item),
            t(date),
            t(locator_text(citation)),
            t(accessed(item, capital=False)),
            *archive_parts(item),
            t(link(item)),
        ],
        ", ",
    )


def bibliography(item: Item) -> Parts:
    creator = t(creator_bib(item))
    date = t(_dated(item))
    if creator:
        where = join([site(item, bib=True), date], ", ")
    else:
        owner, rest = lead(item)
        creator = owner
        where = join([rest, date], ", ")
        if is_blog(item) and item.get("container-title"):
            # An unsigned blog post is led by the blog, in italics, its sponsor after it.
            creator = styled_title(item.cased("container-title"), quoted=False)
            where = join([t(item.get("publisher")), date], ", ")
    kind = page_kind(item)
    sentences = [creator, title(item), *secondary(item, bib=True)]
    kind_parts = t(kind[:1].upper() + kind[1:])
    if creator:
        # A signed page's kind runs on into where it is, one sentence as a thesis's
        # description does ("Course syllabus, Department of History, …", CMOS 18 14.104,
        # 14.113); an unsigned page's site may come to lead the entry, a sentence of its own.
        sentences.append(join([kind_parts, where], ", "))
    else:
        sentences.extend([kind_parts, where])
    sentences.append(t(accessed(item, capital=True)))
    sentences.extend(archive_parts(item, bib=True))
    sentences.append(t(link(item)))
    return join(sentences, ". ")
