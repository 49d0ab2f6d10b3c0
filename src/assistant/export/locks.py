"""Is the file we are about to overwrite open in Word or LibreOffice?

Both leave a lock file beside a document they have open: Word an "owner file" `~$` + the name
(losing its first one or two characters for longer names), LibreOffice `.~lock.NAME#` holding
the user's name. Overwriting such a file loses the edits the writer has not saved there, so the
export asks first.
"""

from __future__ import annotations

from pathlib import Path


def open_elsewhere(path: Path) -> str | None:
    """A sentence naming the program that has `path` open, or None when nothing seems to."""
    path = Path(path)
    folder, name = path.parent, path.name
    stem_length = len(path.stem)
    word_names = {"~$" + name}
    if stem_length >= 7:
        word_names.add("~$" + name[1:])
    if stem_length >= 8:
        word_names.add("~$" + name[2:])
    for candidate in word_names:
        if (folder / candidate).is_file():
            return f"{name} seems to be open in Microsoft Word (its lock file {candidate} is there)"
    libreoffice = folder / f".~lock.{name}#"
    if libreoffice.is_file():
        user = _libreoffice_user(libreoffice)
        by = f" by {user}" if user else ""
        return (
            f"{name} seems to be open in LibreOffice{by} "
            f"(its lock file {libreoffice.name} is there)"
        )
    return None


def _libreoffice_user(lock: Path) -> str:
    # "Full Name,host,user,date,path;" (the first field is the user's display name).
    try:
        text = lock.read_text(encoding="utf-8", errors="replace")[:1000]
    except OSError:
        return ""
    return text.split(",", 1)[0].strip()
