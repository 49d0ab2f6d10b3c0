"""Colours: every colour the UI paints comes from here, in a light and a dark scheme.

The scheme follows the system (the platform's colour scheme, or the palette the style chose)
unless the writer forces light or dark (View ▸ Appearance). Forcing uses the Fusion style with
a complete palette, so every widget, not only ours, turns. Rich text (the Reader, the hits,
the builder's preview) is rebuilt from `scheme()` when `notifier().changed` fires.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

Mode = Literal["system", "light", "dark"]
MODES: tuple[Mode, ...] = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Scheme:
    dark: bool
    text: str  # body text in the Reader and the page
    muted: str  # secondary text: headers, context passages, hints
    faint: str  # the "…" between passages
    match_bg: str  # the searched words, marked in hits and the Reader
    current_bg: str  # the Reader's current passage
    error: str  # problems said in words
    success: str
    quote_problem: str  # underline of a failing quotation
    quote_problem_bg: str  # the differing words in the check's details
    borrowing: str  # underline of source wording used without quotation marks
    borrowing_bg: str  # the shared words in the borrowing guard's details
    spelling: str  # the wavy underline of an unknown word
    find_bg: str  # find & replace matches
    desk: str  # around the draft's page


LIGHT = Scheme(
    dark=False,
    text="#1f1f1f",
    muted="#555555",
    faint="#8a8a8a",
    match_bg="#fff0a8",
    current_bg="#eef3fb",
    error="#b00020",
    success="#2e6b30",
    quote_problem="#d84315",
    quote_problem_bg="#ffe3d6",
    borrowing="#6a1b9a",
    borrowing_bg="#efe0f7",
    spelling="#d50000",
    find_bg="#ffe08a",
    desk="#d9d9d9",
)
DARK = Scheme(
    dark=True,
    text="#e6e6e6",
    muted="#b4b4b4",
    faint="#8c8c8c",
    match_bg="#6b5a12",
    current_bg="#263447",
    error="#ff8a80",
    success="#8bd48e",
    quote_problem="#ffab91",
    quote_problem_bg="#5a2f1e",
    borrowing="#ce93d8",
    borrowing_bg="#4a2a55",
    spelling="#ff6e6e",
    find_bg="#7a5c00",
    desk="#141414",
)


class _Notifier(QObject):
    changed = Signal()


_notifier: _Notifier | None = None
_forced: Mode = "system"


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


class _PlaceholderPainter(QObject):
    """Keeps a label in the palette's placeholder colour. A child of the label, so its slot
    goes with the label (a style sheet's palette(placeholder-text) is read once, when the
    label is first polished: after the writer switched to dark the hint stayed dark on dark)."""

    def __init__(self, label: QWidget) -> None:
        super().__init__(label)
        self._label = label
        notifier().changed.connect(self.paint)
        self.paint()

    def paint(self) -> None:
        palette = self._label.palette()
        colour = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self._label.setPalette(palette)


def paint_as_placeholder(label: QWidget) -> None:
    """Set a guidance label in the placeholder colour, now and at every change of scheme."""
    _PlaceholderPainter(label)


def _palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def scheme() -> Scheme:
    """The scheme of the palette in use (what the writer sees), light if there is no app."""
    app = QApplication.instance()
    if app is None:
        return LIGHT
    return DARK if _palette_is_dark(QApplication.palette()) else LIGHT


def mode() -> Mode:
    return _forced


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme_hint = getattr(hints, "colorScheme", None)
    return scheme_hint is not None and scheme_hint() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2b2b",
        roles.WindowText: "#e6e6e6",
        roles.Base: "#1f1f1f",
        roles.AlternateBase: "#2a2a2a",
        roles.ToolTipBase: "#3a3a3a",
        roles.ToolTipText: "#f0f0f0",
        roles.PlaceholderText: "#9a9a9a",
        roles.Text: "#e6e6e6",
        roles.Button: "#353535",
        roles.ButtonText: "#e6e6e6",
        roles.BrightText: "#ff6e6e",
        roles.Light: "#4a4a4a",
        roles.Midlight: "#404040",
        roles.Mid: "#303030",
        roles.Dark: "#202020",
        roles.Shadow: "#101010",
        roles.Highlight: "#3d6fb4",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#8ab4f8",
        roles.LinkVisited: "#c58af9",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#7a7a7a"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#efefef",
        roles.WindowText: "#1f1f1f",
        roles.Base: "#ffffff",
        roles.AlternateBase: "#f5f5f5",
        roles.ToolTipBase: "#ffffdc",
        roles.ToolTipText: "#1f1f1f",
        roles.PlaceholderText: "#767676",
        roles.Text: "#1f1f1f",
        roles.Button: "#e8e8e8",
        roles.ButtonText: "#1f1f1f",
        roles.BrightText: "#b00020",
        roles.Light: "#ffffff",
        roles.Midlight: "#f0f0f0",
        roles.Mid: "#b8b8b8",
        roles.Dark: "#9f9f9f",
        roles.Shadow: "#767676",
        roles.Highlight: "#3874d8",
        roles.HighlightedText: "#ffffff",
        roles.Link: "#1a57b8",
        roles.LinkVisited: "#6b2fb3",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#9a9a9a"))
    return p


_system_style: str | None = None
_system_palette: QPalette | None = None


def apply(app: QApplication, wanted: Mode) -> Scheme:
    """Use the light or dark scheme (or the system's) for the whole app."""
    global _forced, _system_style, _system_palette
    if _system_style is None:
        _system_style = app.style().name()
        _system_palette = QPalette(app.palette())
    _forced = wanted
    dark = wanted == "dark" or (
        wanted == "system"
        and (system_prefers_dark() or _palette_is_dark(_system_palette or app.palette()))
    )
    if wanted == "system" and dark == _palette_is_dark(_system_palette or app.palette()):
        # The platform's own style and palette already match: keep them.
        app.setStyle(_system_style)
        app.setPalette(_system_palette or app.palette())
    else:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette() if dark else _light_palette())
    notifier().changed.emit()
    return scheme()
