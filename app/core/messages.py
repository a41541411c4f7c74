"""Every message the core can give a user, by code, in English.

The texts are marked with `QT_TRANSLATE_NOOP` so that `pyside6-lupdate` collects them into `i18n/*.ts`; the
command line and the desktop program translate them with Qt's translator (`app.i18n`). The core itself never
imports Qt: the marker below is a plain function with the name lupdate looks for.
Placeholders are `str.format` fields; a test checks that every translation keeps the same ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate recognises
    return text


CATALOG: dict[str, str] = {
    # How an issue is placed: on a line of a file, on a field.
    "issue.line": QT_TRANSLATE_NOOP("Messages", "line {line}: {message}"),
    "issue.field": QT_TRANSLATE_NOOP("Messages", "{field}: {message}"),
    "validation.failed": QT_TRANSLATE_NOOP(
        "Messages", "{count} error(s) found; nothing was saved. Correct them and try again."
    ),
    # Field values.
    "field.required": QT_TRANSLATE_NOOP("Messages", "is required; fill it in"),
    "field.unknown": QT_TRANSLATE_NOOP(
        "Messages", "is not a field of an accident record; check its spelling (see docs/interchange.md)"
    ),
    "field.unknown_incident": QT_TRANSLATE_NOOP(
        "Messages", "is not a field of a serious technical incident; check its spelling (see docs/interchange.md)"
    ),
    "field.not_text": QT_TRANSLATE_NOOP("Messages", "must be text"),
    "field.too_long": QT_TRANSLATE_NOOP("Messages", "is longer than {limit} characters; shorten it"),
    "field.not_integer": QT_TRANSLATE_NOOP("Messages", "must be a whole number, got {value}"),
    "field.negative": QT_TRANSLATE_NOOP("Messages", "must not be negative, got {value}"),
    "field.not_number": QT_TRANSLATE_NOOP("Messages", "must be a number, got {value}"),
    "field.not_bool": QT_TRANSLATE_NOOP("Messages", "must be true or false, got {value}"),
    "field.not_tribool": QT_TRANSLATE_NOOP(
        "Messages", "must be true, false or null (not known), got {value}"),
    "field.not_date": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a date; write it as YYYY-MM-DD, for example 2026-03-15"
    ),
    "field.not_time": QT_TRANSLATE_NOOP("Messages", "{value} is not a time; write it as HH:MM, for example 07:30"),
    "field.not_uuid": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a record identifier (a UUID such as 3f2b…-…); keep the id the program gave"
    ),
    "field.bad_choice": QT_TRANSLATE_NOOP("Messages", "{value} is not allowed; use one of: {choices}"),
    "field.not_list": QT_TRANSLATE_NOOP("Messages", "must be a list"),
    "field.not_object": QT_TRANSLATE_NOOP("Messages", "must be an object with the victim's fields"),
    "field.too_large": QT_TRANSLATE_NOOP("Messages", "{value} is far too large; at most {maximum}"),
    "field.bad_characters": QT_TRANSLATE_NOOP(
        "Messages", "contains a character that is not valid text (half of a character pair, from a broken escape or a damaged file); retype the value"
    ),
    "field.invisible_removed": QT_TRANSLATE_NOOP(
        "Messages", "invisible characters (direction marks, zero-width spaces, control characters) were removed; check the text"
    ),
    # Rules of SPEC § 3.
    "date.invalid_input": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a date; write it as dd/mm/yyyy, for example 05/07/2026"
    ),
    "date.future": QT_TRANSLATE_NOOP("Messages", "the date {value} is in the future; enter a date up to today"),
    "date.before_accident": QT_TRANSLATE_NOOP(
        "Messages", "the date {value} is before the accident ({occurred_on}); check both dates"
    ),
    "birth.conflict": QT_TRANSLATE_NOOP(
        "Messages", "birth year {year} does not match birth date {date}; give one of them, or make them agree"
    ),
    "birth.year_range": QT_TRANSLATE_NOOP("Messages", "birth year {value} is not plausible; check it"),
    "birth.after_accident": QT_TRANSLATE_NOOP("Messages", "the victim is born after the accident date; check both dates"),
    "victims.none": QT_TRANSLATE_NOOP("Messages", "an accident needs at least one victim"),
    "victims.too_many": QT_TRANSLATE_NOOP(
        "Messages", "{count} victims in one accident; at most {limit} can be recorded in one record"),
    "fatal.no_death": QT_TRANSLATE_NOOP(
        "Messages", "a fatal case needs the date of death (died_on) or the outcome 'died'"
    ),
    "fatal.not_fatal": QT_TRANSLATE_NOOP(
        "Messages", "a date of death or the outcome 'died' means the severity is 'fatal'; set severity to fatal"
    ),
    "code.unknown": QT_TRANSLATE_NOOP(
        "Messages", "code {value} is not in the list {list}; pick a code from the list"
    ),
    "code.not_valid_on": QT_TRANSLATE_NOOP(
        "Messages", "code {value} of the list {list} is not valid on {date} (valid {valid}); pick a code valid on the accident date"
    ),
    "unit.not_commune": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a commune code; give the 5-digit code of a commune, ward or special zone"
    ),
    "unit.unknown": QT_TRANSLATE_NOOP(
        "Messages", "there is no commune with code {value} in the administrative units list; check the code"
    ),
    "unit.not_ours": QT_TRANSLATE_NOOP(
        "Messages", "this workstation records for commune {own}; the record names commune {value}"
    ),
    "unit.not_in_province": QT_TRANSLATE_NOOP(
        "Messages", "commune {value} is not in province {province}, which this office covers"
    ),
    "id_number.format": QT_TRANSLATE_NOOP(
        "Messages", "a personal ID number has exactly 12 digits; {value} has {digits}"
    ),
    "id_number.sex_century": QT_TRANSLATE_NOOP(
        "Messages", "digit 4 of the ID number ({digit}) does not match sex {sex} and birth year {year}; check both"
    ),
    "id_number.year": QT_TRANSLATE_NOOP(
        "Messages", "digits 5–6 of the ID number ({digits}) do not match the birth year {year}; check both"
    ),
    "phone.format": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a Vietnamese phone number (10 digits starting 03, 05, 07, 08, 09, or a landline 02…)"
    ),
    "age.unusual": QT_TRANSLATE_NOOP("Messages", "the victim's age is {age}; check the birth date or year"),
    "serious_injuries.minor": QT_TRANSLATE_NOOP(
        "Messages", "an injury from the serious-injury list is recorded; the severity should probably be 'serious'"
    ),
    "status.void_new": QT_TRANSLATE_NOOP("Messages", "a new record cannot be void; void it after saving"),
    "incident.unknown_accident": QT_TRANSLATE_NOOP(
        "Messages", "the accident {value} is not recorded here; link only accidents of this register (their ids are shown by tnld list)"
    ),
    # Files.
    "file.missing": QT_TRANSLATE_NOOP("Messages", "the file {path} does not exist; check the name and folder"),
    "file.not_file": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a file; give a file"),
    "file.unreadable": QT_TRANSLATE_NOOP("Messages", "the file {path} cannot be read: {reason}"),
    "file.empty": QT_TRANSLATE_NOOP("Messages", "the file {path} holds no accident; it is empty"),
    "file.exists": QT_TRANSLATE_NOOP(
        "Messages", "the file {path} already exists; choose another name or remove it first"
    ),
    "file.exists_force": QT_TRANSLATE_NOOP(
        "Messages", "the file {path} already exists; choose another name, or add --force to replace it"
    ),
    "file.not_regular": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not an ordinary file (a device, a pipe or a link to one); give the name of an ordinary file"
    ),
    "file.too_large": QT_TRANSLATE_NOOP(
        "Messages", "the file {path} is too large ({size}; at most {limit}); it is not the right file"
    ),
    "file.no_folder": QT_TRANSLATE_NOOP(
        "Messages", "the folder {folder} does not exist; create it first or choose another place for {path}"
    ),
    # What a file is, when it was given to the wrong command.
    "file.is_card": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a key card, not a bundle; register it with: tnld keys trust {path}"
    ),
    "file.is_backup": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a TNLĐ backup, not a bundle; it is restored with: tnld restore {path}"
    ),
    "file.is_bundle": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a TNLĐ bundle; it is imported with: tnld import {path}"
    ),
    "file.is_receipt": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a receipt from an office; the commune that sent the bundle imports it with: tnld import {path}"
    ),
    "file.is_keyfile": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the key file of a data folder (keys.json); it stays in its folder and is never imported"
    ),
    "file.is_jsonl": QT_TRANSLATE_NOOP(
        "Messages", "{path} holds records as JSON text, not a bundle; records are added with: tnld add {path}"
    ),
    "file.is_json": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a JSON text file, not a bundle; give the .tnld file the sender made with tnld export"
    ),
    "file.is_pdf": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a PDF, not a bundle; a signed report is checked with: tnld verify-pdf {path}"
    ),
    "file.is_spreadsheet": QT_TRANSLATE_NOOP(
        "Messages", "{path} is an Excel workbook, not a bundle; give the .tnld file the sender made with tnld export"
    ),
    "file.wrong_kind": QT_TRANSLATE_NOOP("Messages", "{path} is {kind}, not {wanted}; choose the right file"),
    "kind.bundle": QT_TRANSLATE_NOOP("Messages", "a TNLĐ bundle (a unit's report)"),
    "kind.receipt": QT_TRANSLATE_NOOP("Messages", "a receipt from an office"),
    "kind.card": QT_TRANSLATE_NOOP("Messages", "a key card"),
    "kind.backup": QT_TRANSLATE_NOOP("Messages", "a TNLĐ backup"),
    "kind.keyfile": QT_TRANSLATE_NOOP("Messages", "the key file of a data folder (keys.json)"),
    "kind.jsonl": QT_TRANSLATE_NOOP("Messages", "a file of records as JSON text"),
    "kind.json": QT_TRANSLATE_NOOP("Messages", "a JSON text file"),
    "kind.pdf": QT_TRANSLATE_NOOP("Messages", "a PDF"),
    "kind.spreadsheet": QT_TRANSLATE_NOOP("Messages", "an Excel workbook"),
    "file.is_other": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a file TNLĐ makes; check that you chose the right file"
    ),
    # Disks.
    "disk.full": QT_TRANSLATE_NOOP(
        "Messages", "the disk holding {path} is full; nothing was saved. Free some space (delete or move files you no longer need), or choose another place"
    ),
    "disk.read_only": QT_TRANSLATE_NOOP(
        "Messages", "{path} is on a read-only disk or folder (a USB stick with its lock switch on?); nothing was saved. Choose another place"
    ),
    "disk.no_permission": QT_TRANSLATE_NOOP(
        "Messages", "this user may not write to {path}; nothing was saved. Choose another place, or ask whoever looks after this computer"
    ),
    "jsonl.number_too_long": QT_TRANSLATE_NOOP(
        "Messages", "line {line} holds a number with thousands of digits; no field takes such a number. Is this the right file?"
    ),
    "jsonl.too_deep": QT_TRANSLATE_NOOP(
        "Messages", "line {line} nests lists or objects {depth} levels deep; a record nests a few levels at most. Is this the right file?"
    ),
    "file.changed": QT_TRANSLATE_NOOP(
        "Messages", "the file changed while it was being read; nothing was saved. Close other programs using it and try again"
    ),
    "jsonl.not_utf8": QT_TRANSLATE_NOOP(
        "Messages", "line {line} is not UTF-8 text (byte {byte} at position {position}); save the file as UTF-8"
    ),
    "jsonl.too_long": QT_TRANSLATE_NOOP(
        "Messages", "line {line} is longer than {limit} bytes; one accident per line is far shorter. Is this the right file?"
    ),
    "jsonl.bad_json": QT_TRANSLATE_NOOP(
        "Messages", "line {line} is not valid JSON ({reason} at column {column})"
    ),
    "jsonl.duplicate_key": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: the field {key} is written twice in one record; keep it once"
    ),
    "jsonl.not_object": QT_TRANSLATE_NOOP(
        "Messages", "line {line} is not a JSON object; each line must be one accident {{…}}"
    ),
    "jsonl.duplicate_id": QT_TRANSLATE_NOOP(
        "Messages", "the same accident id appears again on line {first}; put each accident once in a file"
    ),
    # Periods.
    "period.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a period; use 2026, 2026-H1, 2026-H2, 2026-Q1…Q4 or 2026-03"
    ),
    # Records named by the first characters of their id (as lists show them).
    "record.ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "more than one record has an id beginning with {value}: {records}; give more characters of the id"
    ),
    # Data directory, login, users.
    "datadir.not_initialised": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a TNLĐ data folder; set it up first with: tnld --data-dir {path} init …"
    ),
    "datadir.exists": QT_TRANSLATE_NOOP(
        "Messages", "{path} already holds a TNLĐ database; choose an empty folder"
    ),
    "datadir.keyfile_damaged": QT_TRANSLATE_NOOP(
        "Messages", "the key file {path} is damaged ({reason}); restore it from a backup"
    ),
    "datadir.not_folder": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a file, not a folder; give the data folder with --data-dir (or TNLD_DATA_DIR)"
    ),
    "init.role": QT_TRANSLATE_NOOP("Messages", "the role must be 'commune' or 'office', not {value}"),
    "init.office_unit": QT_TRANSLATE_NOOP(
        "Messages", "an office is set up with the 2-digit code of its province; {value} is not a province code"
    ),
    "init.office_name": QT_TRANSLATE_NOOP(
        "Messages", "an office needs its name: add --office-name \"Sở Nội vụ tỉnh …\""
    ),
    "password.missing": QT_TRANSLATE_NOOP(
        "Messages", "no password given; use --password-file FILE or the TNLD_PASSWORD variable"
    ),
    "password.short": QT_TRANSLATE_NOOP(
        "Messages", "the password must have at least {minimum} characters; a few words that only you would put"
        " together make a good one"
    ),
    "password.repeated": QT_TRANSLATE_NOOP(
        "Messages", "the password uses fewer than {minimum} different characters (spaces not counted); choose a few"
        " words instead"
    ),
    "password.sequence": QT_TRANSLATE_NOOP(
        "Messages", "the password is a run of letters, digits or keys (like 1234567890 or qwertyuiop), which is"
        " guessed at once; choose a few words instead"
    ),
    "password.common": QT_TRANSLATE_NOOP(
        "Messages", "the password is one of the most common ones (digits or signs around it do not help), which are"
        " tried first; choose a few words that only you would put together"
    ),
    "password.has_user": QT_TRANSLATE_NOOP(
        "Messages", "the password contains the user name {user}; choose one that does not"
    ),
    "password.has_unit": QT_TRANSLATE_NOOP(
        "Messages", "the password contains the unit's name ({unit}); choose one that does not"
    ),
    "password.mismatch": QT_TRANSLATE_NOOP("Messages", "the two passwords differ; type the same password twice"),
    "login.failed": QT_TRANSLATE_NOOP(
        "Messages", "wrong user name or password; nothing was opened. Forgot it? An admin can reset it, or use the recovery code"
    ),
    "login.inactive": QT_TRANSLATE_NOOP("Messages", "the user {user} is disabled; ask an admin"),
    "login.delayed": QT_TRANSLATE_NOOP(
        "Messages", "several wrong passwords were typed for this user name; waiting a little before the next try…"
    ),
    "users.changed_outside": QT_TRANSLATE_NOOP(
        "Messages", "the users table was changed outside TNLĐ (users: {users}); nothing was opened. Ask an admin to"
        " log in: TNLĐ then puts the users back as an admin last saved them"
    ),
    "users.signature_broken": QT_TRANSLATE_NOOP(
        "Messages", "the users table or its signature was changed outside TNLĐ; nothing was opened. An admin should"
        " restore the latest backup with: tnld restore FILE, and tell the office"
    ),
    "users.put_back": QT_TRANSLATE_NOOP(
        "Messages", "the users table had been changed outside TNLĐ (users: {users}); the users were put back as an"
        " admin last saved them. Check who can use this computer with: tnld users list"
    ),
    "users.no_admin_key": QT_TRANSLATE_NOOP(
        "Messages", "the admin key is not sealed to you on this workstation yet; ask another admin to log in once,"
        " then try again"
    ),
    "recover.disabled": QT_TRANSLATE_NOOP(
        "Messages", "the user {user} is disabled, and the recovery code does not let a disabled user in; an admin"
        " can enable them again with: tnld users enable {user}"
    ),
    "keys.change_finished": QT_TRANSLATE_NOOP(
        "Messages", "a change of the database key had been cut short and is now finished; its new recovery code may"
        " never have been printed: an admin should make a new one with: tnld users new-key"
    ),
    "keys.not_this_database": QT_TRANSLATE_NOOP(
        "Messages", "the key file {path} does not open this folder's database: it is an old copy of keys.json, or"
        " the database has been given a new key since (when a user is disabled or a password may have leaked)."
        " Nothing was opened. Do not restore a backup because of this: use the current keys.json, or ask an admin"
    ),
    "db.missing": QT_TRANSLATE_NOOP(
        "Messages", "the database file {path} is missing or empty, though this folder was set up; nothing was"
        " created in its place. Restore the latest backup with: tnld restore FILE"
    ),
    "keys.recovery_outdated": QT_TRANSLATE_NOOP(
        "Messages", "this workstation's recovery code was made before the admin key existed and does not bring it"
        " back; print a new recovery code with: tnld users new-key"
    ),
    "recovery.failed": QT_TRANSLATE_NOOP(
        "Messages", "the recovery code is wrong; type it as printed, the dashes may be left out"
    ),
    "role.forbidden": QT_TRANSLATE_NOOP(
        "Messages", "the user {user} ({role}) may not {action}; ask a user with the role {needed}"
    ),
    "action.save_records": QT_TRANSLATE_NOOP("Messages", "save records"),
    "action.add_records": QT_TRANSLATE_NOOP("Messages", "add records"),
    "action.manage_users": QT_TRANSLATE_NOOP("Messages", "manage users"),
    "action.read_audit": QT_TRANSLATE_NOOP("Messages", "read the audit log"),
    "action.restore": QT_TRANSLATE_NOOP("Messages", "restore a backup"),
    "action.backup": QT_TRANSLATE_NOOP("Messages", "make a backup"),
    "role.office_only": QT_TRANSLATE_NOOP("Messages", "this is done at a receiving office, not at a commune"),
    "user.exists": QT_TRANSLATE_NOOP("Messages", "there is already a user named {user}"),
    "user.unknown": QT_TRANSLATE_NOOP("Messages", "there is no user named {user}"),
    "user.name": QT_TRANSLATE_NOOP(
        "Messages", "a user name has 1 to 40 letters, digits, dots, dashes or underscores; {value} does not fit"
    ),
    "user.role": QT_TRANSLATE_NOOP("Messages", "the role must be admin, clerk or viewer, not {value}"),
    "user.last_admin": QT_TRANSLATE_NOOP("Messages", "{user} is the last admin; make another admin first"),
    "user.self": QT_TRANSLATE_NOOP(
        "Messages", "you ({user}) cannot disable yourself or change your own role; ask another admin"
    ),
    "user.already_disabled": QT_TRANSLATE_NOOP("Messages", "the user {user} is already disabled"),
    "user.already_active": QT_TRANSLATE_NOOP("Messages", "the user {user} is not disabled"),
    "user.enable_needs_password": QT_TRANSLATE_NOOP(
        "Messages", "the user {user} is disabled; enable them with a new password: tnld users enable {user}"
    ),
    # Database.
    "db.newer": QT_TRANSLATE_NOOP(
        "Messages", "this database was written by a newer version of TNLĐ ({names}); install the newer version"
    ),
    "db.damaged": QT_TRANSLATE_NOOP(
        "Messages", "the database is damaged ({reason}); restore the latest backup with: tnld restore FILE"
    ),
    "db.busy": QT_TRANSLATE_NOOP(
        "Messages",
        "another TNLĐ window or command has been saving to this data folder for too long; nothing was changed."
        " Wait until it has finished (or close it), then try again",
    ),
    "db.waiting": QT_TRANSLATE_NOOP(
        "Messages", "another TNLĐ window or command is saving to this data folder; waiting for it to finish…"
    ),
    "datadir.in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "the data folder is open in another TNLĐ window or command; nothing was changed. Close the other"
        " windows and commands (on every user account of this computer), then try again",
    ),
    "datadir.being_replaced": QT_TRANSLATE_NOOP(
        "Messages",
        "the data folder is being restored or re-keyed by another TNLĐ window or command; try again when it has"
        " finished",
    ),
    "datadir.waiting_for_others": QT_TRANSLATE_NOOP(
        "Messages", "waiting for the other TNLĐ windows and commands on this data folder to close…"
    ),
    "datadir.waiting_for_replace": QT_TRANSLATE_NOOP(
        "Messages", "the data folder is being restored or re-keyed; waiting for that to finish…"
    ),
    "datadir.unwritable": QT_TRANSLATE_NOOP(
        "Messages", "cannot use the data folder {path}: {reason}. Choose a folder you can write to"
    ),
    # The audit log.
    "audit.anchor_invalid": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not an audit log head; give it as LENGTH:HASH, as tnld audit head prints it"
    ),
    "audit.anchor_broken": QT_TRANSLATE_NOOP(
        "Messages",
        "the audit log no longer extends the head taken earlier: rows were deleted or rewritten (entry {length}"
        " no longer has the hash {head}…). Keep this database for inspection and tell the office",
    ),
    # Backup and restore.
    "backup.not_backup": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a TNLĐ backup file ({reason})"
    ),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "Messages", "the backup {path} is damaged: {reason}; use another backup"
    ),
    "backup.other_unit": QT_TRANSLATE_NOOP(
        "Messages", "this backup belongs to unit {backup_unit}, but this data folder is unit {unit}; restore it into an empty folder"
    ),
    "file.unwritable": QT_TRANSLATE_NOOP(
        "Messages", "the file {path} cannot be written: {reason}; check the USB stick or folder and try again"
    ),
    "backup.relabelled": QT_TRANSLATE_NOOP(
        "Messages",
        "the backup {path} was altered: its label says unit {label}, but its database is of unit {unit}. Do not"
        " restore it; tell the office",
    ),
    "backup.forged": QT_TRANSLATE_NOOP(
        "Messages", "the backup {path} was altered ({reason}). Do not restore it; tell the office"
    ),
    "backup.unsigned": QT_TRANSLATE_NOOP(
        "Messages",
        "this backup was made before backups were signed: only what its database holds (unit, records, keys) was"
        " checked. Restore it only if you know where it comes from",
    ),
    "backup.other_workstation": QT_TRANSLATE_NOOP(
        "Messages",
        "the backup {path} was made by another workstation (key {backup_key}), not this one (key {key}); nothing"
        " was changed. If this computer was set up again and the backup is this unit's own, restore it into an"
        " empty data folder",
    ),
    "backup.unknown_workstation": QT_TRANSLATE_NOOP(
        "Messages",
        "the backup {path} holds no workstation key, and its audit log does not begin with this data folder's set-up:"
        " it may come from another workstation; nothing was changed. If the backup is this unit's own, restore it"
        " into an empty data folder",
    ),
    "backup.password": QT_TRANSLATE_NOOP(
        "Messages",
        "the backup does not open with the password of {user}: it was changed after the backup was made, or {user}"
        " was not a user then. Give the password valid then (--backup-password-file FILE; --backup-user NAME for"
        " another user of the backup)",
    ),
    "backup.user_inactive": QT_TRANSLATE_NOOP(
        "Messages",
        "{user} is not an active user in this backup, so could not log in after the restore; restore it as an"
        " admin who was a user then",
    ),
    "backup.no_space": QT_TRANSLATE_NOOP(
        "Messages",
        "not enough free space in {path} to restore ({needed} MB needed, {free} MB free); nothing was changed."
        " Free some space and try again",
    ),
    "restore.login_needed": QT_TRANSLATE_NOOP(
        "Messages",
        "the data folder {path} is set up: only one of its admins may restore a backup into it, logged in with"
        " their password of today; nothing was changed",
    ),
    "restore.confirm": QT_TRANSLATE_NOOP(
        "Messages",
        "a restore replaces today's {today} accident(s) by the backup's {backup}; nothing was changed. Check the"
        " backup shown above, then run the command again with --yes",
    ),
    "restore.changed": QT_TRANSLATE_NOOP(
        "Messages", "the backup {path} changed since it was shown; nothing was changed. Look at it again"
    ),
    "restore.today_changed": QT_TRANSLATE_NOOP(
        "Messages", "today's data changed after it was shown ({shown_accidents} → {accidents} accident(s),"
        " {shown_incidents} → {incidents} incident(s), {shown_users} → {users} user(s)): another window or command"
        " saved meanwhile; nothing was changed. Look at the backup and today's data again, then confirm"
    ),
    "restore.not_damaged": QT_TRANSLATE_NOOP(
        "Messages", "the database {path} opens and is not damaged; nothing was changed. A backup is restored into"
        " it only by one of its admins, logged in, with: tnld restore FILE"
    ),
    "restore.finished": QT_TRANSLATE_NOOP(
        "Messages", "a restore had been cut short (a power cut or a crash) and is now completed: the data folder"
        " holds the backup, with the passwords that were valid when it was made"
    ),
    "restore.finished_login": QT_TRANSLATE_NOOP(
        "Messages", "a restore had been cut short (a power cut or a crash) and is now completed: the data folder"
        " holds the backup. Log in with a password that was valid when the backup was made (or use the recovery"
        " code printed then)"
    ),
    # Keys and key cards.
    "keys.damaged": QT_TRANSLATE_NOOP(
        "Messages", "this workstation's keys cannot be opened; restore the latest backup"
    ),
    "card.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a valid TNLĐ key card ({reason}); ask the unit to write its card again with: tnld keys card"
    ),
    "card.newer": QT_TRANSLATE_NOOP(
        "Messages", "the key card {path} was written by a newer version of TNLĐ; install the newer version"
    ),
    "card.own": QT_TRANSLATE_NOOP("Messages", "{path} is this workstation's own card; register the other unit's card"),
    "card.unknown_unit": QT_TRANSLATE_NOOP(
        "Messages", "the key card {path} names unit {unit}, which is not in the administrative units list"
    ),
    "card.commune_at_commune": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the card of commune {unit} {name}; a commune registers only its receiving office's card"
    ),
    "card.not_in_area": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the card of commune {unit} {name}, which is not in province {province} that this office covers"
    ),
    "card.was_replaced": QT_TRANSLATE_NOOP(
        "Messages", "the key card {path} of unit {unit} was replaced by a newer card; it cannot be registered again"
    ),
    "card.changed": QT_TRANSLATE_NOOP(
        "Messages", "unit {unit} {name} is already registered with another key (fingerprint {old}); this card has {new}. "
        "Call the unit to confirm the new fingerprint, then an admin may register it with --replace"
    ),
    "action.manage_keys": QT_TRANSLATE_NOOP("Messages", "register key cards"),
    "action.export": QT_TRANSLATE_NOOP("Messages", "export bundles"),
    "action.import": QT_TRANSLATE_NOOP("Messages", "import bundles"),
    "action.settings": QT_TRANSLATE_NOOP("Messages", "change settings"),
    "action.resolve_duplicates": QT_TRANSLATE_NOOP("Messages", "decide on duplicates"),
    "action.settle": QT_TRANSLATE_NOOP("Messages", "settle the flags on a commune's bundles"),
    # Bundles: export.
    "export.no_office_card": QT_TRANSLATE_NOOP(
        "Messages", "no office key card is registered, and a bundle is never sent unencrypted: exchange key cards with "
        "the office first (tnld keys card, then tnld keys trust OFFICE.card after checking its fingerprint by phone). "
        "Nothing was written"
    ),
    "export.nil_running": QT_TRANSLATE_NOOP(
        "Messages", "the period {period} runs until {end} and has no record yet: a report of 'nothing to report' can "
        "only be sent once the period has ended. Nothing was written"
    ),
    "export.choose_office": QT_TRANSLATE_NOOP(
        "Messages", "several office cards are registered ({offices}); say which office the bundle is for with --to CODE"
    ),
    "export.unknown_office": QT_TRANSLATE_NOOP(
        "Messages", "no registered office matches {value}; registered offices: {offices}"
    ),
    # Bundles: why a file is refused as damaged (exit code 3).
    "bundle.reason.empty": QT_TRANSLATE_NOOP(
        "Messages", "{path} is empty: it is not a bundle. Copy the file again from the sender"
    ),
    "bundle.reason.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{path} is far larger than any bundle; it is not a TNLĐ bundle"
    ),
    "bundle.reason.not_zip": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a TNLĐ bundle (not a zip archive), or it is truncated; copy it again from the sender"
    ),
    "bundle.reason.not_bundle": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a zip archive but not a TNLĐ bundle"
    ),
    "bundle.reason.members": QT_TRANSLATE_NOOP(
        "Messages", "{path} holds more files than a bundle has; it was not made by TNLĐ. Refused"
    ),
    "bundle.reason.unsafe_name": QT_TRANSLATE_NOOP(
        "Messages", "{path} contains a file named {name}, with a folder or path in its name; refused as unsafe"
    ),
    "bundle.reason.duplicate_name": QT_TRANSLATE_NOOP(
        "Messages", "{path} contains the file {name} twice; refused as tampered"
    ),
    "bundle.reason.zip_encrypted": QT_TRANSLATE_NOOP(
        "Messages", "{path} uses zip passwords ({name}), which TNLĐ bundles never do; refused"
    ),
    "bundle.reason.oversized": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the part {name} would unpack to a size no bundle has; refused without unpacking it"
    ),
    "bundle.reason.corrupt": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged (the part {name} does not unpack); copy it again from the sender"
    ),
    "bundle.reason.manifest": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged: its manifest is not valid ({detail}); ask the sender to export it again"
    ),
    "bundle.reason.certificate": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged: the signer's certificate is not valid"
    ),
    "bundle.reason.signature": QT_TRANSLATE_NOOP(
        "Messages", "{path} was changed after it was signed (the signature does not match); refused. Ask the sender for the file again"
    ),
    "bundle.reason.missing_part": QT_TRANSLATE_NOOP(
        "Messages", "{path} is incomplete: the part {name} is missing; copy it again from the sender"
    ),
    "bundle.reason.extra_part": QT_TRANSLATE_NOOP(
        "Messages", "{path} contains {name}, which its manifest does not list; refused as tampered"
    ),
    "bundle.reason.hash": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the part {name} does not match the signed manifest (changed or damaged); refused"
    ),
    "bundle.reason.decrypt": QT_TRANSLATE_NOOP(
        "Messages", "{path} does not decrypt with this office's key although it is addressed to it; the file is damaged"
    ),
    "bundle.reason.reused_id": QT_TRANSLATE_NOOP(
        "Messages", "{path} has the id of a bundle already imported but other content; refused. Ask the sender"
    ),
    "bundle.reason.container": QT_TRANSLATE_NOOP(
        "Messages", "{path} was altered: its bytes differ from what TNLĐ writes for this content; refused. Copy it again from the sender"
    ),
    "bundle.reason.field": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the field {field} is not valid ({reason}); refused. Ask the sender to export the file again"
    ),
    "bundle.why.missing": QT_TRANSLATE_NOOP("Messages", "it is missing"),
    "bundle.why.not_json": QT_TRANSLATE_NOOP("Messages", "it is not valid JSON text in UTF-8"),
    "bundle.why.type": QT_TRANSLATE_NOOP("Messages", "it has the wrong type"),
    "bundle.why.range": QT_TRANSLATE_NOOP("Messages", "the number is outside the range a bundle can have"),
    "bundle.why.form": QT_TRANSLATE_NOOP("Messages", "it is not written in the form the bundle format requires"),
    "bundle.why.unknown": QT_TRANSLATE_NOOP("Messages", "the value is not one this version of the format knows"),
    "bundle.why.duplicate_key": QT_TRANSLATE_NOOP("Messages", "a key is written twice in it"),
    "bundle.why.certificate": QT_TRANSLATE_NOOP("Messages", "it differs from the signer's certificate"),
    "bundle.why.not_encrypted": QT_TRANSLATE_NOOP(
        "Messages", "a bundle of format 3 must be encrypted to the receiving office, and this one is not"),
    "bundle.why.first": QT_TRANSLATE_NOOP(
        "Messages", "it must be empty for a workstation's first bundle, and only for it"),
    "bundle.why.receipt_role": QT_TRANSLATE_NOOP("Messages", "a receipt is signed by an office"),
    "bundle.why.flags": QT_TRANSLATE_NOOP("Messages", "it does not agree with the part's name and the bundle's encryption"),
    "bundle.why.parts": QT_TRANSLATE_NOOP(
        "Messages", "the parts are not the ones the format requires, in its order"),
    "bundle.why.commune_contains": QT_TRANSLATE_NOOP("Messages", "a commune's bundle includes no other bundle"),
    "bundle.why.binding": QT_TRANSLATE_NOOP("Messages", "it does not match the signed manifest"),
    "bundle.why.counts": QT_TRANSLATE_NOOP("Messages", "it differs from what the bundle's parts hold"),
    "bundle.why.other_office": QT_TRANSLATE_NOOP("Messages", "it names another office than this one"),
    "bundle.newer": QT_TRANSLATE_NOOP(
        "Messages", "{path} was made by a newer version of TNLĐ (bundle format {version}; this one reads up to {supported}); update the program"
    ),
    # Bundles: trust (exit code 4).
    "bundle.unknown_signer": QT_TRANSLATE_NOOP(
        "Messages", "{path} is signed by {unit} {name} with a key this workstation does not know (fingerprint {fingerprint}). "
        "Register the unit's key card first (tnld keys trust CARD), after checking the fingerprint by phone"
    ),
    "bundle.changed_key": QT_TRANSLATE_NOOP(
        "Messages", "{path} is signed in the name of {unit} {name} but with a NEW key (fingerprint {fingerprint}), not the registered one. "
        "Refused: call the unit; if they really changed computers, an admin registers their new card with --replace"
    ),
    "bundle.replaced_key": QT_TRANSLATE_NOOP(
        "Messages", "{path} is signed by an old key of {unit} {name} that was replaced (fingerprint {fingerprint}); ask the unit to export it again"
    ),
    # Bundles: import.
    "bundle.other_office": QT_TRANSLATE_NOOP(
        "Messages", "{path} is encrypted for another office ({unit} {office}); it cannot be read here. Send it to that office"
    ),
    "bundle.not_our_area": QT_TRANSLATE_NOOP(
        "Messages", "{path} comes from commune {unit}, which is not in province {province} that this office covers; refused"
    ),
    "bundle.invalid_records": QT_TRANSLATE_NOOP(
        "Messages", "{path} holds records that fail validation; the bundle was not imported. Ask the commune to correct them and export again"
    ),
    "bundle.record_version": QT_TRANSLATE_NOOP("Messages", "the record has no valid version number"),
    "bundle.record_other_unit": QT_TRANSLATE_NOOP(
        "Messages", "the record belongs to commune {value}, but the bundle was signed by commune {unit}"
    ),
    "bundle.id_both_kinds": QT_TRANSLATE_NOOP(
        "Messages", "the id {value} is used by an accident and by an incident of the bundle; one id is one record"
    ),
    "bundle.record_not_contained": QT_TRANSLATE_NOOP(
        "Messages", "the record belongs to commune {value}, whose bundle this office's bundle does not list"
    ),
    "bundle.record_outside_period": QT_TRANSLATE_NOOP(
        "Messages", "the accident date {value} lies outside the bundle's period {period}"
    ),
    "import.not_office": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a commune bundle; a commune imports only receipts. Import bundles at the receiving office"
    ),
    "import.nothing": QT_TRANSLATE_NOOP(
        "Messages", "no bundle (.tnld file) found in {paths}; give bundle files or a folder holding them"
    ),
    "import.cancelled": QT_TRANSLATE_NOOP(
        "Messages", "cancelled; the {count} file(s) imported before the cancel were kept whole, the others changed nothing"
    ),
    "receipt.not_ours": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a receipt for a bundle this workstation did not send; nothing was changed"
    ),
    "bundle.downgrade": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a bundle of format {version} signed by {unit} {name}, whose program already sent "
        "format 3: an older format from it is refused (it would escape the newer checks). Ask the commune to export again"
    ),
    "receipt.wrong_office": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a receipt signed by {unit} {name}, which is not the office the bundle was sent to; "
        "nothing was changed"
    ),
    "import.received_future": QT_TRANSLATE_NOOP(
        "Messages", "the date of receipt {date} is after today; give the day the USB stick arrived (dd/mm/yyyy)"
    ),
    "import.received_before_period": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the report of {period}, which had not begun on {date}, the date of receipt given; "
        "check the date"
    ),
    # Reports.
    "setting.unknown": QT_TRANSLATE_NOOP("Messages", "there is no setting {key}; the settings are: {keys}"),
    "setting.bad_days": QT_TRANSLATE_NOOP(
        "Messages", "{key} is a number of days from 0 to 366 after the end of the period; got {value}"
    ),
    "setting.bad_phone": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a phone number; write 10 or 11 digits starting with 0, for example 0205 3812 345"
    ),
    "setting.bad_text": QT_TRANSLATE_NOOP("Messages", "{key} must be a text of 1 to 200 characters"),
    "setting.bad_onoff": QT_TRANSLATE_NOOP("Messages", "{key} is on or off; got {value}"),
    "setting.periodic_annex": QT_TRANSLATE_NOOP(
        "Messages", "print the annex (causes, factors, lists, incidents) after the periodic report: on or off"),
    "setting.signer_name": QT_TRANSLATE_NOOP("Messages", "who signs the printed reports (the chairman, or the head of the office)"),
    "setting.signer_on_behalf": QT_TRANSLATE_NOOP(
        "Messages", "the line above the signer's title (default: TM. ỦY BAN NHÂN DÂN, or KT. GIÁM ĐỐC at an office; - for none)"),
    "setting.signer_title": QT_TRANSLATE_NOOP(
        "Messages", "the signer's title (default: CHỦ TỊCH, or PHÓ GIÁM ĐỐC at an office)"),
    "setting.office_abbreviation": QT_TRANSLATE_NOOP(
        "Messages", "the office's abbreviation in document numbers, as in …/BC-SNV (derived from its name when unset)"),
    "setting.reporter_name": QT_TRANSLATE_NOOP("Messages", "who reports in the quick report (default: the signer)"),
    "setting.reporter_phone": QT_TRANSLATE_NOOP("Messages", "the phone number printed in the quick report"),
    "setting.due_days.half": QT_TRANSLATE_NOOP("Messages", "days after 30 June by which the half-year report is due"),
    "setting.due_days.year": QT_TRANSLATE_NOOP("Messages", "days after 31 December by which the year's report is due"),
    "setting.due_days.quarter": QT_TRANSLATE_NOOP("Messages", "days after the end of a quarter by which its report is due"),
    "setting.due_days.month": QT_TRANSLATE_NOOP("Messages", "days after the end of a month by which its report is due"),
    "report.kind": QT_TRANSLATE_NOOP("Messages", "there is no report kind {value}; use one of: {kinds}"),
    "report.quick_not_needed": QT_TRANSLATE_NOOP(
        "Messages", "accident {id} has no death and fewer than two seriously injured; a quick report is not required"
    ),
    "report.void_record": QT_TRANSLATE_NOOP(
        "Messages", "the accident {id} is void; no form is printed for a void record"
    ),
    "report.needs_period": QT_TRANSLATE_NOOP("Messages", "this report is of a period; add --period, for example --period 2026-H1"),
    "report.needs_id": QT_TRANSLATE_NOOP("Messages", "this form is of one accident; add --id with the id shown by tnld list"),
    "report.format_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "--format {format} does not match the file name {name} (a {extension} file); change one of them"),
    "report.format_unknown": QT_TRANSLATE_NOOP(
        "Messages", "the file name {name} does not end with the report's format; end it with {extensions}"),
    "report.office_abbreviation": QT_TRANSLATE_NOOP(
        "Messages", "the abbreviation of {name} in document numbers (as SNV in …/BC-SNV) is not known; set it with: "
        "tnld settings set office_abbreviation ABBREVIATION"),
    "report.notice_at_office": QT_TRANSLATE_NOOP(
        "Messages", "a notice of a period's accidents is posted by a commune's People's Committee: add --unit with the "
        "commune's code to print that commune's notice, or --id to print the notice of one accident"),
    "report.option_unused": QT_TRANSLATE_NOOP(
        "Messages", "{option} does not apply to --kind {kind} (with --id, a form is of that one accident, not of a "
        "period; --with-identifiers is for the line list); leave it out"),
    "report.future_period": QT_TRANSLATE_NOOP(
        "Messages", "the period {period} begins on {start}, after today: nothing can be reported for it yet; "
        "choose a period that has begun"),
    "report.notice_unit": QT_TRANSLATE_NOOP(
        "Messages", "{value} is not a commune of this office's province; give the code of one of its communes"),
    "report.unit_only_notice": QT_TRANSLATE_NOOP(
        "Messages", "--unit is only for the notice of a period printed at an office; leave it out"),
    "report.not_insured": QT_TRANSLATE_NOOP(
        "Messages", "no victim of accident {id} holds voluntary accident insurance; the declaration form is for insured "
        "victims (mark the victim as insured first if they are)"),
    "report.format": QT_TRANSLATE_NOOP("Messages", "this report cannot be written as {value}; use one of: {formats}"),
    "pdf.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a readable PDF ({reason})"
    ),
    "pdf.unsigned": QT_TRANSLATE_NOOP("Messages", "{path} carries no signature; it was not made by TNLĐ, or was printed again"),
    # Duplicates.
    "duplicates.unknown_victim": QT_TRANSLATE_NOOP(
        "Messages", "there is no victim {value}; write victims as ACCIDENT_ID/N as tnld duplicates shows them"
    ),
    "duplicates.decision": QT_TRANSLATE_NOOP("Messages", "the decision must be 'same' or 'different', not {value}"),
    "duplicates.same_accident": QT_TRANSLATE_NOOP(
        "Messages", "{a} and {b} are victims of the same accident, not a duplicate pair"
    ),
    # Chain flags on received bundles (tnld conflicts).
    "flag.unknown": QT_TRANSLATE_NOOP(
        "Messages", "there is no flag {value}; tnld conflicts lists the flags with their numbers"
    ),
    "flag.already_settled": QT_TRANSLATE_NOOP(
        "Messages", "flag {id} was already settled by {user} at {time}; nothing was changed"
    ),
    "flag.note_missing": QT_TRANSLATE_NOOP(
        "Messages", "say what was found and done: add --note \"…\" (for example --note \"called the commune: they restored a backup\")"
    ),
    "flag.note_invalid": QT_TRANSLATE_NOOP(
        "Messages", "the note must be a text of 1 to {limit} characters"
    ),
    "operation.cancelled": QT_TRANSLATE_NOOP("Messages", "cancelled; nothing was changed"),
    "void.reason_missing": QT_TRANSLATE_NOOP(
        "Messages", "say why the record is void: add --reason \"…\" (for example --reason \"entered twice\")"
    ),
    "void.reason_invalid": QT_TRANSLATE_NOOP(
        "Messages", "the reason for voiding must be a text of 1 to {limit} characters"
    ),
    "record.unknown": QT_TRANSLATE_NOOP("Messages", "there is no accident with id {value}"),
    "record.changed_elsewhere": QT_TRANSLATE_NOOP(
        "Messages", "not saved: this accident was changed elsewhere since you opened it (now version {version}, "
        "by {by}). Nothing was changed; close the form, open the accident again and make your change there"),
}


# The desktop program's words for the messages above that tell the user to type a `tnld` command: the same
# fact, with where to click instead. `render(..., desktop=True)` takes these when there is one.
DESKTOP: dict[str, str] = {
    "incident.unknown_accident": QT_TRANSLATE_NOOP(
        "Messages", "the accident {value} is not recorded here; link only accidents of this register"),
    "file.is_card": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a key card, not a bundle; register it in Send ▸ Key cards"),
    "file.is_backup": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a TNLĐ backup, not a bundle; an admin restores it in Admin ▸ Backup and restore"),
    "file.is_bundle": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a TNLĐ bundle (a unit's report); it is imported by the office that receives it"),
    "file.is_receipt": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a receipt from an office; import it in Send ▸ Send to the office, under receipts"),
    "file.is_jsonl": QT_TRANSLATE_NOOP(
        "Messages", "{path} holds records as JSON text, not a bundle; give the .tnld file the sender made"),
    "file.is_json": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a JSON text file, not a bundle; give the .tnld file the sender made"),
    "file.is_pdf": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a PDF, not a bundle; give the .tnld file the sender made"),
    "file.is_spreadsheet": QT_TRANSLATE_NOOP(
        "Messages", "{path} is an Excel workbook, not a bundle; give the .tnld file the sender made"),
    "users.signature_broken": QT_TRANSLATE_NOOP(
        "Messages", "the users table or its signature was changed outside TNLĐ; nothing was opened. Tell the"
        " office: the latest backup must be restored (automatic backups are kept in the data folder's backups"
        " folder)"),
    "users.put_back": QT_TRANSLATE_NOOP(
        "Messages", "the users table had been changed outside TNLĐ (users: {users}); the users were put back as an"
        " admin last saved them. Check who can use this computer in Admin ▸ Users"),
    "recover.disabled": QT_TRANSLATE_NOOP(
        "Messages", "the user {user} is disabled, and the recovery code does not let a disabled user in; an admin"
        " can enable them again in Admin ▸ Users"),
    "keys.change_finished": QT_TRANSLATE_NOOP(
        "Messages", "a change of the database key had been cut short and is now finished; its new recovery code"
        " may never have been printed: an admin should make a new one in Admin ▸ Users"),
    "keys.recovery_outdated": QT_TRANSLATE_NOOP(
        "Messages", "this workstation's recovery code was made before the admin key existed and does not bring it"
        " back; an admin should print a new recovery code in Admin ▸ Users"),
    "user.enable_needs_password": QT_TRANSLATE_NOOP(
        "Messages", "the user {user} is disabled; enable them with a new password (Admin ▸ Users, Enable)"),
    "db.missing": QT_TRANSLATE_NOOP(
        "Messages", "the database file {path} is missing or empty, though this folder was set up; nothing was"
        " created in its place. Tell the office: the latest backup must be restored (automatic backups are kept"
        " in the data folder's backups folder)"),
    "datadir.not_initialised": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a TNLĐ data folder (its key file keys.json is missing); choose the right folder"),
    "db.damaged": QT_TRANSLATE_NOOP(
        "Messages", "the database is damaged ({reason}); tell the office: the latest backup must be restored"
        " (automatic backups are kept in the data folder's backups folder)"),
    "restore.not_damaged": QT_TRANSLATE_NOOP(
        "Messages", "the database {path} opens and is not damaged; nothing was changed. A backup is restored into"
        " it only by one of its admins, logged in (Admin ▸ Backup and restore)"),
    "card.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a valid TNLĐ key card ({reason}); ask the unit to save its key card again"),
    "export.no_office_card": QT_TRANSLATE_NOOP(
        "Messages", "no office key card is registered, and a bundle is never sent unencrypted: exchange key cards"
        " with the office first (Send ▸ Key cards: save this workstation's card for the office, and register the"
        " office's card after checking its fingerprint by phone). Nothing was written"),
    "bundle.unknown_signer": QT_TRANSLATE_NOOP(
        "Messages", "{path} is signed by {unit} {name} with a key this workstation does not know (fingerprint"
        " {fingerprint}). Register the unit's key card first (Send ▸ Key cards), after checking the fingerprint"
        " by phone"),
    "report.office_abbreviation": QT_TRANSLATE_NOOP(
        "Messages", "the abbreviation of {name} in document numbers (as SNV in …/BC-SNV) is not known; an admin"
        " sets it in Admin ▸ Settings"),
}


# Why a file could not be used: the `reason` of the messages above, in the user's language (never the English
# text of the operating system or of a library, which goes to the log). `Ref("reason.…")` or `os_reason(exc)`.
REASONS: dict[str, str] = {
    "os.not_found": QT_TRANSLATE_NOOP("Messages", "it does not exist (was the USB stick taken out?)"),
    "os.no_permission": QT_TRANSLATE_NOOP("Messages", "the user account logged in to this computer may not use it"),
    "os.in_use": QT_TRANSLATE_NOOP("Messages", "another program is using it; close that program and try again"),
    "os.disk_full": QT_TRANSLATE_NOOP("Messages", "the disk is full"),
    "os.read_only": QT_TRANSLATE_NOOP("Messages", "the disk is read-only (is the USB stick write-protected?)"),
    "os.is_folder": QT_TRANSLATE_NOOP("Messages", "it is a folder, not a file"),
    "os.not_folder": QT_TRANSLATE_NOOP("Messages", "a part of the path is not a folder"),
    "os.exists": QT_TRANSLATE_NOOP("Messages", "it exists already"),
    "os.io": QT_TRANSLATE_NOOP(
        "Messages", "the disk could not be read or written (a damaged or loose USB stick?)"),
    "os.name_too_long": QT_TRANSLATE_NOOP("Messages", "the name or the path is too long"),
    "os.bad_name": QT_TRANSLATE_NOOP("Messages", "the name is not allowed on this disk"),
    "os.device_gone": QT_TRANSLATE_NOOP("Messages", "the disk is gone (was the USB stick taken out?)"),
    "os.too_many_files": QT_TRANSLATE_NOOP("Messages", "too many files are open; close some programs"),
    "os.other": QT_TRANSLATE_NOOP("Messages", "the system refused (error {number})"),
    "reason.empty": QT_TRANSLATE_NOOP("Messages", "the file is empty"),
    "reason.too_large": QT_TRANSLATE_NOOP("Messages", "it is far too large for this kind of file"),
    "reason.not_json": QT_TRANSLATE_NOOP("Messages", "it is not readable text of this kind (damaged or another file)"),
    "reason.too_deep": QT_TRANSLATE_NOOP("Messages", "it is nested far too deeply (damaged or made to harm)"),
    "reason.not_text": QT_TRANSLATE_NOOP("Messages", "it is not text (damaged or another kind of file)"),
    "reason.not_zip": QT_TRANSLATE_NOOP("Messages", "it is not a packed (zip) file, or it is cut short"),
    "reason.damaged_archive": QT_TRANSLATE_NOOP("Messages", "its packed content is damaged or cut short"),
    "reason.members": QT_TRANSLATE_NOOP("Messages", "it holds other files than a backup does ({names})"),
    "reason.member_too_large": QT_TRANSLATE_NOOP("Messages", "a part of it is far too large"),
    "reason.no_manifest": QT_TRANSLATE_NOOP("Messages", "it has no TNLĐ label"),
    "reason.checksum": QT_TRANSLATE_NOOP("Messages", "its content does not match its checksum"),
    "reason.signature_unreadable": QT_TRANSLATE_NOOP("Messages", "its signature cannot be read"),
    "reason.signature_mismatch": QT_TRANSLATE_NOOP("Messages", "its signature does not match its label"),
    "reason.backup_keys": QT_TRANSLATE_NOOP("Messages", "its key file: {reason}"),
    "reason.backup_problems": QT_TRANSLATE_NOOP("Messages", "its database is not consistent"),
    "reason.backup_certificate": QT_TRANSLATE_NOOP("Messages", "the workstation's certificate in it is not valid"),
    "reason.backup_role": QT_TRANSLATE_NOOP("Messages", "the role on its label differs from its database's"),
    "reason.backup_counts": QT_TRANSLATE_NOOP("Messages", "the counts on its label differ from its database's"),
    "reason.backup_signer": QT_TRANSLATE_NOOP(
        "Messages", "it is signed with a key other than the workstation's in its database"),
    "reason.not_card": QT_TRANSLATE_NOOP("Messages", "it is not a TNLĐ key card"),
    "reason.bad_certificate": QT_TRANSLATE_NOOP("Messages", "its certificate is not valid"),
    "reason.card_unit_mismatch": QT_TRANSLATE_NOOP("Messages", "the card's unit does not match its certificate"),
    "reason.not_key_file": QT_TRANSLATE_NOOP("Messages", "it is not a TNLĐ key file"),
    "reason.no_keys": QT_TRANSLATE_NOOP("Messages", "it holds no keys"),
    "reason.key_file_entry": QT_TRANSLATE_NOOP(
        "Messages", "an entry in it is not valid (for whoever supports TNLĐ: {detail})"),
    "reason.key_file_version": QT_TRANSLATE_NOOP("Messages", "its version ({version}) is not one this program knows"),
    "reason.db_not_file": QT_TRANSLATE_NOOP("Messages", "{name} is not a file"),
    "reason.not_database": QT_TRANSLATE_NOOP(
        "Messages", "the file cannot be opened as this workstation's encrypted database"),
    "reason.changed_outside": QT_TRANSLATE_NOOP(
        "Messages", "the workstation's role, unit or unit name was changed outside TNLĐ"),
    "reason.not_pdf": QT_TRANSLATE_NOOP("Messages", "it is not a PDF, or it is damaged"),
    "reason.malformed": QT_TRANSLATE_NOOP("Messages", "a part of the database file is damaged"),
    "reason.db_cut_short": QT_TRANSLATE_NOOP("Messages", "the database file is cut short"),
    "reason.json_syntax": QT_TRANSLATE_NOOP("Messages", "the text is not well formed"),
    "os.link_loop": QT_TRANSLATE_NOOP("Messages", "the path leads round in a circle (a broken shortcut?)"),
    "role.name.admin": QT_TRANSLATE_NOOP("Messages", "admin"),
    "role.name.clerk": QT_TRANSLATE_NOOP("Messages", "clerk"),
    "role.name.viewer": QT_TRANSLATE_NOOP("Messages", "viewer"),
    "role.name.none": QT_TRANSLATE_NOOP("Messages", "no longer active"),
}
CATALOG.update(REASONS)


class Ref(str):
    """A parameter that is itself a message code, rendered in the same language (e.g. an action's name, the
    reason a file was refused), with parameters of its own."""

    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any) -> Ref:
        made = super().__new__(cls, code)
        made.params = params
        return made

    def __reduce__(self):  # errors cross process boundaries (bundles are checked in a worker process)
        return (_ref, (str(self), self.params))


def _ref(code: str, params: dict[str, Any]) -> Ref:
    return Ref(code, **params)


def _rendered(value: Any, translate: Callable[[str, str], str] | None, desktop: bool) -> Any:
    """A parameter as the message shows it: a `Ref` in the same language, a tuple of them joined by " / "."""
    if isinstance(value, Ref):
        return render(value, value.params, translate, desktop)
    if isinstance(value, tuple) and value and all(isinstance(item, Ref) for item in value):
        return " / ".join(render(item, item.params, translate, desktop) for item in value)
    return value


def role_names(*roles: str) -> Ref | tuple[Ref, ...]:
    """Role names (admin, clerk, viewer; none: disabled) as message parameters, in the user's language."""
    names = tuple(Ref(f"role.name.{role}" if f"role.name.{role}" in CATALOG else "role.name.none") for role in roles)
    return names[0] if len(names) == 1 else names


def render(code: str, params: Mapping[str, Any] | None = None, translate: Callable[[str, str], str] | None = None,
           desktop: bool = False) -> str:
    """The message *code* with its parameters filled in, translated by *translate(context, text)* if given;
    *desktop*: in the desktop program's words where they differ (`DESKTOP`: no `tnld` command to type)."""
    template = (DESKTOP.get(code) if desktop else None) or CATALOG.get(code)
    if template is None:  # a programming error, but never hide the message from the user
        return f"{code} {dict(params or {})}"
    if translate is not None:
        template = translate(CONTEXT, template) or template
    params = {key: _rendered(value, translate, desktop)
              for key, value in (params or {}).items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return CATALOG[code].format(**(params or {}))
