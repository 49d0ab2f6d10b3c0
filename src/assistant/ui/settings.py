"""What the app remembers between runs: window layout, recent essays, export choices.

Stored with QSettings in INI format under the organisation and application names set by
`run_app`; tests point QSettings at a temporary folder with `QSettings.setPath`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

ORGANIZATION = "essay-assistant"
APPLICATION = "Essay Assistant"
MAX_RECENT = 8
# Bump when the default dock layout changes, so an old saved state does not hide new docks.
LAYOUT_VERSION = 1


def _as_bool(value: Any, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


class Settings:
    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )

    @property
    def qsettings(self) -> QSettings:
        return self._q

    def sync(self) -> None:
        self._q.sync()

    # --- recent essays -----------------------------------------------------------------------

    def recent_essays(self) -> list[Path]:
        value = self._q.value("recent/essays", [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in (value or []) if p]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [path] + [p for p in self.recent_essays() if p != path]
        self._q.setValue("recent/essays", [str(p) for p in paths[:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        self._q.setValue("recent/essays", [str(p) for p in self.recent_essays() if p != path])

    # --- window layout -----------------------------------------------------------------------

    def save_window(self, window: QMainWindow) -> None:
        self._q.setValue("window/geometry", window.saveGeometry())
        self._q.setValue("window/state", window.saveState(LAYOUT_VERSION))

    def restore_window(self, window: QMainWindow) -> bool:
        """Restore geometry and docks; False when there is nothing (valid) to restore."""
        geometry = self._q.value("window/geometry")
        state = self._q.value("window/state")
        restored = False
        if isinstance(geometry, QByteArray | bytes) and geometry:
            restored = window.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes) and state:
            restored = window.restoreState(QByteArray(state), LAYOUT_VERSION) and restored
        return restored

    def value(self, key: str, default: Any = None) -> Any:
        return self._q.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self._q.setValue(key, value)

    # --- export choices ----------------------------------------------------------------------

    def export_choices(self) -> dict[str, Any]:
        return {
            "title_page": _as_bool(self._q.value("export/title_page"), False),
            "include_bibliography": _as_bool(self._q.value("export/include_bibliography"), True),
            "ibid": _as_bool(self._q.value("export/ibid"), False),
            "course": str(self._q.value("export/course", "") or ""),
            "folder": str(self._q.value("export/folder", "") or ""),
        }

    def set_export_choices(self, **choices: Any) -> None:
        for key, value in choices.items():
            self._q.setValue(f"export/{key}", value)

    def author(self) -> str:
        return str(self._q.value("essay/author", "") or "")

    def set_author(self, author: str) -> None:
        self._q.setValue("essay/author", author)

    # --- appearance --------------------------------------------------------------------------

    def theme(self) -> str:
        value = str(self._q.value("appearance/theme", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, value: str) -> None:
        self._q.setValue("appearance/theme", value)

    def zoom(self) -> int:
        try:
            return int(self._q.value("appearance/zoom", 0) or 0)
        except (TypeError, ValueError):
            return 0

    def set_zoom(self, steps: int) -> None:
        self._q.setValue("appearance/zoom", steps)

    def autosave_delay(self) -> float:
        """Seconds after the last edit before the crash-recovery copy is written."""
        from assistant.essay.autosave import DEFAULT_DELAY_S, delay_from_setting

        return delay_from_setting(self._q.value("essay/autosave_delay_seconds", DEFAULT_DELAY_S))

    def set_autosave_delay(self, seconds: float) -> None:
        self._q.setValue("essay/autosave_delay_seconds", float(seconds))
