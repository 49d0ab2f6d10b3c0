"""What killed index writers leave behind, swept before every index run.

A build killed mid-way (a crash, a power cut, the app closed hard) leaves Whoosh's scratch
folder `MAIN.tmp` (posting pools, up to hundreds of MB), segment files that no table of
contents lists (often empty), and `_MAIN_N.toc.<random>` files from a table of contents that
was never renamed into place. Whoosh only deletes unlisted segments after a successful commit,
and never the rest. The sweep runs only while it holds the index's write lock, so no writer is
running: whatever the current table of contents does not list is litter.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, clean_files

INDEX_NAME = "MAIN"  # Whoosh's default index name, the one SearchIndex uses


def sweep_index_litter(index_dir: Path, indexname: str = INDEX_NAME) -> list[str]:
    """Delete a killed writer's leftovers in `index_dir`; returns the names deleted.

    Does nothing while another writer holds the lock, and nothing when the table of contents
    cannot be read (the damaged index is then rebuilt, which clears the folder).
    """
    folder = Path(index_dir)
    if not folder.is_dir():
        return []
    storage = FileStorage(str(folder))
    lock = storage.lock(f"{indexname}_WRITELOCK")
    try:
        if not lock.acquire(blocking=False):
            return []
    except OSError:  # a read-only folder: nothing can be swept, nor written, anyway
        return []
    try:
        before = set(storage.list())
        scratch = folder / f"{indexname}.tmp"
        if scratch.is_dir():
            shutil.rmtree(scratch, ignore_errors=True)
        toc_temporary = re.compile(rf"_{re.escape(indexname)}_[0-9]+\.toc\..+")
        for name in before:
            if toc_temporary.fullmatch(name):
                with contextlib.suppress(OSError):
                    storage.delete_file(name)
        generation = TOC._latest_generation(storage, indexname)
        if generation >= 0:
            try:
                segments = TOC.read(storage, indexname, generation).segments
            except Exception:  # damaged: the caller rebuilds the index from scratch
                segments = None
            if segments is not None:
                clean_files(storage, indexname, generation, segments)
        return sorted(before - set(storage.list()))
    finally:
        lock.release()
