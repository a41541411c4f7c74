"""The print preview of a quick report (SPEC § 10 / issue 12: ≤ 1.5 s), for `bench/run.py`.

`measure_preview(folder, password)` logs in to *folder* (not timed), then times, from the call that a click on
"Quick report" makes (`show_accident_form`) to the first page drawn: the PDF produced on a worker (read, drawn,
signed), loaded from memory, and the first page rendered at the view's size. Run alone:
`QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_output.py DATA_DIR PASSWORD`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _quick_report_accident(session) -> str:
    """The newest accident that needs a quick report (one with a death)."""
    from app.db.accident_store import Filters

    rows = session.store.summaries(Filters(severity="fatal"), limit=1)
    if rows:
        return rows[0]["id"]
    raise SystemExit("no accident with a death in this folder: run `tnld demo` first")


def measure_preview(folder: Path, password: str, user: str = "admin") -> float:
    """Seconds from the click to the first page of the quick report drawn in the preview."""
    from PySide6.QtCore import QEventLoop, QSize, QTimer

    from app.ui.application import make_application
    from app.ui.preview_dialog import show_accident_form
    from tests.gui.conftest import logged_in

    make_application("vi")
    with logged_in(Path(folder), user, password) as ctx:  # workers stopped, session closed at the end
        accident_id = _quick_report_accident(ctx.session)
        loop = QEventLoop()
        started = time.perf_counter()
        dialog = show_accident_form(ctx, None, "quick", accident_id)
        dialog.document_ready.connect(loop.quit)
        dialog.failed.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        if dialog.data is None:
            raise SystemExit("the preview failed")
        width = max(200, dialog.view.viewport().width())
        points = dialog.document.pagePointSize(0)
        image = dialog.document.render(0, QSize(width, round(width * points.height() / points.width())))
        dialog.view.viewport().repaint()
        elapsed = time.perf_counter() - started
        assert not image.isNull()
        dialog.close()
        return elapsed


if __name__ == "__main__":
    seconds = measure_preview(Path(sys.argv[1]), sys.argv[2])
    print(f"print preview of a quick report: {seconds:.2f} s (target ≤ 1.5 s)")
