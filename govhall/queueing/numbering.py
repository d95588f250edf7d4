"""Ticket numbers: per center, series and day (A001, A002 …); restart each day, never repeat within it."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from govhall.queueing.models import TicketCounter


def next_ticket_seq(*, center_id: int, series: str, day: datetime.date) -> int:
    """Must run inside the transaction that creates the ticket: a rollback returns the number (no gaps)."""
    # The UPDATE takes the counter row's lock until commit, so concurrent kiosks of one series queue here.
    rows = TicketCounter.objects.filter(center_id=center_id, series=series, day=day)
    if not rows.update(last=F("last") + 1):
        try:
            with transaction.atomic():
                TicketCounter.objects.create(center_id=center_id, series=series, day=day, last=1)
                return 1
        except IntegrityError:  # another kiosk created the day's row first
            rows.update(last=F("last") + 1)
    return int(rows.values_list("last", flat=True).get())


def format_number(series: str, seq: int) -> str:
    return f"{series}{seq:03d}"
