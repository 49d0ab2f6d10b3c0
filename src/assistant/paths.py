"""Where the bundled resources, the default corpus and the default index live."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = _PACKAGE_DIR.parents[1]


def resources_dir() -> Path:
    """The `resources/` folder: the checkout's in an editable install, else the wheel's copy."""
    checkout = _CHECKOUT_ROOT / "resources"
    if checkout.is_dir():
        return checkout
    return _PACKAGE_DIR / "_resources"


def bundled_corpus_dir() -> Path:
    """The sample corpus the app opens on by default."""
    return resources_dir() / "corpus"


def user_data_dir() -> Path:
    """Per-user writable folder (XDG on Linux, the usual places elsewhere)."""
    override = os.environ.get("ASSISTANT_DATA_DIR")
    if override:
        return Path(override)
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "essay-assistant"


def default_index_dir(corpus_dir: Path | None = None) -> Path:
    """The index for a corpus.

    The bundled corpus is indexed into the checkout's `index/` folder when that is writable
    (the design card's home for it); any other corpus gets its own folder under the user's
    data dir, keyed by the corpus path, so two corpora never overwrite each other's index.
    """
    override = os.environ.get("ASSISTANT_INDEX_DIR")
    if override:
        return Path(override)
    corpus = (corpus_dir or bundled_corpus_dir()).resolve()
    checkout_index = _CHECKOUT_ROOT / "index"
    if (
        corpus == bundled_corpus_dir().resolve()
        and checkout_index.is_dir()
        and os.access(checkout_index, os.W_OK)
    ):
        return checkout_index
    import hashlib

    key = hashlib.sha1(str(corpus).encode("utf-8")).hexdigest()[:12]
    return user_data_dir() / "indexes" / f"{corpus.name}-{key}"
