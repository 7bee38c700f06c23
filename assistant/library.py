"""The document library: ingest files, folders and URLs into the store, incrementally, one bad file never
stopping the batch; list and delete documents.

>>> lib = Library(store, gazetteer, settings)  # doctest: +SKIP
>>> report = lib.ingest(["samples/"], prune=True)  # doctest: +SKIP
>>> report.failed  # doctest: +SKIP
[]

Prune is scoped and bounded: it removes only documents whose local file was under a folder (or was a file) given in
this run and is gone, never uploads or URLs, nothing under a given folder that does not exist (an unmounted share),
and refuses (:class:`common.errors.PruneRefusedError`) to remove more than ``settings.prune_max_share`` of the
library unless forced.

A long scan can be left for later: with ``background_ocr_over=N``, a PDF or image with more than N pages to OCR
is not read (the count comes from its text layer, before anything is rendered) but listed in
``report.deferred``; :meth:`Library.ingest_deferred` ingests it afterwards (in a background worker, see
:class:`assistant.ocr_jobs.OcrJobs`), reporting its OCR pages as they are done.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from common.errors import IngestError, PlanAssistantError, PruneRefusedError, WriterBusyError
from common.provinces import ProvinceGazetteer
from common.settings import Settings
from assistant.facts import FactIndex
from vectorstore import DocumentVersion
from ingest.fetch import fetch_document, is_url
from ingest.url_policy import UrlPolicy
from ingest.loaders import SUPPORTED_SUFFIXES, load_bytes
from ingest.loaders.ocr import OcrProgress
from ingest.pipeline import content_hash_for, doc_id_for, parse_loaded
from ingest.types import ParsedDocument

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str


@dataclass(frozen=True)
class DeferredOcr:
    """A source left out of an ingest because it has ``pages`` pages to OCR, over the background threshold.
    ``fetched``: a URL's body and loader type, so that it is not downloaded again; ``force``: re-index it even
    if unchanged (it came from a re-index)."""

    source: str
    pages: int
    force: bool = False
    fetched: tuple[bytes, str] | None = field(default=None, repr=False)


class _OcrDeferred(Exception):  # noqa: N818 - a signal, not an error: raised by our own progress callback
    def __init__(self, pages: int):
        super().__init__(f"{pages} pages to OCR")
        self.pages = pages
        self.fetched: tuple[bytes, str] | None = None


OcrPagesOf = Callable[[str, int, int], None]  # (source, pages done, pages to OCR)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    deferred: list[DeferredOcr] = field(default_factory=list)  # long scans left for a background OCR
    chunks_written: int = 0
    garbage_collected: int = 0
    prune_refused: PruneRefusedError | None = None  # prune asked for, but it would have removed too much
    seconds: float = 0.0
    facts: str = ""  # what the fact extraction found ("targets: 60, responsibilities: 120, eligibility lines: 30")

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        deferred = f", {len(self.deferred)} left for background OCR" if self.deferred else ""
        return (f"documents: {len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
                f"{len(self.pruned)} pruned, {len(self.failed)} failed{deferred}; chunks written: "
                f"{self.chunks_written}; time: {self.seconds:.1f}s")


def iter_sources(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively into supported files (sorted); URLs and files pass through."""
    for raw in paths:
        if is_url(raw):
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES and not child.name.startswith("."):
                    yield str(child)
        else:
            yield raw


