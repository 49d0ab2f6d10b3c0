"""Opening the index folder: checking what is there, rebuilding what cannot be used, and a
searcher per thread on the latest commit.

Reading is safe while another thread or process writes: Whoosh commits by writing new
segment files and then atomically replacing its table of contents, and every search opens (or
refreshes) a searcher on the latest committed generation.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from assistant.search.errors import IndexUnavailable
from assistant.search.litter import sweep_index_litter
from assistant.search.schema import HASH_SEPARATOR, INDEX_SIGNATURE, make_schema, signature
from assistant.search.scoring import CachedLengthBM25F

log = logging.getLogger(__name__)

_WHOOSH_SUFFIXES = (".toc", ".seg", ".trm", ".pst", ".col", ".dci", ".dcz", ".fdi")


class IndexStore:
    """The Whoosh index in `index_dir`, opened once and shared by the threads of a process."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        self.schema = make_schema()
        self._ix: Any = None
        self._ix_lock = threading.RLock()
        # Per thread: its searcher and tables derived from it (see `cached`).
        self._local = threading.local()

    def open(self) -> Any:
        """The Whoosh index object, or raise IndexUnavailable."""
        with self._ix_lock:
            if self._ix is not None:
                return self._ix
            if not self.exists():
                raise IndexUnavailable(f"There is no index in {self.index_dir} yet; index first.")
            try:
                ix = whoosh_index.open_dir(str(self.index_dir))
                self._check(ix)
            except IndexUnavailable:
                raise
            except Exception as error:
                raise IndexUnavailable(
                    f"The index in {self.index_dir} is damaged ({error}); re-index to rebuild it."
                ) from error
            self._ix = ix
            return ix

    def exists(self) -> bool:
        """Whether an index was committed here (True if committed but unreadable)."""
        try:
            return bool(whoosh_index.exists_in(str(self.index_dir)))
        except Exception:
            # exists_in reads the table of contents; garbage there still means "an index".
            return True

    def _check(self, ix: Any) -> None:
        if signature(ix.schema) != signature(self.schema):
            raise IndexUnavailable("the index was made by another version of the app")
        with ix.reader() as reader:
            reader.doc_count()
            # Touch every segment's term dictionary: truncated files fail here, not mid-search.
            for term in reader.lexicon("srchash"):
                text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                if not text.endswith(INDEX_SIGNATURE):
                    raise IndexUnavailable(
                        "the index was made by another version of the app or of Whoosh"
                    )

    def open_or_rebuild(self, rebuild: bool) -> tuple[Any, str | None, bool]:
        """(index, why it was rebuilt, whether the next commit replaces everything)."""
        reason: str | None = None
        with self._ix_lock:
            sweep_index_litter(self.index_dir)
            self._ix = None
            self.forget_searchers()
            if self.exists():
                try:
                    ix = whoosh_index.open_dir(str(self.index_dir))
                    self._check(ix)
                    self._ix = ix
                    # A requested rebuild of a readable index replaces it at commit time
                    # (Whoosh's CLEAR merge), so searches keep using the old one until then.
                    return ix, ("rebuilt on request" if rebuild else None), rebuild
                except Exception as error:
                    reason = (
                        f"The index in {self.index_dir} could not be read ({error}); "
                        "it was rebuilt from the corpus."
                    )
                    log.info(reason)  # the report carries it; callers show it once
            elif self.index_dir.exists() and any(
                p.name.endswith((".toc", ".seg", ".trm", ".pst")) for p in self.index_dir.iterdir()
            ):
                reason = (
                    f"The index in {self.index_dir} was incomplete (a build was interrupted); "
                    "it was rebuilt from the corpus."
                )
            elif rebuild:
                reason = "rebuilt on request"
            self._clear_dir()
            self.index_dir.mkdir(parents=True, exist_ok=True)
            ix = whoosh_index.create_in(str(self.index_dir), self.schema)
            self._ix = ix
            return ix, reason, False

    def _clear_dir(self) -> None:
        """Delete Whoosh's files only: the folder may hold a README or the user's files."""
        if not self.index_dir.is_dir():
            return
        for path in self.index_dir.iterdir():
            whoosh_file = (
                path.suffix in _WHOOSH_SUFFIXES
                or path.name.startswith(("_MAIN_", "MAIN_"))
                or (path.suffix in (".lock", ".tmp") or path.name.endswith("WRITELOCK"))
            )
            if whoosh_file:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)

    def indexed_hashes(self, ix: Any | None = None) -> dict[str, str]:
        """The content hash of every indexed source."""
        ix = ix or self.open()
        hashes: dict[str, str] = {}
        with ix.reader() as reader:
            for term in reader.lexicon("srchash"):
                text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                source_id, _, digest = text.rpartition(HASH_SEPARATOR)
                hashes[source_id] = digest
        return hashes

    def forget_searchers(self) -> None:
        with self._ix_lock:
            self._local.__dict__.clear()

    @contextmanager
    def searcher(self) -> Iterator[Any]:
        """A searcher on the latest commit, reused per thread while the index is unchanged."""
        ix = self.open()
        searcher = getattr(self._local, "searcher", None)
        try:
            if searcher is None:
                searcher = ix.searcher(weighting=CachedLengthBM25F())
            elif not searcher.up_to_date():
                # Not Searcher.refresh(): reusing segment readers across a CLEAR commit keeps
                # the replaced segments alive (the count doubles). A new searcher is cheap.
                searcher.close()
                searcher = ix.searcher(weighting=CachedLengthBM25F())
        except Exception as error:
            self._local.__dict__.clear()
            raise IndexUnavailable(
                f"The index in {self.index_dir} cannot be read ({error}); re-index to repair it."
            ) from error
        self._local.searcher = searcher
        yield searcher

    def cached(self, searcher: Any, name: str, compute: Any) -> Any:
        """`compute(searcher)`, kept for this thread until its searcher changes."""
        cached = getattr(self._local, name, None)
        if cached is None or cached[0] is not searcher:
            cached = (searcher, compute(searcher))
            setattr(self._local, name, cached)
        return cached[1]
