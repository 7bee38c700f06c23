"""One writer at a time per collection, across processes and machines: the writer lease.

Every write of :class:`vectorstore.PlanStore` (storing, deleting, garbage collection) holds the lease of its
collection from before it reads what it will change until after its last change: new chunks are written and
committed (the registry record flipped) within one hold. So garbage collection, which holds it too, never sees
another writer's chunks between "written" and "committed": what is not live while it holds the lease was left by
a writer that died (or whose lease expired, and which is fenced off, below).

- Embedded Chroma (:class:`FileLease`): ``flock`` on ``writer-<collection>.lock`` in the Chroma directory. The
  kernel drops the lock when its process dies (SIGKILL included); nothing expires.
- A Chroma server (:class:`ChromaLease`): records in the registry collection, ids ``__writer_lease__.<generation>``
  with the holder (host, pid namespace, pid, a random id), an expiry (the holder's clock) and a released flag.
  Chroma has no compare-and-set, but ``add`` of an existing id is ignored; so a writer takes generation g+1 by
  adding it when generation g (the highest) is released or expired, and holds the lease if, read back, g+1 is the
  highest generation and names it. Of two writers adding the same generation one wins; a writer that added a
  generation below the highest (it read an old one) loses too. A thread renews the holder's record every
  ``ttl/4``; a writer refuses to commit when its last renewal is older than ``ttl/2`` or a higher generation
  exists (fencing), and another writer takes over only ``ttl/2`` after the recorded expiry (so ``1.5 ttl`` after
  the last renewal: a margin of ``ttl`` for clock differences and a request in flight). A holder on this machine
  whose process is gone is taken over at once.

A writer that finds the lease held waits, logging who holds it (a warning at once, then every
``PROGRESS_EVERY_S``), and fails with :class:`common.errors.WriterBusyError` after ``wait_s``.

>>> import tempfile
>>> lease = FileLease(Path(tempfile.mkdtemp()) / "writer-plans.lock", wait_s=1)
>>> with lease.hold():
...     with lease.hold():  # re-entrant within a thread
...         lease.held
True
>>> lease.held
False
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common.errors import StoreError, WriterBusyError

logger = logging.getLogger(__name__)

LEASE_PREFIX = "__writer_lease__."  # registry ids of lease records (never documents)
GENERATION = "lease_gen"
POLL_S = 0.1
PROGRESS_EVERY_S = 10.0


def holder_identity() -> dict[str, Any]:
    """Who this process is: host, pid namespace (containers on one host), pid and a random id."""
    try:
        pidns = os.readlink("/proc/self/ns/pid")
    except OSError:
        pidns = ""
    return {"host": socket.gethostname(), "pidns": pidns, "pid": os.getpid(), "token": uuid.uuid4().hex[:12]}


def dead_here(record: dict[str, Any]) -> bool:
    """Whether ``record``'s holder is a process of this machine and pid namespace that no longer exists."""
    me = holder_identity()
    if record.get("host") != me["host"] or record.get("pidns") != me["pidns"] or not record.get("pidns"):
        return False
    try:
        os.kill(int(record.get("pid", 0)), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, ValueError, OSError):
        return False
    return False


def describe(record: dict[str, Any] | None) -> str:
    if not record:
        return "another process"
    return f"pid {record.get('pid', '?')} on {record.get('host', '?')}"


