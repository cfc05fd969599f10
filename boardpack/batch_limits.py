"""The limits one file's parse runs under: a deadline (``file_timeout``) and
a memory cap (``worker_memory_mb``), and how a failure is told as the limit's
rather than the file's.

Apart from the run (:mod:`boardpack.batch`) because they are process-level
plumbing (signals, rlimits, /proc) that the run only wraps its parse in.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Optional

from boardpack.core.errors import UnreadableDocument

try:
    import resource
except ImportError:  # not POSIX: no memory limit
    resource = None


class Deadline(BaseException):
    """Raised by the alarm inside a parse that ran past ``settings.limits.file_timeout``.

    A BaseException, so that no reader's ``except Exception`` (a degenerate
    drawing must not sink a page) can swallow it and run on.
    """


@contextlib.contextmanager
def deadline(seconds: float):
    """Interrupt the body after ``seconds`` (SIGALRM; POSIX main thread only,
    elsewhere no limit). A subprocess being waited on (LibreOffice, tesseract)
    is killed by subprocess.run as the exception unwinds."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise Deadline()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


@contextlib.contextmanager
def memory_cap(mb: int):
    """Cap this process's address space at ``mb`` MiB for the body (the soft
    RLIMIT_AS, put back after; POSIX only, elsewhere no limit).

    Only the parse runs under it, never the store's writes, so the same cap
    serves a spawned worker and the in-process parse of ``workers=1``: an
    allocation past it raises MemoryError in Python code, and a C library
    that cannot cope kills only its worker (in-process, the run: the store
    keeps every file committed before). Children started meanwhile (soffice,
    tesseract) inherit it. A lower limit already in force is kept.
    """
    if not mb or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    if soft != resource.RLIM_INFINITY and soft <= cap:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def over_memory(path, mb: int, said: str = "") -> UnreadableDocument:
    said = f"; the reader said: {said}" if said else ""
    if mb:
        return UnreadableDocument(
            f"needed more than {mb} MiB of memory to parse (setting worker_memory_mb{said}); stopped", path)
    return UnreadableDocument(f"ran out of memory while parsing{said}; stopped", path)


def vm_peak_mib() -> Optional[int]:
    """The most address space this process has held (Linux), in MiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def hit_cap(mb: int, peak_before: Optional[int]) -> bool:
    """Whether a parse that failed most likely ran into the cap: its process
    reached a new peak of at least half the cap. A C library (libxml2 under
    lxml) reports a failed allocation as its own error ("XMLSyntaxError:
    unknown error", so a "corrupt DOCX"), not as MemoryError; the refused
    request itself is never counted, hence half."""
    if not mb or peak_before is None:
        return False
    after = vm_peak_mib()
    return after is not None and after > peak_before and after * 2 >= mb
