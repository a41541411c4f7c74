"""The data folder's lock: a session refused the folder alone keeps its share of it."""

import pytest

from app.core.errors import UserError
from app.db.folderlock import FolderLock


def test_a_refused_conversion_keeps_the_shared_lock(tmp_path):
    mine, other = FolderLock(tmp_path).acquire(), FolderLock(tmp_path).acquire()
    try:
        with pytest.raises(UserError) as caught:
            mine.convert(True, timeout=0.2)
        assert caught.value.code == "datadir.in_use"
        other.release()
        # flock(2) lets go before converting: without taking the share back, a restore would now get in.
        with pytest.raises(UserError):
            FolderLock(tmp_path).acquire(exclusive=True, timeout=0.1)
        mine.convert(True, timeout=0.1)
        assert mine.exclusive
    finally:
        mine.release()
        other.release()


def test_deleting_files_in_the_folder_does_not_let_a_restore_in(tmp_path):
    """A tester deleted tnld.lock during an add and a restore ran under it: the lock is the folder itself."""
    session = FolderLock(tmp_path).acquire()
    try:
        for leftover in tmp_path.glob("*"):
            leftover.unlink()
        with pytest.raises(UserError) as caught:
            FolderLock(tmp_path).acquire(exclusive=True, timeout=0.2)
        assert caught.value.code == "datadir.in_use"
    finally:
        session.release()
    FolderLock(tmp_path).acquire(exclusive=True, timeout=0.2).release()


def test_a_named_lock_file_replaced_while_waiting_is_locked_again(tmp_path):
    first = FolderLock(tmp_path, "keys.lock").acquire(exclusive=True)
    (tmp_path / "keys.lock").unlink()
    (tmp_path / "keys.lock").write_bytes(b"")
    second = FolderLock(tmp_path, "keys.lock").acquire(exclusive=True, timeout=0.2)
    try:
        import os

        assert os.fstat(second._fd).st_ino == os.stat(tmp_path / "keys.lock").st_ino
    finally:
        second.release()
        first.release()


def test_a_file_where_the_folder_should_be_is_named_so(tmp_path):
    (tmp_path / "data").write_text("x")
    with pytest.raises(UserError) as caught:
        FolderLock(tmp_path / "data").acquire()
    assert caught.value.code in ("datadir.not_folder", "datadir.unwritable")
