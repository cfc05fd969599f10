"""The parse stage on a Dask cluster (``boardpack ingest --cluster ADDRESS``).

:class:`DaskParse` is a parse stage for :func:`boardpack.batch.ingest_paths`
(see :data:`boardpack.batch.ParseStage`): each file is one Dask task running
:func:`boardpack.batch.parse_in_worker`, submitted largest first, and every
result comes back to the one writer in this process, so progress, summary
and store are those of a local run.

A worker that dies (killed for memory, a crash in a C library) loses only
the tasks it held. The scheduler runs such a task once more elsewhere
(``allowed-failures`` = 1, set here for a LocalCluster; a scheduler started
by hand needs ``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1``); a second
death fails that file alone, recorded with the cause. A task that raises is
retried once too (``retries=1``).

Dask is optional (the ``cluster`` extra): without it this module still
imports, and :func:`dask_parse` raises :class:`ClusterUnavailable`.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections import deque
from typing import Optional

from boardpack.batch import default_workers, parse_in_worker
from boardpack.core.errors import BoardpackError, UnreadableDocument
from boardpack.core.settings import Settings

try:
    import dask
    from distributed import Client, LocalCluster, as_completed
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker
except ImportError:  # the cluster extra is not installed
    dask = None

EXTRA_HINT = "--cluster needs Dask: install the cluster extra (pip install 'boardpack[cluster]')"

# Scheduler settings for a LocalCluster started here: a task whose worker
# died is run once more, a second death fails it (KilledWorker); a worker
# holds no more tasks than it has threads, so a dying worker takes as few
# bystanders with it as it can.
LOCAL_CONFIG = {
    "distributed.scheduler.allowed-failures": 1,
    "distributed.scheduler.worker-saturation": 1.0,
}


class ClusterUnavailable(BoardpackError):
    """Dask is not installed (a usage error: exit 2)."""

    stage = "usage"


def dask_parse(address: str, workers: Optional[int] = None) -> "DaskParse":
    """The parse stage for ``--cluster ADDRESS`` (``local``: a LocalCluster of ``workers`` processes)."""
    if dask is None:
        raise ClusterUnavailable(EXTRA_HINT)
    return DaskParse(address, workers)


class DaskParse:
    """A parse stage on a Dask cluster: a scheduler's address, or ``"local"``.

    The cluster (or the connection to it) lives for one call. ``task``
    replaces :func:`~boardpack.batch.parse_in_worker` (the shards' task, or a
    test's); it must pickle (cloudpickle: a closure does).
    """

    def __init__(self, address: str, workers: Optional[int] = None):
        self.address = address
        self.workers = workers

    def _connect(self):
        """(client, cluster or None)."""
        if self.address == "local":
            with dask.config.set(LOCAL_CONFIG):
                cluster = LocalCluster(n_workers=self.workers or default_workers(), threads_per_worker=1,
                                       processes=True, dashboard_address=None, silence_logs=logging.ERROR)
            return Client(cluster), cluster
        try:
            return Client(self.address, timeout="20s"), None
        except (OSError, TimeoutError, ValueError) as e:
            raise BoardpackError(f"cannot reach the Dask scheduler at {self.address}: {e}", stage="cluster") from e

    def __call__(self, jobs, todo, settings: Settings, write, task=parse_in_worker) -> None:
        if not jobs:
            return
        client, cluster = self._connect()
        try:
            _run(client, jobs, todo, settings, write, task)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _run(client, jobs, todo, settings: Settings, write, task) -> None:
    """Submit the jobs largest first, a window at a time, and write each result as it arrives.

    The window (twice the cluster's threads) keeps finished documents from
    piling up in the workers' memory while the one writer is busy.
    """
    window = 2 * max(1, sum(client.nthreads().values()))
    queue = deque(enumerate(jobs))
    running = as_completed()
    owner: dict[str, str] = {}

    def submit() -> None:
        i, sha = queue.popleft()
        fut = client.submit(within_timeout, task, str(todo[sha][0][0]), sha, settings, key=f"parse-{i}-{sha}",
                            priority=len(jobs) - i, retries=1, pure=False)
        owner[fut.key] = sha
        running.add(fut)

    while queue and len(owner) < window:
        submit()
    for fut in running:
        sha = owner.pop(fut.key)
        write(sha, *_outcome(fut, todo[sha][0][0]))
        fut.release()
        if queue:
            submit()


class FileTimeout(BaseException):
    """Raised inside a Dask task whose parse ran past ``settings.limits.file_timeout``.

    A BaseException, as the local pool's alarm is, so that no reader's
    ``except Exception`` swallows it and runs on.
    """


def within_timeout(task, path: str, sha256: str, settings: Settings):
    """Run ``task`` on a Dask worker under ``settings.limits.file_timeout``.

    A Dask worker runs tasks in its threads, where the local pool's SIGALRM
    cannot reach (signals go to a process's main thread), so a watchdog
    timer raises :class:`FileTimeout` in the task's own thread instead
    (``PyThreadState_SetAsyncExc``): it lands at the next Python bytecode,
    which is where a slow parse spends its time (pdfminer, the extractors);
    a subprocess being waited on (LibreOffice, tesseract) is killed by
    ``subprocess.run`` as the exception unwinds. The file fails with the
    message a local run gives; the worker goes on with the next file.
    """
    seconds = settings.limits.file_timeout
    if not seconds:
        return task(path, sha256, settings)
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(FileTimeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    try:
        try:
            timer.start()
            return task(path, sha256, settings)
        finally:
            timer.cancel()
            with lock:
                state["done"] = True
                if state["fired"]:  # raised but perhaps not yet delivered: never let it leak out of the task
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)
    except FileTimeout:
        return "err", UnreadableDocument(
            f"took longer than {seconds:g} s to parse (setting file_timeout); stopped", path)


def _outcome(fut, path) -> tuple[str, object]:
    """("ok", value) or ("err", error) for a finished task, with a worker's death named."""
    try:
        return fut.result()
    except KilledWorker:
        return "err", UnreadableDocument(
            "the parser process died while reading this file, twice (a Dask worker was lost: "
            "out of memory, killed by the system, or a crash)", path)
    except FutureCancelledError as e:
        return "err", UnreadableDocument(f"the Dask task was cancelled (scheduler lost?): {e}", path)
    except Exception as e:  # noqa: BLE001 - the task raised twice (retries=1): this file fails, the run goes on
        return "err", UnreadableDocument(f"parser task failed: {type(e).__name__}: {e}", path)
