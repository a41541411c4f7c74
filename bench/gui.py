"""The desktop program's figures for `bench/run.py` (SPEC § 10, issue 12), each measured in a child process so that
its memory and its imports are the program's own:

- start to the login window (`python -m app` with `TNLD_STARTUP_PROBE`, median of 5);
- the main window on the filled store (`gui_list.measure`): login to a usable window, the list open, a search
  keystroke in the real widget, scrolling, peak memory;
- saving one accident from the form on the filled store (an edit, from `save()` to the list's row updated);
- a keystroke in the commune picker over the 3,321 communes (the real widget, key event to the list drawn);
- the keys of a two-victim accident beyond the typed text (`gui_form`);
- the print preview of a quick report (`gui_output`), the longest UI stall during an export and two report
  previews (`gui_stall`), and closing the window during long work 20 times (`gui_close`).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

Report = Callable[..., None]


def _env(password: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               LANG=os.environ.get("LANG", "C.UTF-8"), TNLD_BENCH_PASSWORD=password)
    env.pop("TNLD_TEST_FAST_KDF", None)
    return env


def _child(name: str, folder: Path, password: str) -> dict:
    out = subprocess.run([sys.executable, __file__, name, str(folder)], env=_env(password), capture_output=True,
                         text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_to_login(folder: Path, runs: int = 5) -> float:
    """Seconds from the process start to the login window shown (median of *runs*)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), TNLD_STARTUP_PROBE="1")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(folder)], env=env, cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = process.stdout.readline()
        times.append(time.perf_counter() - started)
        process.wait(timeout=30)
        probe = json.loads(line.split(" ", 1)[1])
        if probe["window"] != "login" or probe["heavy"]:
            raise SystemExit(f"start-up probe: {probe}")
    return statistics.median(times)


def _save_from_form(folder: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    from app.services import records
    from app.services.workspace import login
    from app.ui import messages
    from app.ui.accident_form import AccidentForm
    from app.ui.application import make_application
    from app.ui.context import AppContext, UserState
    from app.ui.events import Events
    from app.ui.worker import Workers

    app = make_application("vi")
    messages.backend = type("Silent", (messages.MessageBackend,), {"info": lambda *a, **k: None})()
    session = login(folder, "admin", os.environ["TNLD_BENCH_PASSWORD"])
    ctx = AppContext(session=session, events=Events(), workers=Workers(app), state=UserState(folder, "admin"))
    ids = [row["id"] for row in records.list_accidents(session, limit=200)]
    times = []
    for number, accident_id in enumerate(ids[:20]):
        form = AccidentForm(ctx, accident_id)
        form.show()
        app.processEvents()
        form.ui.village.setText(f"Thôn Bản Mới {number}")
        started = time.perf_counter()
        saved = form.save()
        app.processEvents()
        times.append(time.perf_counter() - started)
        if not saved:
            raise SystemExit("the form did not save")
        form.close()
        app.processEvents()
    QApplication.processEvents()
    session.close()
    return {"median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000}


def _picker_keystroke(folder: Path) -> dict:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from app.services.workspace import login
    from app.ui.application import make_application
    from app.ui.widgets.code_picker import CodePicker, commune_entries

    app = make_application("vi")
    session = login(folder, "admin", os.environ["TNLD_BENCH_PASSWORD"])
    entries = commune_entries(session.codelists, home=session.unit)
    times = []
    for word in ("thanh tri", "doan ket", "xa hong phong", "06001"):
        picker = CodePicker()
        picker.set_entries(entries)
        picker.show()
        picker.setFocus()
        app.processEvents()
        for char in word:
            key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
            started = time.perf_counter()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(picker, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))
            popup = picker.popup()
            if popup is not None and popup.isVisible():
                popup.viewport().repaint()
            times.append(time.perf_counter() - started)
        picker.close()
    session.close()
    return {"communes": len(entries), "median_ms": statistics.median(times) * 1000, "max_ms": max(times) * 1000}


def _keystrokes(_folder: Path) -> dict:
    from bench.gui_form import count_keystrokes_two_victims

    return {"keys": count_keystrokes_two_victims()}


def _preview(folder: Path) -> dict:
    from bench.gui_output import measure_preview

    return {"seconds": measure_preview(folder, os.environ["TNLD_BENCH_PASSWORD"])}


def _stalls(folder: Path) -> dict:
    from bench.gui_stall import measure_stalls

    return measure_stalls(folder, os.environ["TNLD_BENCH_PASSWORD"])


CHILDREN = {"save": _save_from_form, "picker": _picker_keystroke, "keys": _keystrokes, "preview": _preview,
            "stalls": _stalls}


def run(report: Report, big: Path, small: Path, password: str, work: Path) -> None:
    """Print the desktop figures: *big* is the filled store (100,000 accidents), *small* a demo commune's."""
    from bench import gui_close, gui_list, gui_stall

    print("Desktop program")
    report("start to the login window (median of 5)", start_to_login(big), "s", 0.5)
    figures = gui_list.measure(big, password)
    rows = figures["rows"]
    report(f"login to a usable main window on {rows:,} accidents (key derivation included)",
           figures["login_to_usable_window_s"], "s", 1.0)
    report(f"the list open on {rows:,} (after login)", figures["list_open_s"], "s", 0.5)
    report("  the search index loaded in the background after", figures["index_loaded_after_s"], "s")
    report("one search keystroke in the real widget (median, key event to model reset)",
           figures["keystroke_ms_median"], "ms", 50)
    report("  slowest search keystroke ('d' over every row)", figures["keystroke_ms_max"], "ms", 50)
    report("scrolling one page of the list (median / slowest)", figures["scroll_page_ms_median"], "ms")
    report("  slowest page", figures["scroll_page_ms_max"], "ms")
    report("first sort by victim name (Vietnamese order)", figures["sort_by_victim_first_ms"], "ms")
    report(f"peak memory with the list of {rows:,} open", figures["peak_rss_mb"], "MB", 300)
    save = _child("save", big, password)
    report("save one accident from the form (median of 20)", save["median_ms"], "ms", 50)
    report("  slowest of 20", save["max_ms"], "ms", 50)
    picker = _child("picker", big, password)
    report(f"picker keystroke over the {picker['communes']:,} communes (median)", picker["median_ms"], "ms", 30)
    report("  slowest picker keystroke", picker["max_ms"], "ms", 30)
    report("keys beyond the typed text, a two-victim accident", _child("keys", big, password)["keys"], "keys", 45)
    gui_stall.trust_an_office(small, password, work)
    report("print preview of a quick report (click to first page drawn)", _child("preview", small, password)
           ["seconds"], "s", 1.5)
    for what, stall in _child("stalls", small, password).items():
        report(f"longest UI stall during {what}", stall, "ms", 100)
    failed = gui_close.close_during_work(small, password, rounds=20)
    report("closing the window during long work: rounds that aborted (of 20)", len(failed), "", 0)
    for failure in failed:
        print("   ", failure)


if __name__ == "__main__":
    print(json.dumps(CHILDREN[sys.argv[1]](Path(sys.argv[2]))))
