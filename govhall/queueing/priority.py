"""The ordering rule for calling (docs/hall.md, "The ordering rule").

1. Priority first: green channel, elderly 70+, disabled and on-time appointments go before ordinary tickets;
   among themselves the longest waiting first.
2. No starvation: a window that has made K priority calls in a row (HallSettings.priority_streak) takes the
   longest-waiting ordinary ticket next, if one is waiting. An ordinary ticket therefore waits at most K
   priority calls per call of a window serving it, and the oldest ordinary ticket is always the next
   ordinary one taken, so every ordinary ticket is reached after finitely many calls.
3. Within a class, longest wait first: ``queued_at`` (kept on transfer, reset to now by a re-queue after
   过号), then id.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from govhall.core.errors import AccessDenied
from govhall.queueing.models import Priority

ELDERLY_AGE = 70


def birth_date(id_number: str) -> datetime.date | None:
    """The birth date in an 18-character resident ID (positions 7-14), or None."""
    text = (id_number or "").strip()
    if len(text) != 18 or not text[:17].isdigit():
        return None
    try:
        return datetime.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None


def age_on(id_number: str, day: datetime.date) -> int | None:
    born = birth_date(id_number)
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def effective_priority(*, requested: str, id_number: str, day: datetime.date, staff: bool) -> str:
    """The priority a new ticket gets: the one asked for, else elderly when the resident ID says 70+."""
    if requested not in Priority.values:
        requested = Priority.NONE
    if requested == Priority.GREEN and not staff:
        raise AccessDenied(_("绿色通道须由工作人员办理"), code="queue.green_channel_staff_only", field="priority")
    if requested != Priority.NONE:
        return requested
    age = age_on(id_number, day)
    if age is not None and age >= ELDERLY_AGE:
        return Priority.ELDERLY
    return Priority.NONE


def call_order(*, streak: int, limit: int) -> tuple[str, ...]:
    """ORDER BY of the call-next query for a window with ``streak`` priority calls in a row."""
    if streak >= limit:
        return ("is_priority", "queued_at", "id")  # ordinary first; a priority one only if none is waiting
    return ("-is_priority", "queued_at", "id")


def next_streak(*, streak: int, called_priority: bool) -> int:
    return streak + 1 if called_priority else 0
