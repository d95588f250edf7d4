"""The working-day calendar: the one place where govhall decides what a working day is.

Policy (行政许可法 Art. 82): limits count working days; weekends and statutory holidays are excluded,
adjusted working weekends (调休) are included; the start day is not counted, so ``add_working_days(d, n)``
is the n-th working day after ``d`` and ``n = 0`` is ``d`` itself. Where no official schedule exists for a
year (chinesecalendar covers 2004-2026; later years come from an administrator's load), the ordinary
weekday rule is used and the answer is marked provisional, never silently guessed.

A running ordinal (date → number of working days up to and including it) turns every question into two
array lookups in Python and one indexed join in SQL (``core_workdayordinal``).
"""

from __future__ import annotations

import datetime
import threading
import time
from array import array
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import NamedTuple

import chinese_calendar

FIRST_DAY = datetime.date(2004, 1, 1)
LAST_DAY = datetime.date(2045, 12, 31)
_FIRST_ORDINAL = FIRST_DAY.toordinal()
_FIRST_YEAR = FIRST_DAY.year
_fromordinal = datetime.date.fromordinal
_SIZE = LAST_DAY.toordinal() - _FIRST_ORDINAL + 1


def _package_years() -> frozenset[int]:
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return frozenset(range(min(years), max(years) + 1))


PACKAGE_YEARS = _package_years()


class LimitUnit(StrEnum):
    WORKING_DAYS = "working_days"
    NATURAL_DAYS = "natural_days"
    HOURS = "hours"


class Deadline(NamedTuple):
    # A NamedTuple, not a dataclass: deadlines are made a million at a time (bench/bench_workdays.py).
    date: datetime.date
    provisional: bool


class OutOfRange(ValueError):
    pass


