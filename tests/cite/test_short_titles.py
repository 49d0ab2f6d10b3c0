"""Short titles derived by rule (CMOS 18 14.30) when an item has no `title-short`: the head
phrase of the main title, at most four words, never ending on a function word, an adjective
or an announcing abbreviation, never splitting a quotation or a question's verb from it, cut
with the title's own language's function words."""

from __future__ import annotations

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation
from assistant.cite.short_titles import derive_short_title


@pytest.mark.parametrize(
    ("title", "language", "short"),
    [
        # Four words or fewer (and five) stay whole; an initial article goes.
        ("The Korean War in World History", "en", "Korean War in World History"),
        ("Memoirs of Nikita Khrushchev", "en", "Memoirs of Nikita Khrushchev"),
        # The head phrase before the first prepositional phrase or second conjunct ...
        ("The Domestic Roots of the Korean War", "en", "Domestic Roots"),
        ("Moscow's Advisers and the North Korean Army, 1948-1950", "en", "Moscow's Advisers"),
        ("China's Changing Policies toward the Third World and the End", "en",
         "China's Changing Policies"),
        # ... the longest such phrase of up to four words ...
        ("Telegram from Mao Zedong to Zhou Enlai on Sending Troops to Korea", "en",
         "Telegram from Mao Zedong"),
        ("Russia and the West under Lenin and Stalin", "en", "Russia and the West"),
        ("My First Fifty Years in Politics", "en", "My First Fifty Years"),
        # ... a one-word head keeps the phrase it governs when that is four words at most.
        ("The Impact of the Korean War on the Cold War", "en", "Impact of the Korean War"),
        ("Record of Conversation between Soviet Ambassador A. M. Puzanov and Kim Il Sung",
         "en", "Record of Conversation"),
        # Never an adjective left before its noun, nor a coordinated modifier cut in two.
        ("The Discrepancy between the Russian and Chinese Versions of Mao's Message", "en",
         "Discrepancy"),
        ("The Soviet Union and the North Korean Seizure of the USS Pueblo", "en",
         "Soviet Union"),
        # A list of names is cut at its commas.
        ("Stalin, Mao, and the End of the Korean War", "en", "Stalin, Mao"),
        # Words naming the author again are not key words (the note names him).
        ("Selected Works of Mao Tse-tung", "en", "Selected Works"),
        # A question keeps its verb: never two words of it.
        ("Was 1968 a Strategic Watershed of the Cold War?", "en",
         "Was 1968 a Strategic Watershed"),
        ("Why Did Stalin Say Yes to Kim?", "en", "Why Did Stalin Say Yes to Kim?"),
        ("Weishenme women dui Meiguo qinlüe Chaoxian bu neng zhi zhi bu li?", "zh",
         "Weishenme women dui Meiguo"),
        # A quotation is never split, and the article inside its marks stays.
        ("\u201cThe Long Telegram\u201d and Its Critics in the State Department", "en",
         "\u201cThe Long Telegram\u201d"),
        # A long title in another language is cut too, with that language's function words.
        ("Doklad o boevykh deistviiakh Koreiskoi narodnoi armii", "ru",
         "Doklad o boevykh deistviiakh"),
        ("Vypiska iz protokola no. 78 zasedaniia Politbiuro TsK VKP(b)", "ru",
         "Vypiska iz protokola no. 78"),
        ("Советский Союз и корейская война в документах", "ru", "Советский Союз"),
        ("SSSR i Stalin v sud'bakh Kitaia", "ru", "SSSR i Stalin"),
        ("La guerre de Corée et la politique étrangère de la France", "fr",
         "La guerre de Corée"),
        # (The kept German article is not counted, as the English one is dropped: four
        # words, as "Russia and the West" above.)
        ("Die Sowjetunion und der Koreakrieg in den Akten des Politbüros", "de",
         "Die Sowjetunion und der Koreakrieg"),
        ("Guerra fría y descolonización en el sudeste asiático", "es",
         "Guerra fría y descolonización"),
        ("Kangmei yuanchao zhanzheng de lishi jingyan he jiaoxun", "zh",
         "Kangmei yuanchao zhanzheng"),
        # Years set off by a comma go, a Russian "gg." with them.
        ("Sovetskii Soiuz i Koreiskaia voina, 1950-1953 gg.", "ru",
         "Sovetskii Soiuz i Koreiskaia voina"),
        # A parenthesised year is no key word.
        ("Mao Zedong zhuan (1949-1976)", "zh", "Mao Zedong zhuan"),
    ],
)  # fmt: skip
def test_short_title_by_rule_14_30(title: str, language: str, short: str) -> None:
    assert derive_short_title(title, language, ["Mao"]) == short


def test_a_short_title_the_writer_set_is_kept() -> None:
    item = {
        "id": "x",
        "type": "book",
        "title": "The Discrepancy between the Russian and Chinese Versions",
        "title-short": "Discrepancy between the Versions",
        "author": [{"family": "Shen", "given": "Zhihua"}],
        "issued": {"date-parts": [[1996]]},
    }
    engine = ChicagoEngine({"x": item})
    assert engine.short_note(Citation("x", "3")).html() == (
        "Shen, <i>Discrepancy between the Versions</i>, 3."
    )
