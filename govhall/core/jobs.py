"""Periodic jobs for one machine: each app registers what must run on its own, ``run_scheduler`` runs them.

A job returns how many things it did. Jobs must be idempotent and safe to run in two processes at once
(they lock or skip-lock the rows they change), so a second scheduler by mistake does no harm.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger("govhall.jobs")


@dataclass(frozen=True)
class Job:
    name: str
    every: datetime.timedelta
    run: Callable[[], int]
    description: str


JOBS: dict[str, Job] = {}


def register(job: Job) -> None:
    JOBS[job.name] = job


@dataclass(frozen=True)
class Outcome:
    job: str
    done: int
    error: str = ""


def run_job(job: Job) -> Outcome:
    """Run one job; a failure is logged and reported, never raised (the scheduler keeps going)."""
    try:
        return Outcome(job.name, job.run())
    except Exception as exc:  # a broken job must not stop the others
        logger.exception("job %s failed", job.name)
        return Outcome(job.name, 0, f"{type(exc).__name__}: {exc}")


def due(last_runs: dict[str, float], now: float) -> list[Job]:
    """Jobs never run, or last run at least ``every`` ago (times in seconds, monotonic)."""
    return [job for job in JOBS.values() if now - last_runs.get(job.name, -1e18) >= job.every.total_seconds()]
