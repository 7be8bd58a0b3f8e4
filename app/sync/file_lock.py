"""An exclusive operating-system lock on a file, never waited for.

Owns the one cross-platform file lock the sync uses on SQLite (`lease.py`): the sync
lease beside the database file, and the claim on an outbox operation while it is
pushed. The operating system lets go of the lock when the process dies however it
dies (a kill, a crash, a power cut), which a lock recorded in a file's contents or in
the database could never promise.

`fcntl.flock` on Linux and macOS, `msvcrt.locking` on Windows. A flock lock belongs
to the open file, not to the process: two locks on one file exclude each other even
inside one process, so two engines in one process behave as two processes would. The
standard library covers this in a few lines; a library (`filelock`) would add a
dependency for the same two calls. A file on a network share may not honour locks;
that is why marking an operation "sending" is also a compare-and-set in the database
(`push.py`).

No Qt here.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # the first byte stands for the file
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # BlockingIOError: somebody else holds it
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """`try_acquire()` takes the lock if free; `release()` gives it up.

    With `remove=True` the file is deleted while still locked at release, so locks on
    many short-lived names (one per outbox operation) leave no files behind. Whoever
    opened the old file just before it went then finds, once locked, that the name no
    longer leads to it, and gives up: only one holder per name at any time.
    """

    def __init__(self, path: Path, *, remove: bool = False) -> None:
        self.path = path
        self._remove = remove
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def try_acquire(self) -> bool:
        if self._fd is not None:
            return True
        # Not inherited by child processes (Python's default), so a program this process
        # starts never keeps the lock alive after this process is gone.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            os.close(fd)
            return False
        if self._remove and not self._still_named(fd):
            _unlock(fd)
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self._remove and sys.platform != "win32":
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # before unlocking: nobody can lock this name's old file now
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        if self._remove and sys.platform == "win32":
            with contextlib.suppress(OSError):  # still open elsewhere: left for the next holder
                os.unlink(self.path)

    def __del__(self) -> None:  # an abandoned lock never outlives its object
        with contextlib.suppress(Exception):
            self.release()

    def _still_named(self, fd: int) -> bool:
        try:
            named = os.stat(self.path)
        except FileNotFoundError:
            return False
        opened = os.fstat(fd)
        return (named.st_dev, named.st_ino) == (opened.st_dev, opened.st_ino)