class WorkCalendar:
    """An immutable snapshot: package data + administrator entries + loaded years."""

    def __init__(
        self,
        overrides: Mapping[datetime.date, bool] | None = None,
        official_years: Iterable[int] = (),
        revision: int = 0,
    ) -> None:
        self.revision = revision
        self.official_years = frozenset(PACKAGE_YEARS | set(official_years))
        overrides = dict(overrides or {})
        flags = bytearray(_SIZE)
        running = array("l", bytes(8 * _SIZE))
        # workday_offsets[k] = day offset of the working day with ordinal k (ordinal 0 = before the range)
        workday_offsets = array("l", [0])
        count = 0
        day = FIRST_DAY
        one = datetime.timedelta(days=1)
        for i in range(_SIZE):
            if day in overrides:
                work = overrides[day]
            elif day.year in PACKAGE_YEARS:
                work = chinese_calendar.is_workday(day)
            else:
                work = day.weekday() < 5
            if work:
                flags[i] = 1
                count += 1
                workday_offsets.append(i)
            running[i] = count
            day += one
        self._flags = bytes(flags)
        self._running = running
        self._workday_offsets = workday_offsets
        self._workday_dates = [_fromordinal(_FIRST_ORDINAL + j) for j in workday_offsets]
        self._workday_count = len(workday_offsets)
        years = range(FIRST_DAY.year, LAST_DAY.year + 1)
        self._provisional_years = bytes(0 if y in self.official_years else 1 for y in years)

    # --- single-day questions -------------------------------------------------------------
    def _offset(self, day: datetime.date) -> int:
        i = day.toordinal() - _FIRST_ORDINAL
        if not 0 <= i < _SIZE:
            raise OutOfRange(f"日期 {day} 超出日历范围（{FIRST_DAY}至{LAST_DAY}）")
        return i

    def is_workday(self, day: datetime.date) -> bool:
        return bool(self._flags[self._offset(day)])

    def is_official(self, year: int) -> bool:
        return year in self.official_years

    def ordinal(self, day: datetime.date) -> int:
        """Working days from the start of the table up to and including ``day``."""
        return self._running[self._offset(day)]

    def _span_provisional(self, first: datetime.date, last: datetime.date) -> bool:
        lo, hi = first.year - FIRST_DAY.year, last.year - FIRST_DAY.year
        if lo > hi:
            lo, hi = hi, lo
        return any(self._provisional_years[lo : hi + 1])

    # --- the policy -----------------------------------------------------------------------
    def add_working_days(self, start: datetime.date, n: int) -> Deadline:
        if n < 0:
            raise ValueError("工作日数不能为负数")
        i = start.toordinal() - _FIRST_ORDINAL
        if not 0 <= i < _SIZE:
            raise OutOfRange(f"日期 {start} 超出日历范围（{FIRST_DAY}至{LAST_DAY}）")
        if n == 0:
            return Deadline(start, False)
        target = self._running[i] + n
        if target >= self._workday_count:
            raise OutOfRange(f"期限超出日历范围（{LAST_DAY}之后）")
        end = self._workday_dates[target]
        provisional = (
            self._provisional_years[start.year - _FIRST_YEAR] or self._provisional_years[end.year - _FIRST_YEAR]
        )
        if not provisional and end.year - start.year > 1:
            provisional = self._span_provisional(start, end)
        return Deadline(end, bool(provisional))

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days d with start < d ≤ end (negative when end is before start)."""
        return self.ordinal(end) - self.ordinal(start)

    def working_days_between_provisional(self, start: datetime.date, end: datetime.date) -> tuple[int, bool]:
        return self.working_days_between(start, end), self._span_provisional(start, end)

    def add_natural_days(self, start: datetime.date, n: int) -> Deadline:
        if n < 0:
            raise ValueError("自然日数不能为负数")
        return Deadline(start + datetime.timedelta(days=n), False)

    def add_hours(self, start: datetime.datetime, n: int) -> datetime.datetime:
        if n < 0:
            raise ValueError("小时数不能为负数")
        return start + datetime.timedelta(hours=n)

    def deadline(self, start: datetime.date, amount: int, unit: LimitUnit | str) -> Deadline:
        """Date-level deadline for a limit in any unit (hours end on the day they run out)."""
        unit = LimitUnit(unit)
        if unit is LimitUnit.WORKING_DAYS:
            return self.add_working_days(start, amount)
        if unit is LimitUnit.NATURAL_DAYS:
            return self.add_natural_days(start, amount)
        return self.add_natural_days(start, amount // 24)

    def rows(self) -> Iterable[tuple[datetime.date, bool, int, bool]]:
        """(day, is_workday, ordinal, provisional) for the SQL table."""
        for i in range(_SIZE):
            day = datetime.date.fromordinal(_FIRST_ORDINAL + i)
            yield (
                day,
                bool(self._flags[i]),
                self._running[i],
                bool(self._provisional_years[day.year - _FIRST_YEAR]),
            )


# --- the process-wide snapshot ------------------------------------------------------------
_lock = threading.Lock()
_current: WorkCalendar | None = None
_checked_at = 0.0
RECHECK_SECONDS = 5.0


def _load_from_database() -> WorkCalendar:
    from govhall.core.models import CalendarDay, CalendarRevision, CalendarYear

    overrides = {d: k == CalendarDay.Kind.WORKDAY for d, k in CalendarDay.objects.values_list("day", "kind")}
    years = list(CalendarYear.objects.values_list("year", flat=True))
    revision = CalendarRevision.objects.values_list("revision", flat=True).first() or 0
    return WorkCalendar(overrides, years, revision)


def current_revision() -> int:
    from govhall.core.models import CalendarRevision

    return CalendarRevision.objects.values_list("revision", flat=True).first() or 0


def get_calendar() -> WorkCalendar:
    """The current calendar; other processes' changes are seen within RECHECK_SECONDS."""
    global _current, _checked_at
    now = time.monotonic()
    cal = _current
    if cal is not None and now - _checked_at < RECHECK_SECONDS:
        return cal
    with _lock:
        if _current is None or current_revision() != _current.revision:
            _current = _load_from_database()
        _checked_at = now
        return _current


def invalidate() -> None:
    global _current
    with _lock:
        _current = None


def add_working_days(start: datetime.date, n: int) -> Deadline:
    return get_calendar().add_working_days(start, n)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    return get_calendar().working_days_between(start, end)


def deadline(start: datetime.date, amount: int, unit: LimitUnit | str) -> Deadline:
    return get_calendar().deadline(start, amount, unit)
