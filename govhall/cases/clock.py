"""The legal clock of a case: one module, the same answers in Python and in SQL.

Rules (行政许可法, DOMAIN.md §3):
- limits count from acceptance, the acceptance day not counted (Art. 82); 即办件 end the same day;
- a special procedure that stops the clock suspends the case from day a to its resumption on day b:
  the deadline moves later by the working days d with a ≤ d < b (Art. 45);
- an extension adds working days (Art. 42: 10, joint handling 15);
- a 补正 notice is due within 5 working days of receipt, else the case is deemed accepted on its
  receipt day (Art. 32);
- a licence granted is issued and delivered within 10 working days of the decision (Art. 44).

SQL form: a deadline is ``ordinal(start) + limit + paused + extension`` looked up in core_workdayordinal
(see ``deadline_sql``); Python uses the same ordinal table through ``WorkCalendar``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings

from govhall.core.workdays import Deadline, LimitUnit, WorkCalendar

SUPPLEMENT_NOTICE_DAYS = 5  # Art. 32
DELIVERY_DAYS = 10  # Art. 44
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Pause:
    """A stop of the clock: from ``start`` (counted as paused) to ``end`` (the resumption day, running again)."""

    start: datetime.date
    end: datetime.date | None  # None: still suspended


def paused_days(cal: WorkCalendar, pauses: Iterable[Pause], unit: LimitUnit, today: datetime.date) -> int:
    """Working (or natural) days d with a ≤ d < b over all pauses; an open pause runs through today."""
    total = 0
    for pause in pauses:
        end = pause.end or (today + ONE_DAY)
        if end <= pause.start:
            continue
        if unit is LimitUnit.WORKING_DAYS:
            total += cal.working_days_between(pause.start - ONE_DAY, end - ONE_DAY)
        else:
            total += (end - pause.start).days
    return total


def deadline(
    cal: WorkCalendar,
    *,
    start: datetime.date,
    limit: int,
    unit: LimitUnit | str,
    pauses: Iterable[Pause] = (),
    extension_days: int = 0,
    today: datetime.date | None = None,
) -> Deadline:
    """The deadline of a limit counted from ``start`` (acceptance), moved by pauses and extensions."""
    unit = LimitUnit(unit)
    today = today or datetime.date.today()
    paused = paused_days(cal, pauses, unit if unit is not LimitUnit.HOURS else LimitUnit.NATURAL_DAYS, today)
    if unit is LimitUnit.WORKING_DAYS:
        return cal.add_working_days(start, limit + paused + extension_days)
    if unit is LimitUnit.NATURAL_DAYS:
        return cal.add_natural_days(start, limit + paused + extension_days)
    # Hour limits end on the day the hours run out; extensions are in working days.
    base = cal.add_natural_days(start, limit // 24 + paused)
    return cal.add_working_days(base.date, extension_days) if extension_days else base


def supplement_notice_due(cal: WorkCalendar, received_on: datetime.date) -> Deadline:
    """The last day a 补正 notice may be given (Art. 32)."""
    return cal.add_working_days(received_on, SUPPLEMENT_NOTICE_DAYS)


def delivery_due(cal: WorkCalendar, decided_on: datetime.date) -> Deadline:
    """The last day to issue and deliver a licence granted on ``decided_on`` (Art. 44: 10 working days)."""
    return cal.add_working_days(decided_on, DELIVERY_DAYS)


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


@dataclass(frozen=True)
class LightRule:
    """Yellow when at most ``days`` working days or at most ``percent`` % of the limit remain."""

    days: int = 1
    percent: int = 20

    @classmethod
    def default(cls) -> LightRule:
        rule = getattr(settings, "GOVHALL_LIGHTS", {})
        return cls(days=int(rule.get("yellow_days", 1)), percent=int(rule.get("yellow_percent", 20)))


def remaining_working_days(cal: WorkCalendar, due: datetime.date, today: datetime.date) -> int:
    """Working days after today up to the deadline; negative once past it."""
    return cal.working_days_between(today, due)


def light(
    cal: WorkCalendar, *, due: datetime.date, today: datetime.date, limit: int, rule: LightRule | None = None
) -> Light:
    """Red from the day after the deadline; yellow near it; green otherwise."""
    rule = rule or LightRule.default()
    if today > due:
        return Light.RED
    left = remaining_working_days(cal, due, today)
    if left <= rule.days or left * 100 <= rule.percent * max(limit, 0):
        return Light.YELLOW
    return Light.GREEN


def deadline_sql(start_column: str, days_expression: str) -> str:
    """SQL giving the deadline date, for queries over many cases (same rule as ``deadline``)."""
    return (
        "(SELECT t.day FROM core_workdayordinal s JOIN core_workdayordinal t "
        f"ON t.ordinal = s.ordinal + ({days_expression}) AND t.is_workday WHERE s.day = {start_column})"
    )
