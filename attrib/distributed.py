"""The batch work on dask.distributed (``attrib batch --dask [ADDRESS]``), for archives beyond one
machine. Needs the ``dask`` extra (``pip install 'attrib[dask]'``) here and on every worker.

- ``"local"``: a LocalCluster on this machine (worker processes, one thread each, bound to
  127.0.0.1, no dashboard).
- ``tcp://host:8786``: an existing cluster (``dask scheduler`` on one machine, ``dask worker
  tcp://host:8786 --nthreads 1`` on each of the others, attrib installed everywhere).

Each worker loads the model once, when :class:`AttribModelPlugin` is set up on it. The client
reads the documents and sends them in partitions, so workers need no access to the inputs; a
custom ``--model`` directory or ``--speakers`` registry is loaded on the client and the registry
sent along, but the model directory must exist at the same path on every worker.
"""

from __future__ import annotations

import logging
from typing import Iterator, Optional

from .batch import _WORKER, attribute_items, init_worker, reason_of
from .errors import AttribError

try:  # the plugin base class; without the dask extra --dask says what to install
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover
    _WorkerPlugin = object

CONNECT_TIMEOUT = "20s"


class DaskError(AttribError):
    """Dask is missing, or the scheduler cannot be reached or cannot run the work."""


def _distributed():
    try:
        import distributed
    except ImportError:
        raise DaskError("--dask needs dask.distributed: pip install 'attrib[dask]'") from None
    return distributed


class AttribModelPlugin(_WorkerPlugin):
    """Loads the attrib model once per worker process, before its first partition."""

    name = "attrib-model"

    def __init__(self, model: Optional[str], registry, min_confidence: float):
        self.model, self.registry, self.min_confidence = model, registry, min_confidence

    def setup(self, worker):
        init_worker(self.model, self.registry, self.min_confidence)


def attribute_partition(items: list[tuple[str, str]], batch_size: int) -> list[tuple[str, str, str]]:
    """Runs on a worker: the partition's (id, text) pairs -> outcomes, with the worker's model."""
    if not _WORKER:  # the plugin sets this up; only a worker that joined oddly lacks it
        raise RuntimeError("attrib model not loaded on this worker (worker plugin not set up)")
    return attribute_items(items, batch_size)


def connect(address: str, n_workers: int):
    """(client, cluster): a LocalCluster for ``"local"``, else a client of the scheduler at ``address``."""
    distributed = _distributed()
    if address == "local":
        try:
            cluster = distributed.LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                               dashboard_address=None, silence_logs=logging.ERROR)
        except Exception as e:  # noqa: BLE001  (the nanny's start-up errors come in many types)
            raise DaskError(f"cannot start a local Dask cluster of {n_workers} workers: {reason_of(e)}") from None
        return distributed.Client(cluster), cluster
    _refuse_fast(address)
    try:
        return distributed.Client(address, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as e:
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {reason_of(e)}; "
                        "start one with `dask scheduler` and give its address (tcp://host:8786)") from None


def _refuse_fast(address: str) -> None:
    """A tcp:// scheduler that refuses connections is reported at once (the client would retry
    until its timeout)."""
    import socket
    from urllib.parse import urlsplit

    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or not parts.hostname or not parts.port:
        return
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=5).close()
    except OSError as e:
        raise DaskError(f"cannot reach the Dask scheduler at {address}: {reason_of(e)}; "
                        "start one with `dask scheduler` and give its address (tcp://host:8786)") from None


def run_on_dask(batches, address: str, *, n_workers: int, model: Optional[str], registry, min_confidence: float,
                batch_size: int) -> Iterator[tuple[int, list]]:
    """(partition index, outcomes) for each partition of ``batches``, as partitions finish.

    A partition whose worker died is split and its documents retried one each; a document that
    kills its worker alone is recorded as failed with the reason.
    """
    distributed = _distributed()
    client, cluster = connect(address, n_workers)
    try:
        try:
            client.register_plugin(AttribModelPlugin(model, registry, min_confidence), name="attrib-model")
        except Exception as e:  # noqa: BLE001  (the workers' error comes back as whatever they raised)
            raise DaskError(f"the Dask workers cannot load the attrib model: {reason_of(e)}") from None
        window = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        pending = distributed.as_completed()
        jobs: dict = {}  # future -> (partition index, items, part number or None)
        split: dict[int, list] = {}  # partition index -> outcome slots of a partition retried one by one
        batches = enumerate(batches)

        def submit(index, items, slot=None):
            future = client.submit(attribute_partition, items, batch_size, pure=False)
            jobs[future] = (index, items, slot)
            pending.add(future)

        def fill():
            while len(jobs) < window:
                nxt = next(batches, None)
                if nxt is None:
                    return
                submit(*nxt)

        fill()
        for future in pending:
            index, items, slot = jobs.pop(future)
            try:
                outcomes = future.result()
            except Exception as e:  # noqa: BLE001  (KilledWorker and kin: the worker died)
                if slot is None and len(items) > 1:
                    split[index] = [None] * len(items)
                    for n, item in enumerate(items):
                        submit(index, [item], n)
                    continue
                outcomes = [("error", items[0][0], f"the Dask worker failed attributing it ({reason_of(e)})")]
            finally:
                future.release()
            if slot is None:
                yield index, outcomes
            else:
                split[index][slot] = outcomes[0]
                if all(o is not None for o in split[index]):
                    yield index, split.pop(index)
            fill()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
