"""The essay file: round trips, backups, migrations, autosave, and every way a file can go bad."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from assistant.cite.engine import ChicagoEngine
from assistant.cite.model import Citation, Note
from assistant.essay import store
from assistant.essay.autosave import discard_autosave, find_autosave, list_autosaves, write_autosave
from assistant.essay.model import Block, Essay, NoteAnchor, PassageLink, Span
from assistant.essay.sample import make_long_essay
from assistant.essay.store import (
    SCHEMA_VERSION,
    CorruptEssayError,
    EssayFileError,
    EssaySaveError,
    NewerSchemaError,
    backups_of,
    essay_to_dict,
    load_essay,
    save_essay,
    snapshot_items,
)


def _essay(title: str = "Stalin's Gamble") -> Essay:
    return make_long_essay(words=600, notes=12) if title is None else _titled(title)


def _titled(title: str) -> Essay:
    essay = make_long_essay(words=600, notes=12)
    essay.title = title
    return essay


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder (hidden ones too) with its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_save_and_load_keep_everything(tmp_path: Path) -> None:
    essay = _titled("Stalin's Gamble — “quotes”, ünïcode")
    essay.author = "Ana Étudiante"
    path = tmp_path / "gamble.essay"
    save_essay(essay, path)
    again = load_essay(path)
    assert essay_to_dict(again) == essay_to_dict(essay)
    assert again.title == essay.title and again.author == "Ana Étudiante"
    assert [a.id for a in again.anchors()] == [a.id for a in essay.anchors()]
    assert again.notes() == essay.notes()
    assert again.anchors().__next__().passage == PassageLink("shen-2000", 0, "44")
    assert again.outline == essay.outline
    assert again.items == essay.items
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "essay-assistant/essay"
    # Nothing format 3 added is used: format 2, which older versions of the app still open.
    assert document["schema_version"] == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_last_five_saves_are_kept_as_backups(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    for number in range(1, 8):
        report = save_essay(_titled(f"Draft {number}"), path)
    backups = backups_of(path)
    assert len(backups) == 5
    # Newest first: the save before the current one, back to save 2.
    assert [load_essay(b).title for b in backups] == [f"Draft {n}" for n in (6, 5, 4, 3, 2)]
    assert report.backup == backups[0]
    assert load_essay(path).title == "Draft 7"


def test_note_numbers_follow_the_text_when_paragraphs_move() -> None:
    first = NoteAnchor(Note.of(Citation("shen-2000", "50")), id="first")
    second = NoteAnchor(Note.of(Citation("shuster-2019", "3")), id="second")
    essay = Essay(
        blocks=[Block(inlines=[Span("One."), first]), Block(inlines=[Span("Two."), second])]
    )
    assert essay.note_numbers() == {"first": 1, "second": 2}
    essay.blocks.reverse()
    assert essay.note_number("second") == 1 and essay.note_number("first") == 2
    assert essay.note_number("gone") is None
    assert essay.cited_ids() == ["shuster-2019", "shen-2000"]


# -- damaged files --------------------------------------------------------------------------


def _saved_twice(tmp_path: Path) -> Path:
    path = tmp_path / "gamble.essay"
    save_essay(_titled("First save"), path)
    save_essay(_titled("Second save"), path)
    return path


def test_file_cut_in_half_is_reported_and_the_newest_good_backup_offered(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _snapshot(tmp_path)
    with pytest.raises(CorruptEssayError) as caught:
        load_essay(path)
    error = caught.value
    assert "cut off" in str(error) and "left untouched" in str(error)
    assert error.backups and load_essay(error.backups[0]).title == "First save"
    assert str(error.backups[0]) in str(error)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("fraction", [0.02, 0.33, 0.9, 0.999])
def test_file_cut_anywhere_is_recognised_as_cut_off(tmp_path: Path, fraction: float) -> None:
    path = _saved_twice(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(CorruptEssayError, match="cut off"):
        load_essay(path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (bytes(range(256)) * 8, "not text"),
        (b"\x00\x00\x00\x00", "garbled"),
        (b"", "empty"),
        (
            b'{"format": "essay-assistant/essay", "schema_version": 2,'
            b' "essay": {"blocks": [{"kind": "figure"}]}}',
            "blocks[0].kind",
        ),
        (b'[{"id": "shen-2000", "type": "book"}]', "not an Essay Assistant essay file"),
        (b'{"format": "essay-assistant/essay", "schema_version": "two"}', "schema version"),
    ],
    ids=["binary garbage", "nul bytes", "empty", "bad block kind", "other json", "bad version"],
)
def test_garbage_is_reported_without_touching_the_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = _saved_twice(tmp_path)
    path.write_bytes(content)
    before = _snapshot(tmp_path)
    with pytest.raises(CorruptEssayError, match="damaged") as caught:
        load_essay(path)
    assert reason in caught.value.reason
    assert [load_essay(b).title for b in caught.value.backups] == ["First save"]
    assert _snapshot(tmp_path) == before


def test_damaged_backups_are_not_offered(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    for title in ("one", "two", "three"):
        save_essay(_titled(title), path)
    newest, older = backups_of(path)
    newest.write_bytes(newest.read_bytes()[:100])
    path.write_bytes(b"{")
    with pytest.raises(CorruptEssayError) as caught:
        load_essay(path)
    assert caught.value.backups == [older]
    assert load_essay(older).title == "one"


def test_saving_over_a_damaged_file_keeps_what_was_left_of_it(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    path.write_bytes(b'{"format": "essay-assistant/essay", "schema_ver')
    report = save_essay(_titled("Recovered"), path)
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().endswith(b"schema_ver")
    assert kept[0].name in " ".join(report.warnings)
    assert load_essay(path).title == "Recovered"


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "future.essay"
    path.write_text(
        json.dumps({"format": "essay-assistant/essay", "schema_version": 99, "essay": {}}),
        encoding="utf-8",
    )
    before = _snapshot(tmp_path)
    mtime = path.stat().st_mtime_ns
    with pytest.raises(NewerSchemaError, match="newer version") as caught:
        load_essay(path)
    assert caught.value.found == 99 and "format 99" in str(caught.value)
    assert "not been changed" in str(caught.value)
    assert _snapshot(tmp_path) == before and path.stat().st_mtime_ns == mtime


def test_saving_over_a_newer_format_file_keeps_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "future.essay"
    future = json.dumps({"format": "essay-assistant/essay", "schema_version": 99, "essay": {}})
    path.write_text(future, encoding="utf-8")
    report = save_essay(_titled("Saved as"), path)
    kept = [p for p in tmp_path.iterdir() if ".newer-format-" in p.name]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == future
    assert "newer version's previous file was kept" in report.warnings[0]
    assert backups_of(path) == []


def test_backup_failure_does_not_stop_the_save(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    backups = backups_of(path)
    for backup in backups:
        backup.unlink()
    store.backup_dir(path).rmdir()
    store.backup_dir(path).write_text("a file where the backup folder goes")
    report = save_essay(_titled("Third"), path)
    assert load_essay(path).title == "Third"
    assert report.backup is None and "No backup of the previous version" in report.warnings[0]


def test_missing_file_has_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(EssayFileError, match="was not found"):
        load_essay(tmp_path / "nowhere.essay")


# -- migrations -------------------------------------------------------------------------------


def test_version_1_file_with_string_notes_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.essay"
    v1 = {
        "version": 1,
        "title": "Old draft",
        "author": "A. Student",
        "blocks": [
            {"kind": "heading", "level": 1, "inlines": [{"text": "Origins"}]},
            {
                "kind": "paragraph",
                "inlines": [
                    {"text": "Stalin hesitated.", "italic": False},
                    {"note": "See [@shen-2000, 52; -@shuster-2019, chap. 3], and *Pravda*."},
                    {"text": " Then he agreed."},
                    {"note": "A comment with no citation."},
                ],
            },
        ],
        "items": {"shen-2000": {"id": "shen-2000", "type": "article-journal", "title": "S"}},
    }
    path.write_text(json.dumps(v1), encoding="utf-8")
    original = path.read_bytes()
    essay = load_essay(path)
    assert path.read_bytes() == original  # loading never rewrites
    assert essay.title == "Old draft" and essay.blocks[0].kind == "heading"
    first, second = essay.notes()
    assert first == Note(
        (
            "See ",
            (
                Citation("shen-2000", "52"),
                Citation("shuster-2019", "3", label="chapter", suppress_author=True),
            ),
            ", and *Pravda*.",
        )
    )
    assert second == Note(("A comment with no citation.",))
    save_essay(essay, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2
    assert load_essay(path).notes() == [first, second]


# -- failed saves -------------------------------------------------------------------------------


def _assert_failed_save_left_everything(tmp_path: Path, before: dict[str, bytes]) -> None:
    assert _snapshot(tmp_path) == before
    assert load_essay(tmp_path / "gamble.essay").title == "Second save"


def test_read_only_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _saved_twice(tmp_path)
    before = _snapshot(tmp_path)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(EssaySaveError, match="read-only") as caught:
        save_essay(_titled("Third"), path)
    assert "previous version of the file is unchanged" in str(caught.value)
    _assert_failed_save_left_everything(tmp_path, before)


def test_read_only_folder_for_real(tmp_path: Path) -> None:
    path = _saved_twice(tmp_path)
    before = _snapshot(tmp_path)
    if os.geteuid() == 0:
        # Root ignores permission bits; the immutable attribute stops even root.
        made = subprocess.run(["chattr", "+i", str(tmp_path)], capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"cannot make a folder read-only as root here: {made.stderr.decode()}")
        undo = ["chattr", "-i", str(tmp_path)]
    else:
        tmp_path.chmod(0o555)
        undo = ["chmod", "755", str(tmp_path)]
    try:
        with pytest.raises(EssaySaveError, match="read-only or you may not write"):
            save_essay(_titled("Third"), path)
    finally:
        subprocess.run(undo, check=True)
    _assert_failed_save_left_everything(tmp_path, before)


def _fail_writes_into(folder: Path, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    """Make os.write into files under `folder` fail with ENOSPC after `after` bytes."""
    real_write = os.write
    written = {"bytes": 0}

    def write(fd: int, data: bytes) -> int:
        target = os.readlink(f"/proc/self/fd/{fd}")
        if not target.startswith(str(folder.resolve())):
            return real_write(fd, data)
        room = after - written["bytes"]
        if room <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        count = real_write(fd, bytes(data[:room]))
        written["bytes"] += count
        return count

    monkeypatch.setattr(os, "write", write)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to find the temp file")
@pytest.mark.parametrize("after", [0, 4096], ids=["nothing written", "disk fills mid-write"])
def test_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: int) -> None:
    path = _saved_twice(tmp_path)
    before = _snapshot(tmp_path)
    _fail_writes_into(tmp_path, monkeypatch, after)
    with pytest.raises(EssaySaveError, match="the disk is full") as caught:
        save_essay(_titled("Third"), path)
    monkeypatch.undo()
    assert "unchanged" in str(caught.value)
    _assert_failed_save_left_everything(tmp_path, before)


def test_full_disk_at_fsync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _saved_twice(tmp_path)
    before = _snapshot(tmp_path)

    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(EssaySaveError, match="the disk is full"):
        save_essay(_titled("Third"), path)
    monkeypatch.undo()
    _assert_failed_save_left_everything(tmp_path, before)


def test_saving_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.essay"
    save_essay(_titled("First"), real)
    link = tmp_path / "link.essay"
    link.symlink_to(real)
    save_essay(_titled("Through the link"), link)
    assert link.is_symlink()
    assert load_essay(real).title == "Through the link"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(EssaySaveError, match="does not exist"):
        save_essay(_titled("x"), tmp_path / "no" / "such.essay")


# -- autosave ---------------------------------------------------------------------------------


def _age(path: Path, seconds: int) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 1_000_000_000))


def test_autosave_of_an_unsaved_essay_is_found_after_a_crash() -> None:
    assert find_autosave(None) is None
    written = write_autosave(_titled("Never saved"), None)
    found = find_autosave(None)
    assert found == written and load_essay(found).title == "Never saved"
    assert [info.essay_path for info in list_autosaves()] == [None]
    discard_autosave(None)
    assert find_autosave(None) is None


def test_autosave_newer_than_the_saved_file_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    save_essay(_titled("Saved"), path)
    _age(path, 60)
    autosave = write_autosave(_titled("Edited after saving"), path)
    assert autosave.parent != tmp_path  # kept out of the writer's folder
    assert find_autosave(path) == autosave
    assert load_essay(autosave).title == "Edited after saving"
    assert [info.essay_path for info in list_autosaves()] == [path.resolve()]
    # Saving again makes the autosave stale: it is no longer offered.
    save_essay(_titled("Saved again"), path)
    _age(autosave, 60)
    assert find_autosave(path) is None
    discard_autosave(path)
    assert not autosave.exists()


def test_autosave_identical_to_the_saved_file_is_not_offered(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    essay = _titled("Same")
    save_essay(essay, path)
    _age(path, 60)
    write_autosave(essay, path)
    assert find_autosave(path) is None


def test_autosave_is_offered_when_the_saved_file_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "gamble.essay"
    save_essay(_titled("Saved"), path)
    _age(path, 60)
    autosave = write_autosave(_titled("Autosaved"), path)
    path.write_bytes(b"{garbage")
    _age(path, -120)
    assert find_autosave(path) == autosave


# -- the cited items' snapshot ------------------------------------------------------------


def test_source_lost_from_library_still_renders_from_the_snapshot(tmp_path: Path) -> None:
    essay = _titled("Snapshot")
    library = dict(essay.items)
    del library["shen-2000"]  # the writer removed the source from the library
    missing = snapshot_items(essay, library)
    assert missing == ["shen-2000"]
    path = tmp_path / "gamble.essay"
    save_essay(essay, path)
    again = load_essay(path)
    assert set(again.items) == {"shen-2000", "shuster-2019", "zubok-pleshakov-1996"}
    first = ChicagoEngine(again.items).render_notes(again.notes())[0]
    assert first.text.startswith("Shen Zhihua, “Sino-Soviet Relations")
    assert not first.warnings and "unknown source" not in first.text


def test_the_essays_language_round_trips_and_defaults_to_english(tmp_path: Path) -> None:
    path = tmp_path / "russian.essay"
    essay = _titled("Сталин и Корея")
    essay.language = "ru"
    essay.word_target = 5000
    save_essay(essay, path)
    assert load_essay(path).language == "ru"
    assert load_essay(path).word_target == 5000
    save_essay(_titled("English"), path)
    assert "language" not in json.loads(path.read_bytes())
    assert load_essay(path).language == "en"


def test_lists_tables_links_and_small_caps_survive_save_and_load(tmp_path: Path) -> None:
    from assistant.cite.model import Citation, Note
    from assistant.essay.model import Block, Essay, NoteAnchor, Span

    anchor = NoteAnchor(Note.of(Citation("shen-2000", "52", author_in_text=True)))
    cell_note = NoteAnchor(Note.of(Citation("shuster-2019", "4")))
    essay = Essay(
        blocks=[
            Block("list_item", [Span("first"), anchor], level=1, ordered=True, start=3),
            Block("list_item", [Span("more of it")], level=1, ordered=True, continued=True),
            Block("list_item", [Span("☐ nested")], level=2),
            Block(
                "table",
                [Span("Caption")],
                rows=[[[Span("a")], [Span("b")]], [[Span("1"), cell_note], [Span("2")]]],
                header_rows=1,
                align=["left", "right"],
            ),
            Block("code", [Span("x = 1\n", code=True)]),
            Block(
                "paragraph",
                [
                    Span("NKVD", small_caps=True),
                    Span(" and ", strike=True),
                    Span("the archive", link="https://example.org/a"),
                ],
            ),
        ]
    )
    path = tmp_path / "rich.essay"
    save_essay(essay, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION == 3
    loaded = load_essay(path)
    assert loaded.blocks == essay.blocks
    assert [n.citations[0].item_id for n in loaded.notes()] == ["shen-2000", "shuster-2019"]
