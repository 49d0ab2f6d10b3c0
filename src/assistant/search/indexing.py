"""Bringing the index in line with the library: only changed sources are re-indexed.

One Whoosh document per passage. Each source's passages are replaced as a unit when the
source file's content hash changes, so an unchanged corpus costs one hash per file and no
write. The hash of each indexed source lives in the index itself (a term on the source's first
passage), so it is committed atomically with the passages it describes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from whoosh import writing
from whoosh.index import LockError

from assistant.library.errors import ImportFailed, LibraryError
from assistant.library.model import ImportProblem
from assistant.library.passages import word_count
from assistant.search import languages, whoosh_internals
from assistant.search.lifecycle import IndexStore
from assistant.search.results import IndexReport
from assistant.search.schema import INDEX_SIGNATURE, passage_fields

if TYPE_CHECKING:
    from assistant.library.corpus import Library

log = logging.getLogger(__name__)

# Beyond this many words a (re)build uses a second process for analysis.
MULTIPROCESS_WORDS = 300_000

ProgressCallback = Callable[[int, int, str], None]


def update_index(
    store: IndexStore,
    library: Library,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    rebuild: bool = False,
    lock_timeout: float = 10.0,
) -> IndexReport:
    """Bring the index in line with the library; only changed sources are re-indexed."""
    report = IndexReport(problems=list(library.problems))
    if not library.corpus_dir.is_dir():
        # An unmounted drive or a moved folder must not empty the index.
        return report
    ix, report.rebuilt_reason, replace_all = store.open_or_rebuild(rebuild)
    previously = store.indexed_hashes(ix)
    indexed = {} if replace_all else previously

    present: set[str] = set()
    changed: list[tuple[str, str]] = []
    for source in library.sources:
        if source.path is None:
            continue
        present.add(source.id)
        try:
            # The language named in the metadata is part of what was indexed.
            named = languages.from_csl(source.item.get("language")) or "-"
            digest = f"{named}:{library.content_hash(source.id)}{INDEX_SIGNATURE}"
        except (ImportFailed, LibraryError) as error:
            report.problems.append(ImportProblem(source.path.name, _message(error)))
            continue
        if indexed.get(source.id) == digest:
            report.unchanged += 1
        else:
            changed.append((source.id, digest))
    removed = [sid for sid in previously if sid not in present]
    if not changed and not removed and not replace_all:
        return report

    try:
        writer = _writer(ix, _estimated_words(library, changed), lock_timeout)
    except LockError:
        report.busy = True
        report.problems.append(
            ImportProblem(
                str(store.index_dir),
                "another program is updating this index; nothing was changed. "
                "Try again when it has finished.",
            )
        )
        return report
    # Each source is parsed while the writer's worker processes index the ones before it (a
    # build of a large corpus keeps both cores busy from the start). Deleting the old
    # versions comes last: deletions only touch the segments committed before, never the
    # passages this writer adds.
    total = len(changed)
    parsed_ids: set[str] = set()
    try:
        for number, (source_id, digest) in enumerate(changed):
            if cancel is not None and cancel.is_set():
                return _cancelled(writer, report)
            if progress:
                progress(number, total, source_id)
            try:
                document = library.document(source_id)
                passages = document.passages
            except (ImportFailed, LibraryError) as error:
                failed = library.get(source_id)
                name = failed.path.name if failed and failed.path else source_id
                # The previous version (if any) stays indexed: a broken edit loses nothing.
                report.problems.append(ImportProblem(name, _message(error)))
                continue
            item = library.get(source_id)
            if document.warnings:  # e.g. scanned pages left without OCR
                name = item.path.name if item and item.path else source_id
                report.problems.extend(ImportProblem(name, w) for w in document.warnings)
            language = languages.source_language(item.item if item else {}, document.text)
            for passage in passages:
                writer.add_document(**passage_fields(passage, digest, language))
            parsed_ids.add(source_id)
            report.words += sum(word_count(p.text) for p in passages)
            report.passages += len(passages)
            report.indexed += 1
        if cancel is not None and cancel.is_set():
            return _cancelled(writer, report)
        # Replacing everything (CLEAR) would also drop the last good version of a source
        # that failed to parse this time; then replace source by source instead.
        clear = replace_all and all(sid in parsed_ids for sid in previously if sid in present)
        if clear:
            writer.commit(mergetype=writing.CLEAR)
        else:
            for source_id in removed:
                writer.delete_by_term("source", source_id)
            for source_id in sorted(parsed_ids & previously.keys()):
                writer.delete_by_term("source", source_id)
            writer.commit()
        report.removed = len(removed)
    except BaseException:
        try:
            writer.cancel()
        except Exception:
            # Its traceback would reach the CLI's stderr; the cause is raised just below.
            log.debug("cancelling the index writer failed", exc_info=True)
        raise
    if progress:
        progress(total, total, "")
    store.forget_searchers()
    return report


def _cancelled(writer: Any, report: IndexReport) -> IndexReport:
    writer.cancel()
    report.cancelled = True
    report.indexed = 0
    return report


def _writer(ix: Any, words: int, timeout: float) -> Any:
    """A writer for about `words` words: two worker processes for a large batch."""
    if words >= MULTIPROCESS_WORDS:
        # One segment per process and no merge at commit: the merge would cost the time the
        # second core saved.
        return whoosh_internals.open_writer(ix, procs=2, limitmb=256, timeout=timeout)
    return whoosh_internals.open_writer(ix, procs=1, limitmb=128, timeout=timeout)


def _estimated_words(library: Library, changed: list[tuple[str, str]]) -> int:
    """About how many words the changed sources hold, from their file sizes (about six
    bytes a word in text; PDF and .docx files differ, which only affects the choice between
    one and two indexing processes)."""
    size = 0
    for source_id, _ in changed:
        source = library.get(source_id)
        if source is not None and source.path is not None:
            with suppress(OSError):
                size += source.path.stat().st_size
    return size // 6


def _message(error: Exception) -> str:
    return getattr(error, "message", None) or str(error)
