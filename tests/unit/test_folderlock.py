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
