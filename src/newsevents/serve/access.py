"""Reading and writing the store from a server that shares it with `newsevents ingest`.

DuckDB lets one process write a file, and a writing process locks out readers for as
long as it holds the file open: `newsevents ingest` holds it for its whole run. So the
server never reads the store itself. It reads a private snapshot: a copy taken, under a
read-only (shared) lock, whenever the store file has changed; while another process holds
the write lock, requests are answered from the last snapshot and say so. The server
opens the store itself only briefly: to take a snapshot, and to write a POST through a
short-lived connection (waiting a bounded time for another writer to finish).
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import NewsEventsError, StoreError
from ..records import Analysis
from ..store import Store, WriteResult


class StoreBusy(NewsEventsError):
    """Another process holds the store's write lock for longer than we may wait."""


def _signature(path: str) -> tuple:
    """What changes when a DuckDB file (or its write-ahead log) is written."""
    out = []
    for p in (path, path + ".wal"):
        try:
            st = os.stat(p)
            out.append((st.st_ino, st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            out.append(None)
    return tuple(out)


class StoreAccess:
    """Snapshot reads and short-lived writes of one store file.

    Args:
        path: the DuckDB store (created when missing).
        read_lock_wait: seconds a read waits for a writer when there is no snapshot yet.
        write_lock_wait: seconds a write waits for another writer.
    """

    def __init__(self, path: str | Path, read_lock_wait: float = 2.0, write_lock_wait: float = 10.0):
        self.path = str(path)
        self.read_lock_wait = read_lock_wait
        self.write_lock_wait = write_lock_wait
        self._dir = tempfile.mkdtemp(prefix="newsevents-serve-")
        self._live = threading.Lock()  # one connection to the live file per process at a time
        self._snap: str | None = None
        self._snap_sig: tuple | None = None
        self._snap_time = 0.0
        self._serial = 0
        self.stale = False  # the last read was served while a writer held the store
        if not Path(self.path).exists():
            self._with_writer(lambda store: None)  # an empty store, so reads work at once

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)

    # -- snapshots -----------------------------------------------------------------------

    def refresh(self, wait: float = 0.0) -> bool:
        """Take a new snapshot if the store changed; False when a writer kept us out.

        Waits up to `wait` seconds for the write lock to go away.
        """
        deadline = time.monotonic() + wait
        if not self._live.acquire(timeout=wait if wait > 0 else 0.05):
            return self._snap is not None and self._snap_sig == _signature(self.path)
        try:
            while True:
                if self._snap is not None and _signature(self.path) == self._snap_sig:
                    return True
                try:
                    store = Store(self.path, read_only=True)
                except StoreError as e:
                    if "lock" not in str(e).lower():
                        raise
                    if time.monotonic() >= deadline:
                        return False
                    time.sleep(0.05)
                    continue
                try:
                    sig = _signature(self.path)  # no writer can change the file while we hold the lock
                    self._serial += 1
                    snap = os.path.join(self._dir, f"snapshot-{self._serial}.duckdb")
                    shutil.copyfile(self.path, snap + ".tmp")
                    if os.path.exists(self.path + ".wal"):
                        shutil.copyfile(self.path + ".wal", snap + ".wal")
                    os.replace(snap + ".tmp", snap)
                finally:
                    store.close()
                old, self._snap, self._snap_sig, self._snap_time = self._snap, snap, sig, time.time()
                if old:  # open readers keep their file; on POSIX removing it is safe
                    for p in (old, old + ".wal"):
                        try:
                            os.remove(p)
                        except OSError:
                            pass
                return True
        finally:
            self._live.release()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only store: the latest snapshot, refreshed first when the store changed.

        Raises:
            StoreBusy: a writer holds the store and no snapshot exists yet.
        """
        fresh = self.refresh(wait=0.0 if self._snap else self.read_lock_wait)
        snap = self._snap
        if snap is None:
            raise StoreBusy("the store is locked by another writer (an ingest is running) and no snapshot "
                            "exists yet; retry when it has finished")
        self.stale = not fresh
        store = Store(snap, read_only=True)
        try:
            yield store
        finally:
            store.close()

    @property
    def snapshot_time(self) -> float:
        return self._snap_time

    # -- writing -------------------------------------------------------------------------

    def write(self, analyses: list[Analysis], force: bool = False) -> WriteResult:
        """Store analyses through a connection opened for this write only.

        Raises:
            StoreBusy: another process kept the write lock longer than `write_lock_wait`.
        """
        result = self._with_writer(lambda store: store.write(analyses, force=force))
        self.refresh(wait=0.5)
        return result

    def _with_writer(self, fn):
        deadline = time.monotonic() + self.write_lock_wait
        if not self._live.acquire(timeout=self.write_lock_wait):
            raise StoreBusy("the store is busy; retry later")
        try:
            while True:
                try:
                    store = Store(self.path)
                    break
                except StoreError as e:
                    if "lock" not in str(e).lower():
                        raise
                    if time.monotonic() >= deadline:
                        raise StoreBusy(f"the store is locked by another writer (an ingest is running?) "
                                        f"for more than {self.write_lock_wait:g} s; retry later") from None
                    time.sleep(0.1)
            try:
                return fn(store)
            finally:
                store.close()
        finally:
            self._live.release()
