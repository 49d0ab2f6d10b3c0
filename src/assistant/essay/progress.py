"""Word count against a target, and this session's progress (Scrivener's project targets).

The session starts when the essay is opened; words deleted count against it, so the number is
what the essay grew by, not what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class WordProgress:
    words: int
    target: int = 0  # 0: no target set
    session_start: int = 0

    @property
    def session(self) -> int:
        return self.words - self.session_start

    def fraction(self) -> float | None:
        return None if self.target <= 0 else self.words / self.target

    def label(self) -> str:
        """The status bar's text: "1,504 / 3,000 words (50 %) · +120 this session"."""
        fraction = self.fraction()
        if fraction is not None:
            text = f"{self.words:,} / {self.target:,} words ({fraction * 100:.0f} %)"
        else:
            text = f"{self.words:,} {'word' if self.words == 1 else 'words'}"
        if self.session:
            text += f" · {self.session:+,} this session"
        return text
