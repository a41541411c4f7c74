"""The desktop list on a big store (SPEC § 10): login to a usable main window, the list open, one search
keystroke in the real widget (from the key event to the model reset), scrolling, and peak memory.

`measure(folder, password)` is what `bench/run.py` calls on its filled store (a commune folder whose admin is
"admin"); it runs the window in a fresh process (offscreen), so the figures are the program's own and its
peak memory is not the bench's. Standalone: `python bench/gui_list.py [--data DIR] [--count 100000]` fills a
temporary folder with the demo generator (`tnld add` of a demo file, as `bench/run.py` does) unless DIR
already holds a store.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KEYSTROKES = "dinh thi"  # typed one character at a time into the search box
SCROLL_PAGES = 50


def measure(folder: Path, password: str, user: str = "admin") -> dict:
    """Figures of the main window on *folder*, measured in a child process (seconds, milliseconds, MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               LANG=os.environ.get("LANG", "C.UTF-8"), TNLD_BENCH_PASSWORD=password)
    env.pop("TNLD_TEST_FAST_KDF", None)  # never the test suite's cheap key derivation in a measurement
    # The default view (newest first, every status): an earlier run's sort by victim, kept in the folder's window
    # state when it closed, would otherwise be the view every later run measures.
    (Path(folder) / "ui-state.ini").unlink(missing_ok=True)
    out = subprocess.run([sys.executable, __file__, "--child", str(folder), "--user", user], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(folder: Path, user: str) -> dict:
    import resource

    from PySide6.QtCore import QElapsedTimer, QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from app.ui.application import make_application

    password = os.environ["TNLD_BENCH_PASSWORD"]
    app = make_application("vi")
    from app.services.workspace import login
    from app.ui.context import AppContext, UserState
    from app.ui.events import Events
    from app.ui.main_window import MainWindow
    from app.ui.worker import Workers

    figures: dict = {}
    started = time.perf_counter()
    session = login(folder, user, password)
    logged_in = time.perf_counter()
    workers = Workers(app)
    ctx = AppContext(session=session, events=Events(), workers=workers, state=UserState(folder, user))
    window = MainWindow(ctx)
    window.show()
    window.view.viewport().repaint()  # the first rows drawn: their page fetched
    app.processEvents()
    usable = time.perf_counter()
    figures["login_s"] = logged_in - started
    figures["login_to_usable_window_s"] = usable - started
    figures["list_open_s"] = usable - logged_in
    figures["rows"] = window.model.rowCount()

    while window.index is None:  # the index loads on a worker; the window stays usable meanwhile
        app.processEvents()
        time.sleep(0.005)
    figures["index_loaded_after_s"] = time.perf_counter() - usable
    app.processEvents()

    timer = QElapsedTimer()
    resets: list[float] = []
    window.model.modelReset.connect(lambda: resets.append(timer.nsecsElapsed() / 1e6))
    window.focus_search()
    per_key = []
    for char in KEYSTROKES:
        resets.clear()
        timer.start()
        key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
        target = QApplication.focusWidget() or window.search
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char))
        QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, char))
        per_key.append(resets[-1] if resets else float("nan"))
        window.view.viewport().repaint()
        app.processEvents()
    figures["keystroke_ms_median"] = statistics.median(per_key)
    figures["keystroke_ms_max"] = max(per_key)
    figures["keystroke_hits"] = window.model.rowCount()
    window.search.clear()
    app.processEvents()

    bar = window.view.verticalScrollBar()
    pages = []
    for step in range(1, SCROLL_PAGES + 1):
        timer.start()
        bar.setValue(min(bar.maximum(), step * bar.maximum() // SCROLL_PAGES))
        window.view.viewport().repaint()
        pages.append(timer.nsecsElapsed() / 1e6)
    figures["scroll_page_ms_median"] = statistics.median(pages)
    figures["scroll_page_ms_max"] = max(pages)
    timer.start()
    window.view.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # the first victim, Vietnamese order (first use)
    figures["sort_by_victim_first_ms"] = timer.nsecsElapsed() / 1e6
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close()
    window.close_session()
    return figures


def _fill(folder: Path, count: int, password: str) -> None:
    """A commune folder with *count* demo accidents, added as `bench/run.py` adds them (`tnld add`)."""
    import datetime as dt

    from app.services.demo import write_demo_file

    env = dict(os.environ, TNLD_PASSWORD=password)
    env.pop("TNLD_TEST_FAST_KDF", None)
    tnld = [sys.executable, "-m", "app", "--data-dir", str(folder)]
    subprocess.run([*tnld, "init", "--role", "commune", "--unit", "06040", "--admin", "admin"], env=env,
                   stdout=subprocess.DEVNULL, check=True, cwd=ROOT)
    source = folder.parent / f"accidents-{count}.jsonl"
    write_demo_file(source, count, ["06040"], dt.date.today(), seed=42, years=1)
    subprocess.run([*tnld, "add", str(source)], env=env, stdout=subprocess.DEVNULL, check=True, cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", help="a filled data folder (filled here when empty)")
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(Path(args.child), args.user)))
        return
    password = os.environ.get("TNLD_BENCH_PASSWORD", "bench-password")
    folder = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="tnld-gui-bench-")) / "data"
    if not (folder / "keys.json").exists():
        print(f"Filling {folder} with {args.count:,} accidents…", flush=True)
        _fill(folder, args.count, password)
    for name, value in measure(folder, password, args.user).items():
        print(f"  {name}: {value:.3f}" if isinstance(value, float) else f"  {name}: {value}")


if __name__ == "__main__":
    main()