class WriterLease:
    """Re-entrant, thread-safe within a process; exclusive across processes (see the subclasses)."""

    def __init__(self, what: str, wait_s: float = 600.0):
        self.what = what
        self.wait_s = wait_s
        self._thread_lock = threading.RLock()
        self._depth = 0
        self.identity = holder_identity()

    @property
    def held(self) -> bool:
        return self._depth > 0

    @property
    def depth(self) -> int:
        """Nested holds of the calling thread's block (1: the outermost)."""
        return self._depth

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Hold the lease for the block (waiting up to ``wait_s``); nested holds in one thread are free."""
        started = time.monotonic()
        if not self._thread_lock.acquire(timeout=self.wait_s if self.wait_s >= 0 else -1):
            raise WriterBusyError(f"the writer lease of {self.what} stayed busy in this process for {self.wait_s:.0f}s")
        try:
            if self._depth == 0:
                self._acquire(max(0.0, self.wait_s - (time.monotonic() - started)))
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()
        finally:
            self._thread_lock.release()

    def check(self) -> None:
        """Raise :class:`WriterBusyError` unless this process still holds the lease (before a commit)."""
        if not self.held:
            raise StoreError(f"a write of {self.what} without its writer lease")

    def _wait(self, try_once, timeout_s: float) -> None:  # noqa: ANN001 - () -> (bool, holder record)
        started = time.monotonic()
        last_said = None
        while True:
            got, holder = try_once()
            if got:
                if last_said is not None:
                    logger.warning("writer lease of %s taken after waiting %.0fs", self.what, time.monotonic() - started)
                return
            waited = time.monotonic() - started
            if waited >= timeout_s:
                raise WriterBusyError(
                    f"{self.what} is being written by {describe(holder)}; gave up waiting for its writer lease after "
                    f"{waited:.0f}s (PLAN_ASSISTANT_WRITER_WAIT_S={self.wait_s:g})")
            if last_said is None or time.monotonic() - last_said >= PROGRESS_EVERY_S:
                logger.warning("waiting for the writer lease of %s: held by %s (%.0fs of %.0fs)", self.what,
                               describe(holder), waited, timeout_s)
                last_said = time.monotonic()
            time.sleep(min(POLL_S * 5 if isinstance(self, ChromaLease) else POLL_S, max(timeout_s - waited, 0.01)))

    def _acquire(self, timeout_s: float) -> None:
        raise NotImplementedError

    def _release(self) -> None:
        raise NotImplementedError


class LocalLease(WriterLease):
    """Within one process only (an in-memory Chroma that no other process can open)."""

    def _acquire(self, timeout_s: float) -> None:
        return None

    def _release(self) -> None:
        return None


class FileLease(WriterLease):
    """``flock`` on a lock file beside the embedded Chroma; released by the kernel if the process dies."""

    def __init__(self, path: Path | str, wait_s: float = 600.0):
        super().__init__(f"the store at {Path(path).parent}", wait_s)
        self.path = Path(path)
        self._fd: int | None = None

    def _acquire(self, timeout_s: float) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)

        def try_once() -> tuple[bool, dict[str, Any] | None]:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True, None
            except BlockingIOError:
                return False, self._holder()

        try:
            self._wait(try_once, timeout_s)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        try:  # who holds it, for the message of a writer that waits (informational only)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{self.identity['host']} {self.identity['pid']}\n".encode(), 0)
        except OSError:
            pass

    def _holder(self) -> dict[str, Any] | None:
        try:
            host, pid = self.path.read_text().split()[:2]
            return {"host": host, "pid": pid}
        except (OSError, ValueError):
            return None

    def _release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


class ChromaLease(WriterLease):
    """Generations of lease records in a Chroma collection (the registry), renewed by a thread while held."""

    def __init__(self, collection: Any, what: str, wait_s: float = 600.0, ttl_s: float = 30.0):
        super().__init__(what, wait_s)
        if ttl_s <= 0:
            raise StoreError(f"the writer lease time must be positive, got {ttl_s}")
        self.collection = collection
        self.ttl_s = ttl_s
        self._generation: int | None = None
        self._renewed_at = 0.0  # monotonic
        self._lost: str | None = None
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    # -- records ---------------------------------------------------------------------------------------------

    def _records(self) -> dict[int, dict[str, Any]]:
        got = self.collection.get(where={GENERATION: {"$gte": 0}}, include=["metadatas"])
        return {int(m[GENERATION]): dict(m) for m in (got.get("metadatas") or []) if m and GENERATION in m}

    def _record(self, generation: int, released: bool = False) -> dict[str, Any]:
        now = time.time()
        return {GENERATION: generation, "holder": self.identity["token"], "host": self.identity["host"],
                "pidns": self.identity["pidns"], "pid": self.identity["pid"], "expires_at": now + self.ttl_s,
                "renewed_at": now, "released": released}

    def _write(self, generation: int, record: dict[str, Any], create: bool) -> None:
        from vectorstore.registry import REGISTRY_VECTOR

        op = self.collection.add if create else self.collection.upsert
        op(ids=[f"{LEASE_PREFIX}{generation:012d}"], embeddings=[REGISTRY_VECTOR], metadatas=[record])

    def free(self, record: dict[str, Any]) -> bool:
        """Whether the highest generation's ``record`` may be taken over: released, expired (plus ``ttl/2``
        for clocks), or its holder's process is gone from this machine."""
        if record.get("released"):
            return True
        if float(record.get("expires_at", 0.0)) + self.ttl_s / 2 < time.time():
            return True
        return dead_here(record)

    # -- acquire / renew / release ---------------------------------------------------------------------------

    def _acquire(self, timeout_s: float) -> None:
        from vectorstore.chroma import chroma_errors

        def try_once() -> tuple[bool, dict[str, Any] | None]:
            with chroma_errors(f"reading the writer lease of {self.what}"):
                records = self._records()
            top = max(records) if records else -1
            if top >= 0 and not self.free(records[top]):
                return False, records[top]
            mine = top + 1
            with chroma_errors(f"taking the writer lease of {self.what}"):
                self._write(mine, self._record(mine), create=True)  # ignored if someone added it first
                records = self._records()
            top = max(records)
            if top == mine and records[mine].get("holder") == self.identity["token"]:
                if top > 0 and not records.get(top - 1, {}).get("released", True):
                    logger.warning("took over the expired writer lease of %s from %s", self.what,
                                   describe(records.get(top - 1)))
                old = [f"{LEASE_PREFIX}{g:012d}" for g in records if g < mine]
                if old:
                    try:
                        self.collection.delete(ids=old)
                    except Exception as e:  # noqa: BLE001 - old generations are harmless
                        logger.debug("could not delete old lease records: %s", e)
                self._generation = mine
                return True, None
            if records.get(mine, {}).get("holder") == self.identity["token"]:  # added below the highest: undo
                try:
                    self.collection.delete(ids=[f"{LEASE_PREFIX}{mine:012d}"])
                except Exception:  # noqa: BLE001
                    pass
            return False, records[top]

        self._wait(try_once, timeout_s)
        self._renewed_at = time.monotonic()
        self._lost = None
        self._stop.clear()
        self._renewer = threading.Thread(target=self._renew_loop, name="writer-lease-renewal", daemon=True)
        self._renewer.start()

    def _renew_loop(self) -> None:
        while not self._stop.wait(self.ttl_s / 4):
            try:
                self.renew()
            except Exception as e:  # noqa: BLE001 - the writer's check() reports it
                logger.warning("could not renew the writer lease of %s: %s", self.what, e)

    def renew(self) -> None:
        generation = self._generation
        if generation is None:
            return
        records = self._records()
        top = max(records) if records else -1
        if top != generation or records[top].get("holder") != self.identity["token"]:
            self._lost = f"generation {top} is held by {describe(records.get(top))}"
            logger.error("lost the writer lease of %s: %s", self.what, self._lost)
            self._stop.set()
            return
        self._write(generation, self._record(generation), create=False)
        self._renewed_at = time.monotonic()

    def check(self) -> None:
        """Fencing before a commit: the lease is still ours (renewed within ``ttl/2``, no higher generation)."""
        super().check()
        if self._lost is None:
            age = time.monotonic() - self._renewed_at
            if age > self.ttl_s / 2:
                self._lost = f"not renewed for {age:.0f}s"
            else:
                records = self._records()
                top = max(records) if records else -1
                if top != self._generation:
                    self._lost = f"generation {top} is held by {describe(records.get(top))}"
        if self._lost is not None:
            raise WriterBusyError(f"lost the writer lease of {self.what} ({self._lost}); nothing more is committed")

    def _release(self) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
            self._renewer = None
        generation, self._generation = self._generation, None
        if generation is None or self._lost is not None:
            return
        try:
            records = self._records()
            if max(records, default=-1) == generation:
                self._write(generation, self._record(generation, released=True), create=False)
        except Exception as e:  # noqa: BLE001 - the lease then expires by itself
            logger.warning("could not release the writer lease of %s (it expires in %.0fs): %s", self.what,
                           self.ttl_s, e)
