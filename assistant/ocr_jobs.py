"""Long OCR in the background: the scans an ingest left for later (:class:`assistant.library.DeferredOcr`) are
queued, and one worker thread ingests them one at a time with :meth:`Library.ingest_deferred`, recording each
job's progress (pages done of pages to OCR) for the library tab and the ``ocr_status`` API.

The app creates one :class:`OcrJobs` (no module state). Its worker thread starts with the first job and ends
after ``idle_s`` without one. A job ingests exactly as a synchronous ingest does (writer lease, one failure per
source, nothing written on failure), so a failed job leaves the library as it was.

>>> jobs = OcrJobs(library, on_finish=lambda job: print(job.state))  # doctest: +SKIP
>>> job = jobs.submit(report.deferred[0])  # doctest: +SKIP
>>> jobs.wait_idle(120) and jobs.get(job.id).state  # doctest: +SKIP
'done'
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.library import DeferredOcr, Library
from assistant.presentation import reason_vi
from common.errors import LimitError, user_message_for
from ingest.fetch import is_url

log = logging.getLogger(__name__)

QUEUED, OCR, INDEXING, DONE, FAILED = "queued", "ocr", "indexing", "done", "failed"
ACTIVE = (QUEUED, OCR, INDEXING)


@dataclass(frozen=True)
class OcrJob:
    """One scan's background ingest as it stands (a snapshot: the worker replaces it as it goes)."""

    id: str
    source: str
    pages_total: int
    state: str = QUEUED
    pages_done: int = 0
    reason: str = ""  # why it failed, in English (the log, the API)
    reason_vi: str = ""  # the same as the page shows it
    outcome: str = ""  # when done: "added", "replaced" or "unchanged"
    chunks: int = 0
    submitted: float = 0.0  # time.time()
    started: float | None = None
    finished: float | None = None
    owner: dict[str, Any] = field(default_factory=dict, compare=False)  # who asked, for the audit log

    @property
    def name(self) -> str:
        return self.source if is_url(self.source) else Path(self.source).name

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "file": self.name, "source": self.source, "state": self.state,
                "pages_done": self.pages_done, "pages_total": self.pages_total, "outcome": self.outcome,
                "chunks": self.chunks, "reason": self.reason, "reason_vi": self.reason_vi,
                "seconds": round((self.finished or time.time()) - self.started, 1) if self.started else 0.0}


class OcrJobs:
    """A queue of background OCR ingests and its one worker thread.

    ``on_finish(job)`` is called (in the worker) when a job ends, done or failed. At most ``max_pending`` jobs
    wait or run at once (more are refused with :class:`common.errors.LimitError`); finished jobs are listed for
    ``keep_s`` seconds."""

    def __init__(self, library: Library, on_finish: Callable[[OcrJob], None] | None = None, max_pending: int = 20,
                 keep_s: float = 3600.0, idle_s: float = 30.0):
        self.library = library
        self.on_finish = on_finish
        self.max_pending = max_pending
        self.keep_s = keep_s
        self.idle_s = idle_s
        self._queue: queue.Queue[tuple[str, DeferredOcr]] = queue.Queue()
        self._jobs: dict[str, OcrJob] = {}
        self._lock = threading.Condition()
        self._worker: threading.Thread | None = None

    def submit(self, item: DeferredOcr, owner: dict[str, Any] | None = None) -> OcrJob:
        """Queue ``item``; the job already waiting or running for the same source if there is one."""
        with self._lock:
            same = next((j for j in self._jobs.values() if j.active and j.source == item.source), None)
            if same is not None:
                return same
            if sum(j.active for j in self._jobs.values()) >= self.max_pending:
                raise LimitError(f"{self.max_pending} OCR jobs already wait or run",
                                 f"hàng đợi nhận dạng chữ (OCR) đã có {self.max_pending} tệp; vui lòng nạp lại sau")
            job = OcrJob(uuid.uuid4().hex[:12], item.source, item.pages, submitted=time.time(), owner=dict(owner or {}))
            self._jobs[job.id] = job
            self._queue.put((job.id, item))
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="ocr-jobs", daemon=True)
                self._worker.start()
        return job

    def jobs(self) -> list[OcrJob]:
        """The jobs waiting, running, or finished in the last ``keep_s`` seconds, oldest first."""
        now = time.time()
        with self._lock:
            for job_id in [j.id for j in self._jobs.values() if j.finished and now - j.finished > self.keep_s]:
                del self._jobs[job_id]
            return list(self._jobs.values())

    def get(self, job_id: str) -> OcrJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    @property
    def busy(self) -> bool:
        with self._lock:
            return any(j.active for j in self._jobs.values())

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until no job waits or runs (True), or ``timeout_s`` (False)."""
        with self._lock:
            return self._lock.wait_for(lambda: not any(j.active for j in self._jobs.values()), timeout_s)

    def _update(self, job_id: str, **changes: Any) -> OcrJob:
        with self._lock:
            job = self._jobs[job_id] = replace(self._jobs[job_id], **changes)
            self._lock.notify_all()
            return job

    def _work(self) -> None:
        while True:
            try:
                job_id, item = self._queue.get(timeout=self.idle_s)
            except queue.Empty:
                with self._lock:  # submit() queues under this lock: nothing can slip in between
                    if self._queue.empty():
                        self._worker = None
                        return
                continue
            self._run(job_id, item)

    def _run(self, job_id: str, item: DeferredOcr) -> None:
        self._update(job_id, state=OCR, started=time.time())

        def progress(source: str, done: int, total: int) -> None:  # noqa: ARG001 - one source per job
            self._update(job_id, state=INDEXING if done >= total else OCR, pages_done=done, pages_total=total)

        try:
            report = self.library.ingest_deferred(item, progress)
        except Exception as exc:  # noqa: BLE001 - the store is busy or broken: the job fails, the worker goes on
            log.exception("background OCR of %s failed", item.source)
            job = self._update(job_id, state=FAILED, reason=f"{type(exc).__name__}: {exc}",
                               reason_vi=user_message_for(exc), finished=time.time())
        else:
            if report.failed:
                reason = report.failed[0].reason
                log.warning("background OCR of %s failed: %s", item.source, reason)
                job = self._update(job_id, state=FAILED, reason=reason, reason_vi=reason_vi(reason),
                                   finished=time.time())
            else:
                outcome = "added" if report.added else "replaced" if report.replaced else "unchanged"
                job = self._update(job_id, state=DONE, outcome=outcome, chunks=report.chunks_written,
                                   finished=time.time())
                log.info("background OCR of %s done: %s, %d chunks", item.source, outcome, report.chunks_written)
        if self.on_finish is not None:
            try:
                self.on_finish(job)
            except Exception:  # noqa: BLE001 - a failing audit write never stops the worker
                log.exception("on_finish of the OCR job %s failed", job_id)
