"""The one sentence splitter: citations' abbreviations and quoted periods do not end a sentence."""

from __future__ import annotations

from assistant.check.sentences import sentence_at, sentence_end, sentence_spans


def test_sentences_of_a_paragraph() -> None:
    text = "First one. Second “quoted.” Third? Fourth"
    assert sentence_at(text, 0) == "First one."
    assert sentence_at(text, 14) == "Second “quoted.”"
    assert sentence_at(text, len(text)) == "Fourth"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "First one.",
        "Second “quoted.”",
        "Third?",
        "Fourth",
    ]


def test_a_page_reference_does_not_end_the_sentence() -> None:
    text = "Shen argues this on p. 52 of his article. Stalin agreed in 1950."
    assert sentence_at(text, text.index("article")) == ("Shen argues this on p. 52 of his article.")
    assert sentence_at(text, text.index("Stalin")) == "Stalin agreed in 1950."


def test_other_citation_abbreviations_and_initials() -> None:
    text = "See vol. 2, pp. 10–12, and cf. J. F. Dulles, ed. Smith. Then more."
    assert sentence_at(text, 5) == "See vol. 2, pp. 10–12, and cf. J. F. Dulles, ed. Smith."


def test_a_period_inside_a_quotation_does_not_end_the_running_sentence() -> None:
    text = "He wrote “it was over. Nobody knew” and left. Next."
    expected = "He wrote “it was over. Nobody knew” and left."
    assert sentence_at(text, text.index("Nobody")) == expected


def test_edges() -> None:
    assert sentence_at("", 0) == ""
    assert sentence_at("   ", 1) == ""
    assert sentence_end("No end here", 0) == len("No end here")
    assert sentence_at("One.  Two.", 4) == "One."
    assert sentence_at("One.  Two.", 6) == "Two."
