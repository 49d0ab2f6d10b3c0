"""Tesseract language models for a source, from its CSL `language` field.

CSL `language` holds a BCP 47 tag ("en-US", "ru", "zh-Hans") or, in Zotero exports, sometimes
a name ("Russian"). Tesseract wants its own model names (eng, rus, chi_sim).
"""

from __future__ import annotations

import re

_BY_CODE = {
    "en": "eng", "ru": "rus", "uk": "ukr", "be": "bel", "bg": "bul", "sr": "srp",
    "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
    "pl": "pol", "cs": "ces", "sk": "slk", "hu": "hun", "ro": "ron", "hr": "hrv",
    "sl": "slv", "sv": "swe", "da": "dan", "no": "nor", "nb": "nor", "fi": "fin",
    "et": "est", "lv": "lav", "lt": "lit", "el": "ell", "tr": "tur", "la": "lat",
    "ja": "jpn", "ko": "kor", "vi": "vie", "ar": "ara", "he": "heb", "fa": "fas",
    "ka": "kat", "hy": "hye", "mn": "mon", "kk": "kaz", "az": "aze", "uz": "uzb",
}  # fmt: skip
_BY_NAME = {
    "english": "eng", "russian": "rus", "chinese": "chi_sim", "german": "deu",
    "french": "fra", "spanish": "spa", "italian": "ita", "japanese": "jpn",
    "korean": "kor", "ukrainian": "ukr", "polish": "pol", "czech": "ces",
    "portuguese": "por", "latin": "lat", "mongolian": "mon", "hungarian": "hun",
    "русский": "rus", "中文": "chi_sim",
}  # fmt: skip
_TRADITIONAL = ("hant", "tw", "hk", "mo")
# Debian packages the data for a model as tesseract-ocr-<model with _ as ->.
NAMES = {"eng": "English", "rus": "Russian", "chi_sim": "Chinese (simplified)", "chi_tra":
         "Chinese (traditional)", "deu": "German", "fra": "French"}  # fmt: skip


def tesseract_languages(language: object) -> list[str]:
    """Model names for a CSL `language` value; [] when it is empty or unknown."""
    if not isinstance(language, str) or not language.strip():
        return []
    models: list[str] = []
    for part in re.split(r"[,;/+]|\s+and\s+", language):
        tag = part.strip().lower().replace("_", "-")
        if not tag:
            continue
        model = _BY_NAME.get(tag)
        if model is None:
            subtags = tag.split("-")
            if subtags[0] in ("zh", "cmn", "yue", "chi", "zho"):
                model = "chi_tra" if any(s in _TRADITIONAL for s in subtags[1:]) else "chi_sim"
            elif len(subtags[0]) == 3 and subtags[0].isalpha() and subtags[0] != "chi":
                model = subtags[0]  # already an ISO 639-2 code, as Tesseract names most models
            else:
                model = _BY_CODE.get(subtags[0])
        if model and model not in models:
            models.append(model)
    return models


def debian_package(model: str) -> str:
    return "tesseract-ocr-" + model.replace("_", "-")
