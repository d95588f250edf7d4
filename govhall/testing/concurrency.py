"""Running one piece of work in many threads at once, each with its own database connection."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections

from govhall.core.errors import DomainError


def run_parallel(count: int, work: Callable[[int], object], *, timeout: float = 60) -> list[object]:
    """``work(i)`` in ``count`` threads released together; each result, or the DomainError it raised."""
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = work(i)
        except DomainError as exc:
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return results
