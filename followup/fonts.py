"""Where the shipped fonts are: resolves paths only, reads nothing."""

from __future__ import annotations

from pathlib import Path

ASSETS_FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"


def caveat_font_path() -> Path:
    """The handwriting font (Caveat Regular, SIL OFL 1.1) in the repository's assets."""
    path = ASSETS_FONTS / "Caveat-Regular.ttf"
    if not path.is_file():
        raise FileNotFoundError(f"the handwriting font is missing: {path}")
    return path
