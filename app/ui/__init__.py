"""The desktop program (SPEC § 7): PySide6 widgets over the same services as the `tnld` command.

Qt lives here only (STYLE § 2). The layers:
- `application`: the one start-up path (arguments → data folder → language → wizard or login → main window);
- `context`: `AppContext`, what every window is given (the GUI thread's session, the events object, workers,
  the user's saved window state) — nothing reaches a global main window from below;
- `events`: the signals that tell windows about data changes (`accident_saved`, `records_changed`, …);
- `messages`: every message box goes through it (tests replace its backend);
- `worker`: long work on a thread with its own session, progress and Cancel;
- `crash`: the one handler for anything unexpected (crash file in `logs/`, apology with Copy details);
- `forms/`: classes compiled by `pyside6-uic` from the Designer files in `/forms` (never edited by hand).
"""

from app.ui.pyside_guard import protect_singletons

protect_singletons()  # before any PySide6 call: see pyside_guard (PySide6 6.12 on Python 3.11 aborts otherwise)