class Library:
    """Ingestion and housekeeping over a :class:`vectorstore.PlanStore`."""

    def __init__(self, store, gazetteer: ProvinceGazetteer, settings: Settings,  # noqa: ANN001 - PlanStore
                 facts: FactIndex | None = None, url_policy: UrlPolicy | None = None):
        self.store = store
        self.gazetteer = gazetteer
        self.settings = settings
        self.facts = facts
        self.url_policy = url_policy or UrlPolicy(allow_private=settings.allow_private_urls)

    # The files the app serves at /tai-lieu/{doc_id}: an upload it stored in the library folder, or the copy of a
    # local file it kept at ingest; never a path outside the data directory.
    def _is_upload(self, abs_path: str) -> bool:
        if not abs_path:
            return False
        library = Path(self.settings.library_path).resolve()
        return Path(abs_path).resolve().parent == library

    def _copy_path(self, doc_id: str, abs_path: str) -> Path:
        return Path(self.settings.originals_path) / f"{doc_id}{Path(abs_path).suffix.lower()}"

    def _keep_copy(self, doc_id: str, abs_path: str, data: bytes) -> None:
        """Keep the ingested bytes of a local file (not an upload, already stored) for the original-file route."""
        if not abs_path or self._is_upload(abs_path):
            return
        target = self._copy_path(doc_id, abs_path)
        try:
            if target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data:
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except OSError as exc:  # the document is indexed all the same; only its "original file" link is missing
            log.warning("could not keep a copy of %s: %s", abs_path, exc)

    def original_file(self, doc_id: str) -> Path | None:
        """The file the app may serve for ``doc_id``: its stored upload or its kept copy (None if neither)."""
        doc = self.store.documents().get(doc_id)
        if doc is None or not doc.abs_path:
            return None
        path = Path(doc.abs_path) if self._is_upload(doc.abs_path) else self._copy_path(doc.doc_id, doc.abs_path)
        return path if path.is_file() else None

    def _forget_files(self, doc) -> None:  # noqa: ANN001 - vectorstore.DocumentRecord
        """Remove a deleted document's stored upload and kept copy from disk."""
        if not doc.abs_path:
            return
        paths = [self._copy_path(doc.doc_id, doc.abs_path)]
        if self._is_upload(doc.abs_path):
            paths.append(Path(doc.abs_path))
        for path in paths:
            try:
                path.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("could not remove %s: %s", path, exc)

    def build_lexical_index(self) -> None:
        """Build (and save) the lexical index of the new registry now, at ingest, so that the first question
        of a serving process loads it from disk instead of rebuilding it from Chroma."""
        try:
            self.store.lexical_index()
        except PlanAssistantError as exc:  # questions rebuild it on first use
            log.warning("lexical index not built at ingest: %s", exc)

    def refresh_facts(self) -> str:
        """Extract the facts of new or changed documents now (at ingest) rather than on the first table query.
        A failure is logged and reported; it never undoes what was indexed."""
        if self.facts is None:
            return ""
        try:
            plans = self.facts.plans()
        except Exception as exc:  # noqa: BLE001 - the documents are indexed; tables are rebuilt on next use
            log.exception("fact extraction failed")
            return f"fact extraction failed: {type(exc).__name__}: {exc}"
        return (f"targets: {sum(len(p.targets) for p in plans)}, responsibilities: "
                f"{sum(len(p.responsibilities) for p in plans)}, eligibility lines: "
                f"{sum(len(p.eligibility) for p in plans)} in {len(plans)} documents")

    def _read(self, source: str, on_ocr_page: OcrProgress | None = None, fetched: tuple[bytes, str] | None = None,
              ) -> tuple[bytes, str | None, Callable[[str], ParsedDocument]]:
        """The bytes of ``source`` (a URL is fetched now, unless ``fetched`` holds its body and type), its absolute
        path ("" for a URL) and the function that loads and parses them (OCR included), given their content hash."""
        max_bytes = self.settings.max_file_mb * 2**20
        if is_url(source):
            data, declared = fetched or fetch_document(source, self.settings.http_timeout_s, max_bytes,
                                                       self.url_policy)

            def parse_url(content_hash: str) -> ParsedDocument:
                try:
                    loaded = load_bytes(data, source, declared, max_ocr_pages=self.settings.max_ocr_pages,
                                        on_ocr_page=on_ocr_page)
                except _OcrDeferred as exc:
                    exc.fetched = (data, declared)  # the background job reads these bytes, not the URL again
                    raise
                return parse_loaded(loaded, content_hash, self.gazetteer, self.settings.chunk_chars)

            return data, "", parse_url
        path = Path(source)
        if not path.exists():
            raise IngestError(source, "no such file or folder")
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise IngestError(source, f"unsupported file type '{path.suffix or '(none)'}' "
                                      f"(supported: {', '.join(sorted(SUPPORTED_SUFFIXES))})")
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(source, f"file is {size / 2**20:.0f} MB, over the {self.settings.max_file_mb} MB limit")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise IngestError(source, f"cannot be read ({exc.strerror or exc})") from exc
        return data, str(path.resolve()), lambda content_hash: parse_loaded(
            load_bytes(data, source, password=self.settings.pdf_password.get_secret_value()
                       if self.settings.pdf_password else "", max_ocr_pages=self.settings.max_ocr_pages,
                       on_ocr_page=on_ocr_page),
            content_hash, self.gazetteer, self.settings.chunk_chars)

    @staticmethod
    def _ocr_callback(source: str, ocr_progress: OcrPagesOf | None,
                      background_ocr_over: int | None) -> OcrProgress | None:
        """The loader's OCR progress callback for ``source``: stops the load before any page is rendered when
        there are more than ``background_ocr_over`` pages to OCR, and passes progress on to ``ocr_progress``."""
        if ocr_progress is None and background_ocr_over is None:
            return None

        def on_page(done: int, total: int) -> None:
            if done == 0 and background_ocr_over is not None and total > background_ocr_over:
                raise _OcrDeferred(total)
            if ocr_progress is not None:
                ocr_progress(source, done, total)

        return on_page

    def prepare_one(self, source: str, known: dict, force: bool = False, on_ocr_page: OcrProgress | None = None,
                    fetched: tuple[bytes, str] | None = None) -> tuple[DocumentVersion, bool] | None:
        """Read and parse ``source``: the version to store and whether it replaces one, or None if unchanged."""
        data, abs_path, parse = self._read(source, on_ocr_page, fetched)
        doc_id = doc_id_for(source)
        content_hash = content_hash_for(data, self.settings.chunk_chars)
        previous = known.get(doc_id)
        self._keep_copy(doc_id, abs_path, data)
        if previous is not None and previous.content_hash == content_hash and not force:
            return None
        parsed = parse(content_hash)
        if not parsed.chunks:
            raise IngestError(source, "no text to index after parsing")
        meta = {**parsed.meta.as_metadata(), "source": source, "abs_path": abs_path,
                "media_type": parsed.chunks[0].metadata.get("media_type", ""),
                "ingested_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        return DocumentVersion(doc_id, content_hash, meta, parsed.chunks), previous is not None

    def _store(self, pending: list[tuple[str, DocumentVersion, bool]], report: IngestReport) -> None:
        """Write the parsed documents together; if that fails, one by one, so one bad document fails alone."""
        if not pending:
            return
        try:
            self.store.put_documents([version for _, version, _ in pending])
            done = pending
        except WriterBusyError:
            raise  # another process holds the store: not this batch's fault, and the next one would wait again
        except Exception as exc:  # noqa: BLE001 - isolate the document that failed
            log.info("batch write failed (%s); writing the %d documents one by one", exc, len(pending))
            done = []
            for item in pending:
                source, v, _ = item
                try:
                    self.store.put_document(v.doc_id, v.content_hash, v.metadata, v.chunks)
                    done.append(item)
                except WriterBusyError:
                    raise
                except Exception as one:  # noqa: BLE001 - one bad file never stops the batch
                    report.failed.append(Failure(source, getattr(one, "reason", f"{type(one).__name__}: {one}")))
                    log.warning("failed: %s: %s", source, one)
        for source, version, replaced in done:
            report.chunks_written += len(version.chunks)
            (report.replaced if replaced else report.added).append(source)
        pending.clear()

    def ingest(self, paths: Iterable[str], prune: bool = False,
               progress: Callable[[Iterable[str]], Iterable[str]] | None = None, force: bool = False,
               force_prune: bool = False, ocr_progress: OcrPagesOf | None = None,
               background_ocr_over: int | None = None,
               prefetched: dict[str, tuple[bytes, str]] | None = None) -> IngestReport:
        """Index every source under ``paths``; unchanged ones cost no embedding (unless ``force``: re-index);
        failures are collected, one per source. Documents are embedded and written in batches of
        ``settings.ingest_batch_docs``. ``prune``: then remove the documents whose files under ``paths`` are
        gone (see :meth:`prune`; ``force_prune`` lifts its share limit). ``ocr_progress(source, done, total)``
        follows the OCR of scanned pages; a source with more than ``background_ocr_over`` pages to OCR is not read
        but put in ``report.deferred``; ``prefetched``: URLs' bodies and types already downloaded. Raises
        :class:`common.errors.WriterBusyError` if another process keeps the store's writer lease too long."""
        started = time.perf_counter()
        report = IngestReport()
        with self.store.writing():  # one hold: no other writer between the collection and the upgrade
            report.garbage_collected = self.store.collect_garbage()
            self.store.record_doc_level_keys()  # a library indexed by an older version: filters decided in memory
        known = self.store.documents()
        sources = list(dict.fromkeys(iter_sources(paths)))
        pending: list[tuple[str, DocumentVersion, bool]] = []
        for source in (progress(sources) if progress else sources):
            try:
                prepared = self.prepare_one(source, known, force,
                                            self._ocr_callback(source, ocr_progress, background_ocr_over),
                                            (prefetched or {}).get(source))
            except _OcrDeferred as exc:
                report.deferred.append(DeferredOcr(source, exc.pages, force, exc.fetched))
                log.info("%s: %d pages to OCR, left for the background", source, exc.pages)
                continue
            except PlanAssistantError as exc:
                reason = getattr(exc, "reason", str(exc))
                report.failed.append(Failure(source, reason))
                log.warning("failed: %s: %s", source, reason)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file never stops the batch
                report.failed.append(Failure(source, f"{type(exc).__name__}: {exc}"))
                log.exception("unexpected error on %s", source)
                continue
            if prepared is None:
                report.unchanged.append(source)
                continue
            if any(v.doc_id == prepared[0].doc_id for _, v, _ in pending):
                self._store(pending, report)  # the same document twice in one run: the later one wins
            pending.append((source, *prepared))
            if len(pending) >= self.settings.ingest_batch_docs:
                self._store(pending, report)
        self._store(pending, report)
        if prune:
            try:
                report.pruned = self.prune(paths, force=force_prune)
            except PruneRefusedError as exc:
                report.prune_refused = exc
                log.warning("%s", exc)
        report.facts = self.refresh_facts()
        self.build_lexical_index()
        report.seconds = time.perf_counter() - started
        return report

    def prune_candidates(self, paths: Iterable[str]) -> list:  # noqa: ANN201 - list[StoredDoc]
        """The documents prune would remove for ``paths`` (this run's files and folders): those whose local file
        was one of the files given, or under one of the folders given that exists, and is gone. Never an upload
        (stored by the app, deleted only by the admin), never a URL, nothing under a folder that does not exist
        (a moved folder or an unmounted share de-indexes nothing)."""
        files: set[Path] = set()
        folders: list[Path] = []
        for raw in paths:
            if is_url(raw):
                continue
            path = Path(raw).resolve()
            if path.is_dir():
                folders.append(path)
            elif path.parent.is_dir():  # a file given by name: pruned if gone, its folder being there
                files.add(path)
            else:
                log.warning("prune: %s and its folder do not exist; nothing under it is pruned", raw)
        gone = []
        for doc in self.store.documents().values():
            if not doc.abs_path or self._is_upload(doc.abs_path):
                continue
            path = Path(doc.abs_path)
            if path.exists():
                continue
            if path in files or any(path.is_relative_to(folder) for folder in folders):
                gone.append(doc)
        return gone

    def prune(self, paths: Iterable[str], force: bool = False) -> list[str]:
        """Remove the documents of :meth:`prune_candidates` (and their kept copies); returns their sources.
        Refuses with :class:`common.errors.PruneRefusedError` (nothing removed) to remove more than
        ``settings.prune_max_share`` of the library unless ``force``."""
        gone = self.prune_candidates(paths)
        total = len(self.store.documents())
        share = self.settings.prune_max_share
        if gone and not force and len(gone) > share * total:
            raise PruneRefusedError(
                f"prune would remove {len(gone)} of the {total} documents of the library ({len(gone) / total:.0%}), "
                f"more than PLAN_ASSISTANT_PRUNE_MAX_SHARE={share:g}; nothing was pruned. Check that the folders "
                f"given are the right ones (moved? unmounted?) or pass --force", len(gone), total)
        removed = []
        for doc in gone:
            self.store.delete_document(doc.doc_id)
            self._forget_files(doc)
            removed.append(doc.source)
        return removed

    def delete(self, doc_id: str) -> bool:
        """Remove a document from the index, and its stored upload or kept copy from disk."""
        doc = self.store.documents().get(doc_id)
        deleted = self.store.delete_document(doc_id)
        if doc is not None:
            self._forget_files(doc)
        self.refresh_facts()
        return deleted

    def reindex(self, progress: Callable[[Iterable[str]], Iterable[str]] | None = None,
                background_ocr_over: int | None = None) -> IngestReport:
        """Parse and embed every indexed source again (after a parser or model change); long scans may be left
        for the background as in :meth:`ingest`."""
        sources = [d.source for d in self.store.documents().values()]
        return self.ingest(sources, progress=progress, force=True, background_ocr_over=background_ocr_over)

    def ingest_deferred(self, item: DeferredOcr, ocr_progress: OcrPagesOf | None = None) -> IngestReport:
        """Ingest a source that an earlier ingest left for the background (OCR included, however long)."""
        return self.ingest([item.source], force=item.force, ocr_progress=ocr_progress,
                           prefetched={item.source: item.fetched} if item.fetched else None)
