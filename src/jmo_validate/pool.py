"""The process pool of a batch with workers; imported only by such a batch.

[`Pool`][] is `multiprocessing.pool.Pool` with one thing changed: what its worker-handler
thread waits for. CPython (3.8 and later) has that thread wait on the pipe of the workers'
results too. A result stays in the pipe until the result-handler thread reads it, and that
thread needs the interpreter lock, which the main thread holds while it reads and writes
rows. Until then the worker handler wakes up, finds nothing to do and waits again, over
and over: 10,301 times for the 160 chunks of an 80,000-row file, 0.22-0.26 s of CPU (about
8 % of the parent process's), taken from the workers when there are as many of them as
cores.
"""

from __future__ import annotations

import multiprocessing.pool

__all__ = ["Pool"]


class Pool(multiprocessing.pool.Pool):
    """A process pool whose worker handler wakes when a worker exits or the pool changes.

    A worker's exit wakes it through the worker's own sentinel, which the handler adds to
    these; a change of the pool (closed, terminated, every task done) through the change
    notifier. A finished task alone does not: the handler has nothing to do for it
    unless workers retire after a number of tasks (`maxtasksperchild`), which a batch
    never asks for.
    """

    def _get_sentinels(self) -> list[object]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]
