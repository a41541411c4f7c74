"""File and folder choosers of the output windows, in one place so that tests can replace them (a real
`QFileDialog` in an offscreen test waits forever), and the last folder used remembered per TNLĐ user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.context import AppContext


def last_folder(ctx: AppContext, key: str) -> Path:
    """The folder this user last chose for *key* ('save', 'send', 'receipt', 'card'), else their home folder."""
    value = ctx.state.value(f"folders/{key}", "")
    folder = Path(str(value)) if value else Path.home()
    return folder if folder.is_dir() else Path.home()


def remember_folder(ctx: AppContext, key: str, folder: Path) -> None:
    ctx.state.set_value(f"folders/{key}", str(folder))


def save_path(parent: QWidget | None, title: str, suggested: Path, filter_text: str) -> Path | None:
    """A file to write (the dialog asks before replacing one); None when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filter_text)
    return Path(chosen) if chosen else None


def open_path(parent: QWidget | None, title: str, folder: Path, filter_text: str) -> Path | None:
    """A file to read; None when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filter_text)
    return Path(chosen) if chosen else None


def folder_path(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """A folder (a USB stick); None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(chosen) if chosen else None


def with_suffix(path: Path, suffix: str) -> Path:
    """*path* ending in *suffix* (a name typed without it gets it; the services refuse another extension)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
