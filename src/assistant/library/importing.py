"""The import rule: how records from Zotero or an export file join the library.

One rule for the command line and the Library dock:

- Every imported item remembers where it came from (`imported-from`: the kind of source, the
  record's key there — a Zotero item key, a BibTeX key, a fingerprint for a keyless RIS
  record — and a digest of the item as imported). Re-importing finds it by that key, so its id
  stays the same from one import to the next even when the id was generated.
- A record that changed at its source updates the item; one that did not is left alone.
- An item the writer edited in the app since it was imported (its digest no longer matches)
  is not overwritten: the import says so and keeps the writer's edit, unless asked to replace.
- A record whose id is already the id of another source (added by hand, or imported from
  elsewhere) is reported and not imported: it is never merged into that source silently. The
  one exception is a source that has only the details guessed from its file (a title from the
  file name): its metadata is what the writer is importing, so it is filled in.
- Two records of one import with the same id: the first is imported, the second reported.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.library.errors import ImportFailed
from assistant.library.ids import id_problem
from assistant.library.metadata import generated_id, unique_id, validate_item

if TYPE_CHECKING:
    from assistant.library.corpus import Library

RECORD_FIELD = "imported-from"
# Zotero's child notes of an item: the writer's reading notes, kept with the source.
NOTES_FIELD = "zotero-notes"
# Fields of the library's own, left out of the items drafts cite and export.
PRIVATE_FIELDS = frozenset({RECORD_FIELD, NOTES_FIELD})
# The only fields of the placeholder metadata the library writes for a file added on its own.
_PLACEHOLDER_FIELDS = frozenset({"id", "type", "title", "author"})


@dataclass
class ImportRecord:
    """One record to import: a CSL item (with a proposed id) and its identity at the source."""

    item: dict[str, Any]
    origin: str
    generated_id: bool = False
    # A document (PDF...) for the item, copied into the corpus as `<id><suffix>`.
    document: Path | None = None


@dataclass
class ImportReport:
    source: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_edits: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def imported(self) -> list[str]:
        return self.added + self.updated + self.unchanged

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        parts.append(f"{len(self.unchanged)} unchanged")
        if self.documents:
            parts.append(f"{len(self.documents)} documents copied")
        if self.kept_edits:
            parts.append(f"{len(self.kept_edits)} kept with your edits")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate ids not imported")
        if self.problems:
            parts.append(f"{len(self.problems)} problems")
        return f"{self.source}: " + ", ".join(parts)

    def messages(self) -> list[str]:
        """Everything the writer should read, one line each."""
        return self.kept_edits + self.duplicates + self.problems


def file_name_safe(source_id: str) -> bool:
    """Whether an id can name its document file (`<id>.pdf`) on this system."""
    forbidden = set("/\\\0") | (set('<>:"|?*') if os.name == "nt" else set())
    return (
        bool(source_id)
        and not source_id.startswith(".")
        and len(source_id) <= 200
        and not forbidden & set(source_id)
    )


def citable(item: dict[str, Any]) -> dict[str, Any]:
    """A copy of an item without the library's own fields."""
    return {k: copy.deepcopy(v) for k, v in item.items() if k not in PRIVATE_FIELDS}


def digest(item: dict[str, Any]) -> str:
    """A digest of an item's metadata, ignoring its import record."""
    content = {k: v for k, v in item.items() if k != RECORD_FIELD}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def is_placeholder(item: Any) -> bool:
    """Metadata the library guessed from a file (no import record, no real details)."""
    return (
        isinstance(item, dict)
        and RECORD_FIELD not in item
        and item.get("type") == "document"
        and set(item) <= _PLACEHOLDER_FIELDS
    )


@dataclass
class ImportPlan:
    raw: list[Any]
    report: ImportReport
    # (id, document to copy) for the caller to copy before writing the metadata.
    copies: list[tuple[str, Path]] = field(default_factory=list)


