"""The evidence rows of an outline note: the passage's place and opening words."""

from __future__ import annotations

from assistant.essay.evidence import EvidenceDetail, evidence_details, evidence_label
from assistant.essay.model import PassageLink
from assistant.library.model import Passage

SHEN = "Shen, “Sino-Soviet Relations”"


def test_a_row_names_the_page_or_the_passage_and_its_section() -> None:
    assert evidence_label(PassageLink("shen", 14, "52"), SHEN) == f"{SHEN} — p. 52"
    assert evidence_label(PassageLink("shen", 14, None), SHEN) == f"{SHEN} — passage 15"
    assert (
        evidence_label(PassageLink("shen", 14, None), SHEN, "Stalin's motives", "53")
        == f"{SHEN} — p. 53 · Stalin's motives"
    )


def test_the_passage_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    short = evidence_label(PassageLink("shen", 0, "1"), SHEN, text="Kim  Il-sung\nasked.")
    assert short == f"{SHEN} — p. 1\n“Kim Il-sung asked.”"
    words = "defense perimeter " * 20
    row = evidence_label(PassageLink("shen", 0, "1"), SHEN, text=words)
    snippet = row.split("\n", 1)[1]
    assert snippet.endswith(" …”") and len(snippet) <= 140 + 4
    assert snippet.removeprefix("“").removesuffix(" …”").split() == words.split()[:15]


class _Index:
    def __init__(self) -> None:
        self.sources = {
            "shen": [
                Passage("shen", 13, "Before.", section="Intro", page="51"),
                Passage("shen", 14, "The telegram.", section="Intro > Stalin", page="52"),
            ]
        }

    def passages(self, source_id: str) -> list[Passage]:
        if source_id not in self.sources:
            raise KeyError(source_id)
        return self.sources[source_id]


def test_details_are_read_for_the_linked_passages_only_and_a_missing_source_is_skipped() -> None:
    links = [PassageLink("shen", 14, "52"), PassageLink("gone", 3, None)]
    assert evidence_details(_Index(), links) == {
        ("shen", 14): EvidenceDetail("Intro > Stalin", "52", "The telegram.")
    }
