"""Long work: how a service tells its progress and learns that the user cancelled. One contract for every caller.

A service that may run long takes `progress(done, total)` and `cancel()` (true once the user asked to stop), both
optional, and prints nothing. It either finishes or raises `Cancelled`, leaving nothing half-done: its database
changes rolled back, no output file (files are written under a temporary name and renamed when complete), no audit
row saying it was done. Work that commits in parts keeps the parts committed before the cancel, each whole, and
says which in `Cancelled.partial` (an import of many bundles: the bundles imported before).

`progress` is told from the thread doing the work (a window forwards it to its own thread); `cancel` is asked on
that thread too, so it must be cheap and must not block: read a flag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from app.core.errors import UserError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
T = TypeVar("T")


class Cancelled(UserError):
    """The user cancelled long work (exit code 2). *partial* holds what was kept (committed whole) before the
    cancel, for the services that commit in parts; None when nothing was changed."""

    def __init__(self, code: str = "operation.cancelled", /, *, partial: Any = None, **params: Any) -> None:
        super().__init__(code, **params)
        self.partial = partial


def check(cancel: Cancel | None) -> None:
    """Raise `Cancelled` if the user cancelled."""
    if cancel is not None and cancel():
        raise Cancelled()


class Steps:
    """Progress of work counted in steps: *progress* told every *every* steps and at the last (and cancel asked at
    each step). `part(size)` hands a sub-task a progress callable whose (done, total) fills the next *size* steps,
    so work in phases (count, draw, write) moves one bar from 0 to *total*."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None, total: int, every: int = 1) -> None:
        self.progress = progress
        self.cancel = cancel
        self.total = max(0, total)
        self.every = max(1, every)
        self.done = 0

    def check(self) -> None:
        check(self.cancel)

    def _tell(self, force: bool = False) -> None:
        if self.progress is not None and (force or self.done % self.every == 0 or self.done >= self.total):
            self.progress(min(self.done, self.total), self.total)

    def step(self, count: int = 1) -> None:
        """*count* more steps done: tell progress (throttled), then raise `Cancelled` if the user cancelled."""
        self.done += count
        self._tell()
        self.check()

    def each(self, items: Iterable[T]) -> Iterator[T]:
        """The items, one step each (cancel is asked before each is handed out, progress told after)."""
        for item in items:
            self.check()
            yield item
            self.done += 1
            self._tell()

    def part(self, size: int) -> Progress:
        """A progress callable for a sub-task worth the next *size* steps; it also asks cancel."""
        start = self.done
        self.done = min(self.total, start + size) if self.total else start + size
        end = self.done

        def told(done: int, total: int) -> None:
            reached = start + (size * min(done, total) // total if total > 0 else size)
            if self.progress is not None:
                self.progress(min(reached, end, self.total), self.total)
            self.check()

        return told

    def finish(self) -> None:
        """All steps done: tell progress (total, total)."""
        self.done = self.total
        self._tell(force=True)


def checked(items: Iterable[T], cancel: Cancel | None, every: int = 1000) -> Iterator[T]:
    """The items, asking *cancel* before every *every*-th: a cancel point inside a long loop of someone else's."""
    if cancel is None:
        yield from items
        return
    for index, item in enumerate(items):
        if index % every == 0 and cancel():
            raise Cancelled()
        yield item