def plan_import(
    raw: list[Any],
    records: list[ImportRecord],
    kind: str,
    source_label: str,
    document_ids: set[str],
    replace_edited: bool = False,
    document_digest: Any = None,
) -> ImportPlan:
    """The new sources.json entries after importing `records`, and what happened to each.

    `raw` is not changed. `document_ids` are the ids that already have a document file;
    `document_digest(id)` gives the digest of that file (to tell whether an attachment
    changed), and a document is only replaced when the library had copied it from the source.
    """
    raw = copy.deepcopy(raw)
    report = ImportReport(source=source_label)
    plan = ImportPlan(raw=raw, report=report)
    by_origin: dict[str, int] = {}
    index: int | None
    by_id: dict[str, int] = {}
    for index, entry in enumerate(raw):
        if not isinstance(entry, dict):
            continue
        if isinstance(entry.get("id"), str):
            by_id.setdefault(entry["id"], index)
        record = entry.get(RECORD_FIELD)
        if isinstance(record, dict) and record.get("kind") == kind and record.get("key"):
            by_origin.setdefault(str(record["key"]), index)
    seen_origins: set[str] = set()
    seen_ids: set[str] = set()
    taken = set(by_id) | set(document_ids)
    for record in records:
        item = dict(record.item)
        if record.origin in seen_origins:
            report.duplicates.append(
                f"'{item.get('id')}' appears twice in {source_label}; the first is imported, "
                "the second left out."
            )
            continue
        seen_origins.add(record.origin)
        index = by_origin.get(record.origin)
        if index is not None:
            existing = raw[index]
            item["id"] = existing["id"]
        else:
            proposed = str(item.get("id") or "")
            if record.generated_id:
                proposed = unique_id(proposed, taken | seen_ids)
            unusable = id_problem(proposed) if proposed else None
            if unusable:
                # Zotero's web API gives keys like "12047273/KC6WFG78": keep the record.
                fresh = unique_id(generated_id(item), taken | seen_ids)
                report.problems.append(f"{source_label}: {unusable} It was imported as '{fresh}'.")
                proposed = fresh
            item["id"] = proposed
            if proposed in seen_ids:
                report.duplicates.append(
                    f"'{proposed}' appears twice in {source_label}; the first is imported, "
                    "the second left out."
                )
                continue
            clash = by_id.get(proposed)
            if clash is not None and not is_placeholder(raw[clash]):
                report.duplicates.append(
                    f"'{proposed}' is already the id of another source in the library; this "
                    f"record of {source_label} was not imported (give it another key, or "
                    "remove the other source first)."
                )
                continue
            index = clash
        reason = validate_item(item)
        if reason:
            report.problems.append(f"{source_label}: {reason}")
            continue
        seen_ids.add(item["id"])
        new_digest = digest(item)
        new_record: dict[str, Any] = {"kind": kind, "key": record.origin, "digest": new_digest}
        if index is None:
            raw.append({**item, RECORD_FIELD: new_record})
            by_id[item["id"]] = len(raw) - 1
            report.added.append(item["id"])
        else:
            existing = raw[index]
            old = existing.get(RECORD_FIELD) if isinstance(existing, dict) else None
            old_record = old if isinstance(old, dict) else {}
            for kept in ("document", "document-stamp"):
                if old_record.get(kept):
                    new_record[kept] = old_record[kept]
            edited = bool(old_record) and digest(existing) != old_record.get("digest")
            if old_record and old_record.get("digest") == new_digest:
                report.unchanged.append(item["id"])
            elif edited and not replace_edited:
                report.kept_edits.append(
                    f"'{item['id']}' changed in {source_label} but was also edited in the app; "
                    "your edit is kept and the new details were not applied (re-import with "
                    "'replace edited' to take them)."
                )
            else:
                raw[index] = {**item, RECORD_FIELD: new_record}
                if old_record:
                    report.updated.append(item["id"])
                else:
                    report.added.append(item["id"])
        if record.document is not None:
            _plan_document(plan, item["id"], record.document, document_ids, document_digest)
    return plan


def _plan_document(
    plan: ImportPlan, source_id: str, document: Path, document_ids: set[str], document_digest: Any
) -> None:
    from assistant.library.corpus import file_hash

    if not file_name_safe(source_id):
        plan.report.problems.append(
            f"'{source_id}': this id cannot be a file name, so its attachment {document.name} "
            "was not copied in (give the item a citation key without / or \\)."
        )
        return
    entry = next((e for e in plan.raw if isinstance(e, dict) and e.get("id") == source_id), None)
    record = entry.get(RECORD_FIELD) if entry else None
    try:
        stat = document.stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        # An attachment unchanged since the last import is not read again: a library of
        # thousands of PDFs re-imports without hashing them all.
        if (
            source_id in document_ids
            and isinstance(record, dict)
            and record.get("document-stamp") == stamp
        ):
            return
        new_hash = file_hash(document)
    except OSError as error:
        plan.report.problems.append(
            f"'{source_id}': its attachment {document} cannot be read ({error.strerror})."
        )
        return
    if source_id in document_ids:
        current = document_digest(source_id) if document_digest else None
        if current != new_hash:
            copied = isinstance(record, dict) and record.get("document") == current
            if not copied:
                plan.report.problems.append(
                    f"'{source_id}' already has a document in the corpus that was not "
                    f"imported; its attachment {document.name} was not copied over it."
                )
                return
        elif isinstance(record, dict):
            record["document"], record["document-stamp"] = new_hash, stamp
            return
        else:
            return
    plan.copies.append((source_id, document))
    if isinstance(record, dict):
        record["document"], record["document-stamp"] = new_hash, stamp
    plan.report.documents.append(source_id)


def import_source(
    library: Library,
    source: Path,
    collection: str | None = None,
    base_dir: Path | None = None,
    replace_edited: bool = False,
) -> ImportReport:
    """Import a Zotero library (its data directory or zotero.sqlite) or an export file.

    The one entry point the command line and the Library dock share.
    """
    from assistant.library.zotero import is_zotero_source, read_zotero

    source = Path(source).expanduser()
    if is_zotero_source(source):
        zotero = read_zotero(source, collection=collection, base_dir=base_dir)
        label = f"Zotero ({zotero.collection})" if zotero.collection else "Zotero"
        if not zotero.records:
            where = f"the collection '{zotero.collection}'" if zotero.collection else "it"
            raise ImportFailed(str(zotero.database), f"{where} holds no items to import.")
        return library.import_records(
            zotero.records, "zotero", label, replace_edited, problems=zotero.problems
        )
    if collection:
        raise ImportFailed(
            source.name, "--collection applies to a Zotero library, not to an export file."
        )
    return library.import_export(source, replace_edited=replace_edited)
