"""Ticket numbers: per center, series and day (A001, A002 …); restart each day, never repeat within it."""

from __future__ import annotations

import datetime

from govhall.core.counters import increment
from govhall.queueing.models import TicketCounter


def next_ticket_seq(*, center_id: int, series: str, day: datetime.date) -> int:
    """Must run inside the transaction that creates the ticket: a rollback returns the number (no gaps)."""
    # The counter row's lock is held until commit, so concurrent kiosks of one series queue here.
    return increment(TicketCounter, center_id=center_id, series=series, day=day)


def format_number(series: str, seq: int) -> str:
    return f"{series}{seq:03d}"
