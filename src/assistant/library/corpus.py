"""The corpus folder: document files plus `sources.json`, a CSL-JSON array keyed by file stem.

Opening never raises on bad metadata: each unusable entry becomes an `ImportProblem` and the
rest of the library still works. Writing never throws away what it could not understand:
entries that failed validation are written back untouched, and a `sources.json` that is not
even readable JSON is never overwritten.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import shutil
import threading
from pathlib import Path
from typing import Any

from assistant.atomic import replace_atomically
from assistant.library.errors import ImportFailed, LibraryError
from assistant.library.importers import SUPPORTED_SUFFIXES, load_document, title_from_text
from assistant.library.metadata import (
    generated_id,
    read_metadata_file,
    slugify,
    unique_id,
    validate_item,
)
from assistant.library.model import Document, ImportProblem, Source
from assistant.library.ocr import NeedsOcr, OcrContext
from assistant.library.pdf.document import import_options_key

SOURCES_FILE = "sources.json"


def file_hash(path: Path) -> str:
    digest = hashlib.sha1()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Library:
    """Sources of one corpus folder. Use `Library.open(folder)`."""

    def __init__(self, corpus_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.problems: list[ImportProblem] = []
        self._raw: list[Any] = []
        self._writable = True
        self._sources: dict[str, Source] = {}
        self._documents: dict[str, tuple[str, Document]] = {}
        self._lock = threading.RLock()
        # Scanned pages: None never runs OCR; the indexer sets a context that does.
        self.ocr: OcrContext | None = None

    # ----------------------------------------------------------------------------------------
    # Reading

    @classmethod
    def open(cls, corpus_dir: Path) -> Library:
        library = cls(corpus_dir)
        library.reload()
        return library

    def reload(self) -> None:
        """Re-read sources.json and the folder's files."""
        with self._lock:
            self.problems = []
            self._raw = self._read_raw()
            self._sources = self._validate()

    @property
    def sources_path(self) -> Path:
        return self.corpus_dir / SOURCES_FILE

    def _problem(self, path: str, message: str) -> None:
        self.problems.append(ImportProblem(path, message))

    def _read_raw(self) -> list[Any]:
        self._writable = True
        if not self.corpus_dir.is_dir():
            self._writable = False
            self._problem(str(self.corpus_dir), "the corpus folder does not exist.")
            return []
        path = self.sources_path
        if not path.exists():
            return []
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            self._writable = False
            detail = (
                f"line {error.lineno}, column {error.colno}: {error.msg}"
                if isinstance(error, json.JSONDecodeError)
                else "not UTF-8 text"
            )
            self._problem(
                SOURCES_FILE,
                f"cannot be read ({detail}); documents are listed without their metadata and "
                "the file will not be changed until it is fixed.",
            )
            return []
        except OSError as error:
            self._writable = False
            self._problem(SOURCES_FILE, f"cannot be read ({error.strerror}).")
            return []
        if not isinstance(data, list):
            self._writable = False
            self._problem(
                SOURCES_FILE,
                f"must be a JSON array of CSL-JSON items, not a {type(data).__name__}; "
                "the file will not be changed until it is fixed.",
            )
            return []
        return data

    def _document_files(self) -> dict[str, list[Path]]:
        files: dict[str, list[Path]] = {}
        if not self.corpus_dir.is_dir():
            return files
        for path in sorted(self.corpus_dir.iterdir()):
            if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
                files.setdefault(path.stem, []).append(path)
        for paths in files.values():
            paths.sort(key=lambda p: SUPPORTED_SUFFIXES.index(p.suffix.lower()))
        return files

    def _validate(self) -> dict[str, Source]:
        files = self._document_files()
        sources: dict[str, Source] = {}
        for position, item in enumerate(self._raw, start=1):
            reason = validate_item(item)
            if reason:
                self._problem(SOURCES_FILE, f"entry {position}: {reason}")
                continue
            source_id = item["id"]
            if source_id in sources:
                self._problem(
                    SOURCES_FILE,
                    f"entry {position}: the id '{source_id}' is used twice; the first entry is "
                    "used and this one is ignored.",
                )
                continue
            paths = files.get(source_id, [])
            if not paths:
                self._problem(
                    SOURCES_FILE,
                    f"'{source_id}' has no document file (looked for {source_id}.md, .txt, "
                    ".docx or .pdf in the corpus folder); it can be cited but not searched.",
                )
            elif len(paths) > 1:
                self._problem(
                    paths[1].name,
                    f"'{source_id}' has several document files; {paths[0].name} is used.",
                )
            sources[source_id] = Source(item=item, path=paths[0] if paths else None)
        # A document dropped into the folder without metadata is still a source.
        for stem, paths in files.items():
            if stem not in sources:
                sources[stem] = Source(item=_minimal_item(stem, paths[0]), path=paths[0])
        return sources

    @property
    def sources(self) -> list[Source]:
        with self._lock:
            return sorted(self._sources.values(), key=lambda s: s.id)

    def get(self, source_id: str) -> Source | None:
        return self._sources.get(source_id)

    def items(self) -> dict[str, dict]:
        """CSL-JSON items by id (copies: edit them through `update_item`)."""
        with self._lock:
            return {sid: copy.deepcopy(s.item) for sid, s in sorted(self._sources.items())}

    def content_hash(self, source_id: str) -> str:
        source = self._require(source_id)
        if source.path is None:
            raise ImportFailed(source_id, "the source has no document file.")
        try:
            # A PDF's page offset and a scan's OCR language change its passages too.
            return file_hash(source.path) + import_options_key(source.path, source.item)
        except OSError as error:
            raise ImportFailed(source.path.name, f"cannot be read ({error.strerror}).") from error

    def document(self, source_id: str) -> Document:
        """The parsed document, cached by the file's content hash."""
        source = self._require(source_id)
        if source.path is None:
            raise ImportFailed(source_id, "the source has no document file to read.")
        digest = self.content_hash(source_id)
        with self._lock:
            cached = self._documents.get(source_id)
            if cached and cached[0] == digest:
                return cached[1]
        document = load_document(source.path, source_id, source.item, self.ocr)
        with self._lock:
            self._documents[source_id] = (digest, document)
        return document

    def _require(self, source_id: str) -> Source:
        source = self._sources.get(source_id)
        if source is None:
            raise LibraryError(f"There is no source '{source_id}' in {self.corpus_dir}.")
        return source

    # ----------------------------------------------------------------------------------------
    # Writing

    def _write(self) -> None:
        if not self._writable:
            raise LibraryError(
                f"{self.sources_path} could not be read, so it is not overwritten; fix or remove "
                "it first (the problems list says what is wrong)."
            )
        text = json.dumps(self._raw, ensure_ascii=False, indent=2) + "\n"
        replace_atomically(self.sources_path, text.encode("utf-8"))

    def _raw_index(self, source_id: str) -> int | None:
        for index, item in enumerate(self._raw):
            if isinstance(item, dict) and item.get("id") == source_id:
                return index
        return None

    def add_file(self, path: Path, item: dict | None = None) -> Source:
        """Copy a document into the corpus under its id and record its metadata.

        The file is parsed first, so a file that cannot be read is refused (ImportFailed)
        before anything in the corpus changes.
        """
        path = Path(path)
        with self._lock:
            if item is not None:
                reason = validate_item(item)
                if reason:
                    raise LibraryError(f"The metadata cannot be used: {reason}")
                source_id = item["id"]
                existing = self._sources.get(source_id)
                if existing is not None and existing.path is not None:
                    raise LibraryError(
                        f"A source with the id '{source_id}' already has a document "
                        f"({existing.path.name}); remove it first or choose another id."
                    )
            else:
                taken = set(self._sources) | set(self._document_files())
                source_id = unique_id(slugify(path.stem), taken)
            # Raises ImportFailed with the reason; a scan is accepted, its pages are
            # recognised when the library is indexed.
            with contextlib.suppress(NeedsOcr):
                load_document(path, source_id, item)
            if not self._writable:
                self._write()  # raises the explanation before a file is copied
            target = self.corpus_dir / f"{source_id}{path.suffix.lower()}"
            if path.resolve() != target.resolve():
                shutil.copyfile(path, target)
            new_item = dict(item) if item is not None else _minimal_item(source_id, path)
            index = self._raw_index(source_id)
            if index is None:
                self._raw.append(new_item)
            elif item is not None:
                self._raw[index] = new_item
            try:
                self._write()
            except BaseException:
                if path.resolve() != target.resolve():
                    target.unlink(missing_ok=True)
                raise
            self.reload()
            return self._sources[source_id]

    def update_item(self, item: dict) -> None:
        """Replace a source's metadata (matched by id), or add metadata for a new id."""
        reason = validate_item(item)
        if reason:
            raise LibraryError(f"The metadata cannot be used: {reason}")
        with self._lock:
            index = self._raw_index(item["id"])
            if index is None:
                self._raw.append(copy.deepcopy(item))
            else:
                self._raw[index] = copy.deepcopy(item)
            self._write()
            self.reload()

    def remove(self, source_id: str, delete_file: bool = False) -> None:
        """Drop a source's metadata; with delete_file, also its document file."""
        with self._lock:
            source = self._require(source_id)
            self._raw = [
                entry
                for entry in self._raw
                if not (isinstance(entry, dict) and entry.get("id") == source_id)
            ]
            self._write()
            if delete_file and source.path is not None:
                source.path.unlink(missing_ok=True)
            self._documents.pop(source_id, None)
            self.reload()

    def import_metadata(self, path: Path) -> list[dict]:
        """Merge a Zotero export (CSL-JSON, .bib or .ris) into sources.json.

        Items whose id matches an existing source update it; others are added. Items without
        an id get one from first author and year. Returns the imported items.
        """
        path = Path(path)
        items = read_metadata_file(path)
        with self._lock:
            taken: set[str] = {
                str(e["id"]) for e in self._raw if isinstance(e, dict) and e.get("id")
            }
            accepted: list[dict] = []
            rejected: list[str] = []
            for position, item in enumerate(items, start=1):
                if isinstance(item, dict) and not item.get("id"):
                    item = {**item, "id": unique_id(generated_id(item), taken)}
                reason = validate_item(item)
                if reason:
                    rejected.append(f"record {position}: {reason}")
                    continue
                accepted.append(item)
            if not accepted:
                raise ImportFailed(path.name, "no usable record. " + " ".join(rejected[:3]))
            for item in accepted:
                index = self._raw_index(item["id"])
                if index is None:
                    self._raw.append(item)
                    taken.add(item["id"])
                else:
                    merged = dict(self._raw[index])
                    merged.update(item)
                    self._raw[index] = merged
            self._write()
            self.reload()
            for message in rejected:
                self._problem(path.name, message)
            return accepted


def _minimal_item(source_id: str, path: Path) -> dict[str, Any]:
    """Metadata guessed from the file itself, for the writer to complete later."""
    title = ""
    author: list[dict[str, str]] = []
    suffix = path.suffix.lower()
    try:
        if suffix in (".md", ".txt"):
            title = title_from_text(path)
        elif suffix == ".docx":
            import docx

            from assistant.library.importers import check_docx_zip

            check_docx_zip(path)  # never inflate a zip bomb just to read its title
            properties = docx.Document(str(path)).core_properties
            title = properties.title or ""
            if properties.author:
                author = [{"literal": properties.author}]
        elif suffix == ".pdf":
            from pypdf import PdfReader

            info = PdfReader(str(path)).metadata
            if info is not None:
                title = str(info.title or "")
                if info.author:
                    author = [{"literal": str(info.author)}]
    except Exception:  # metadata is a convenience; the document itself was checked separately
        title = ""
    item: dict[str, Any] = {"id": source_id, "type": "document", "title": title or path.stem}
    if author:
        item["author"] = author
    return item
