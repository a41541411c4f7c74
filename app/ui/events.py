"""What happened to the data, told to every window that shows it (STYLE § 12).

One `Events` object per program run is passed to every window in the `AppContext`; a window that changes data
emits here after the change is stored, and the lists refresh from here, never by reaching into each other.

Signals:
- `accident_saved(str)`: an accident was added or got a new version (its id);
- `accident_voided(str)`: an accident was voided (its id);
- `incident_saved(str)`: an incident was added, changed or voided (its id);
- `records_changed()`: many records may have changed at once (import, restore, demo data, receipt);
- `settings_changed()`: a setting was changed (signer, due days, language, …);
- `users_changed()`: a user was added, changed or disabled.
- `session_leaving()`: the window's session is about to close its connection for a while (a restore or a change
  of key runs on a worker that needs the data folder alone, `app.services.admin_pages.step_aside`): nothing may
  use `ctx.session` until `session_back`; a window stops its own workers on the folder and asks nothing more;
- `session_back()`: the session is open again (`come_back`), maybe on another database with another role: reload.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Events(QObject):
    accident_saved = Signal(str)
    accident_voided = Signal(str)
    incident_saved = Signal(str)
    records_changed = Signal()
    settings_changed = Signal()
    users_changed = Signal()
    session_leaving = Signal()
    session_back = Signal()
