"""Source ids are file names: a source's document is `<corpus>/<id>.<suffix>`.

So an id must be one plain file name inside the corpus folder: no path separators or `..`
(which would write outside the corpus), no leading dot (hidden files and the app's own folders
such as `.removed/`), no control characters, no device name Windows reserves (a corpus is
copied between systems), no characters this system forbids, and a length file systems accept.
"""

from __future__ import annotations

import os
import re

# Characters Windows forbids in file names (besides the separators and control characters).
# Elsewhere they are legal and common in BibTeX keys ("knuth:1984"), so only refused there.
_WINDOWS_FORBIDDEN = set('<>:"|?*') if os.name == "nt" else set()
# Device names Windows reserves, with or without an extension ("con.md" is reserved too).
_RESERVED = re.compile(r"(?i)(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?")
# 255 bytes is the usual limit for a name; keep room for ".docx" and the ".NAME.xxxx.tmp" of
# an atomic write.
MAX_ID_BYTES = 200


def id_problem(source_id: object) -> str | None:
    """Why `source_id` cannot be a source id (a message for the writer), or None."""
    if not isinstance(source_id, str) or not source_id.strip():
        return f"the id {source_id!r} must be a non-empty text (the document file's name)."
    shown = repr(source_id) if len(source_id) <= 80 else repr(source_id[:80] + "…")
    if "/" in source_id or "\\" in source_id:
        return (
            f"the id {shown} contains a '/' or '\\'; an id is the document's file name, not a path."
        )
    if source_id in (".", ".."):
        return f"the id {shown} is not a file name."
    if source_id.startswith("."):
        return f"the id {shown} starts with a dot, which would make its file hidden."
    if any(ord(c) < 32 or ord(c) == 127 for c in source_id):
        return f"the id {shown} contains a control character."
    forbidden = sorted(_WINDOWS_FORBIDDEN & set(source_id))
    if forbidden:
        return (
            f"the id {shown} contains {' '.join(forbidden)}, which cannot be in a file name "
            "on Windows."
        )
    if source_id != source_id.strip() or source_id.endswith("."):
        return f"the id {shown} begins or ends with a space or ends with a dot."
    if _RESERVED.fullmatch(source_id):
        return f"the id {shown} is a device name Windows reserves; choose another."
    if len(source_id.encode("utf-8")) > MAX_ID_BYTES:
        return f"the id {shown} is longer than {MAX_ID_BYTES} bytes, too long for a file name."
    return None
