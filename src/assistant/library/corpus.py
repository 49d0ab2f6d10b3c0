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
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.atomic import copy_atomically, replace_atomically, sweep_temporaries
from assistant.library.errors import ImportFailed, LibraryError
from assistant.library.importers import SUPPORTED_SUFFIXES, load_document, title_from_text
from assistant.library.metadata import slugify, unique_id, validate_item
from assistant.library.model import Document, ImportProblem, Source
from assistant.library.ocr import NeedsOcr, OcrContext
from assistant.library.pdf.document import import_options_key

if TYPE_CHECKING:
    from assistant.library.importing import ImportRecord, ImportReport

SOURCES_FILE = "sources.json"
# Where removed documents go (Library.set_aside); never read as sources.
REMOVED_DIR = ".removed"
# Folders of tools that live inside a notes vault; hidden folders are skipped too.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "_site"})


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
        # Folders (relative, ending in "/") not read because they are hidden or app folders.
        self.skipped: list[str] = []
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
        sweep_temporaries(Path(corpus_dir), suffixes=(SOURCES_FILE, *SUPPORTED_SUFFIXES))
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
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            self._writable = False
            detail = (
                f"line {error.lineno}, column {error.colno}: {error.msg}"
                if isinstance(error, json.JSONDecodeError)
                else "nested too deeply to be CSL-JSON"
                if isinstance(error, RecursionError)
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
        """Document files by stem, read through subfolders (an Obsidian-style vault).

        Hidden folders and app folders (`.removed`, `.obsidian`, `.git`, …) are skipped and
        listed in `skipped`; a file at the top level wins over one of the same name deeper.
        """
        files: dict[str, list[Path]] = {}
        skipped: list[str] = []
        if not self.corpus_dir.is_dir():
            self.skipped = skipped
            return files
        for folder, subfolders, names in os.walk(self.corpus_dir):
            here = Path(folder)
            kept = []
            for name in sorted(subfolders):
                if name.startswith(".") or name in SKIPPED_FOLDERS:
                    relative = (here / name).relative_to(self.corpus_dir).as_posix()
                    if name != REMOVED_DIR or here != self.corpus_dir:
                        skipped.append(relative + "/")
                else:
                    kept.append(name)
            subfolders[:] = kept
            for name in sorted(names):
                path = here / name
                if name.startswith("."):
                    continue
                if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
                    files.setdefault(path.stem, []).append(path)
        for paths in files.values():
            paths.sort(
                key=lambda p: (
                    len(p.relative_to(self.corpus_dir).parts),
                    SUPPORTED_SUFFIXES.index(p.suffix.lower()),
                    p.as_posix(),
                )
            )
        self.skipped = skipped
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
                    ".docx or .pdf in the corpus folder and its subfolders); it can be cited "
                    "but not searched.",
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
        """CSL-JSON items by id, as drafts cite and export them (copies: edit them through
        `update_item`). The library's own fields (the import record, Zotero notes) are left
        out, so they never travel into an essay or an exported draft; `get(id).item` has
        them."""
        from assistant.library.importing import citable

        with self._lock:
            return {sid: citable(s.item) for sid, s in sorted(self._sources.items())}

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
                try:
                    copy_atomically(path, target)  # a full disk leaves no truncated copy
                except OSError as error:
                    raise LibraryError(
                        f"{path.name} could not be copied into {self.corpus_dir} "
                        f"({error.strerror or error}); nothing was added."
                    ) from error
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
            from assistant.library.importing import PRIVATE_FIELDS

            index = self._raw_index(item["id"])
            if index is None:
                self._raw.append(copy.deepcopy(item))
            else:
                # An item edited from `items()` lacks the library's own fields; keep them.
                kept = {k: v for k, v in self._raw[index].items() if k in PRIVATE_FIELDS}
                self._raw[index] = {**kept, **copy.deepcopy(item)}
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

    def set_aside(self, source_id: str) -> Path | None:
        """Take a source out of the library, moving its file to `<corpus>/.removed/`.

        Every document file in the corpus folder is a source, so the file has to leave the
        folder; it is moved, never deleted, so a slip of the mouse destroys nothing. A file of
        the same name already set aside is kept too (`name~2.md`). Returns where the file went
        (None when the source had no file).
        """
        with self._lock:
            source = self._require(source_id)
            path = source.path
            self.remove(source_id, delete_file=False)
            if path is None or not path.exists():
                return None
            folder = self.corpus_dir / REMOVED_DIR
            folder.mkdir(exist_ok=True)
            target = folder / path.name
            counter = 1
            while target.exists():
                counter += 1
                target = folder / f"{path.stem}~{counter}{path.suffix}"
            path.replace(target)
            self.reload()
            return target

    def import_metadata(self, path: Path) -> list[dict]:
        """Import a Zotero export (CSL-JSON, .bib or .ris); the imported items.

        Raises ImportFailed when the file cannot be read or holds no usable record; what was
        kept back (duplicates, edited sources) is in `problems`. See `import_export`.
        """
        report = self.import_export(path)
        items = self.items()
        return [items[i] for i in report.imported if i in items]

    def import_export(self, path: Path, replace_edited: bool = False) -> ImportReport:
        """Import the records of an export file under the import rule (`importing`)."""
        from assistant.library.importing import ImportRecord
        from assistant.library.metadata import read_export

        path = Path(path)
        export = read_export(path)
        records = [
            ImportRecord(item=item, origin=origin, generated_id=generated)
            for item, origin, generated in zip(
                export.items, export.origins, export.generated, strict=True
            )
        ]
        if not records:
            raise ImportFailed(path.name, "no usable record. " + " ".join(export.problems[:3]))
        return self.import_records(
            records, export.kind, path.name, replace_edited, problems=export.problems
        )

    def import_records(
        self,
        records: list[ImportRecord],
        kind: str,
        source_label: str,
        replace_edited: bool = False,
        problems: list[str] | None = None,
    ) -> ImportReport:
        """Add or update sources from imported records, copying their documents in."""
        from assistant.library.importing import plan_import

        with self._lock:
            if not self._writable:
                self._write()  # raises the explanation before anything changes
            files = self._document_files()
            sources = self._sources

            def document_digest(source_id: str) -> str | None:
                source = sources.get(source_id)
                if source is None or source.path is None:
                    return None
                try:
                    return file_hash(source.path)
                except OSError:
                    return None

            plan = plan_import(
                self._raw,
                records,
                kind,
                source_label,
                document_ids=set(files),
                replace_edited=replace_edited,
                document_digest=document_digest,
            )
            plan.report.problems[:0] = list(problems or [])
            written: list[Path] = []
            try:
                for source_id, document in plan.copies:
                    old = sources.get(source_id)
                    target = self.corpus_dir / f"{source_id}{document.suffix.lower()}"
                    copy_atomically(document, target)
                    written.append(target)
                    if old is not None and old.path is not None and old.path != target:
                        old.path.unlink(missing_ok=True)
                self._raw = plan.raw
                self._write()
            except BaseException:
                for target in written:
                    target.unlink(missing_ok=True)
                self.reload()
                raise
            self.reload()
            for message in plan.report.messages():
                self._problem(source_label, message)
            return plan.report


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
