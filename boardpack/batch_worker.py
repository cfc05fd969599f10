"""The parse task of an ingest run: what each worker process runs per file.

Kept apart from :mod:`boardpack.batch` (the writer's side: walking, hashing,
scheduling, storing) so that the writer never imports the parse pipeline
(readers, extractors, spaCy): the batch names this module's functions
(:data:`boardpack.batch.parse_in_worker`, its worker warm-up) and they are
imported where they run, in the worker processes, or in the writer's own
process only when it parses there (one worker). An unchanged re-run then
imports none of it (issue 10: about half of the writer's memory).
"""

from __future__ import annotations

from boardpack.batch_limits import Deadline, deadline, hit_cap, memory_cap, over_memory, vm_peak_mib
from boardpack.core.errors import BoardpackError, UnreadableDocument
from boardpack.core.settings import Settings
from boardpack.extractors import load_all
from boardpack.ingest.doc_temp import clean_stale_temp_once
from boardpack.pipeline import parse_file


def warm_worker() -> None:
    """Import the extractors once per worker, before the first file (every file
    goes through them). A format's reader is imported when the worker meets
    its first file of that format (:func:`boardpack.ingest.read.read_document`):
    a worker that reads only PDFs never loads python-docx and lxml, about 8 MB
    of each worker's memory (issue 10)."""
    clean_stale_temp_once()
    load_all()


def parse_in_worker(path: str, sha256: str, settings: Settings):
    """One file's parse under the run's limits: ("ok", ParsedFile) or ("err", BoardpackError).

    Every parse stage (the local pool, :mod:`boardpack.cluster`,
    :mod:`boardpack.shards`) runs this, so a file fails everywhere alike."""
    # boardpack-doc-* folders (and soffice) a killed run left behind: once per process
    clean_stale_temp_once()
    mb = settings.limits.worker_memory_mb
    peak_before = vm_peak_mib() if mb else None
    try:
        with memory_cap(mb), deadline(settings.limits.file_timeout):
            # through this module's name for it, the one place a test (or a caller)
            # replaces the parse for every stage and worker
            return "ok", parse_file(path, settings, sha256=sha256)
    except Deadline:
        return "err", UnreadableDocument(
            f"took longer than {settings.limits.file_timeout:g} s to parse (setting file_timeout); stopped", path)
    except MemoryError:
        return "err", over_memory(path, mb)
    except BoardpackError as e:
        e.__traceback__ = None  # tracebacks do not pickle; the message is the report
        cause = e.__cause__
        e.__cause__ = None
        if isinstance(cause, MemoryError):  # a stage wrapped it: the limit, not the file, is the story
            return "err", over_memory(path, mb)
        if hit_cap(mb, peak_before):
            return "err", over_memory(path, mb, e.message)
        if cause is not None and type(e) is BoardpackError:
            e.cause_type = type(cause).__name__  # what the errors table records
        return "err", e
