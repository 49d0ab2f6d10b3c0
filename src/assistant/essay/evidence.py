"""A note's evidence: the passages kept on an outline note, described as the outline lists
them ("Shen, “Sino-Soviet Relations” — p. 52 · Section" and the start of the passage).

The pane first shows each row from the link alone, then fills in the passage's section and
text with `evidence_details`, which reads the index and so runs off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from assistant.essay.model import PassageLink

SNIPPET_CHARS = 140


class EvidenceDetail(NamedTuple):
    section: str
    page: str
    text: str


def evidence_details(
    index: Any, links: Iterable[PassageLink]
) -> dict[tuple[str, int], EvidenceDetail]:
    """The section, page and text of each linked passage, keyed by (source id, ordinal).
    A source the index cannot read (none built yet, or gone) is left out: its rows keep
    their short form."""
    links = list(links)
    details: dict[tuple[str, int], EvidenceDetail] = {}
    for source_id in {link.source_id for link in links}:
        try:
            passages = index.passages(source_id)
        except Exception:  # no index yet: the rows keep their short form
            continue
        wanted = {link.ordinal for link in links if link.source_id == source_id}
        for passage in passages:
            if passage.ordinal in wanted:
                details[(source_id, passage.ordinal)] = EvidenceDetail(
                    passage.section or "", passage.page or "", passage.text
                )
    return details


def evidence_label(
    link: PassageLink, source_label: str, section: str = "", page: str = "", text: str = ""
) -> str:
    """One evidence row: the source's short label, where the passage is, and below it the
    start of the passage, cut at a word within SNIPPET_CHARS."""
    page = page or link.page or ""
    where = f"p. {page}" if page else f"passage {link.ordinal + 1}"
    if section:
        where += f" · {section}"
    line = f"{source_label} — {where}"
    if text:
        words = " ".join(text.split())
        snippet = (
            words if len(words) <= SNIPPET_CHARS else words[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        )
        line += f"\n“{snippet}”"
    return line
