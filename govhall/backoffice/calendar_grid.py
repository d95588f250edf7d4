"""One year of the working-day calendar as month grids, for the holiday page."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Mapping
from dataclasses import dataclass

import chinese_calendar
from django.utils.translation import gettext_lazy as _

from govhall.core import workdays
from govhall.core.models import CalendarDay

HOLIDAY_NAMES = {
    "New Year's Day": _("元旦"),
    "Spring Festival": _("春节"),
    "Tomb-sweeping Day": _("清明节"),
    "Labour Day": _("劳动节"),
    "Dragon Boat Festival": _("端午节"),
    "National Day": _("国庆节"),
    "Mid-autumn Festival": _("中秋节"),
    "Anti-Fascist 70th Day": _("抗战胜利纪念日"),
}

# (is a working day, is a Saturday or Sunday) → what the grid shows
_KINDS = {(True, False): "workday", (True, True): "adjusted", (False, True): "weekend", (False, False): "holiday"}


@dataclass(frozen=True)
class Day:
    day: datetime.date
    kind: str  # workday, weekend, holiday (a weekday off) or adjusted (a weekend worked, 调休上班)
    note: str
    entry: bool  # set by an administrator, not taken from chinesecalendar


@dataclass(frozen=True)
class Month:
    number: int
    weeks: list[list[Day | None]]


@dataclass(frozen=True)
class YearGrid:
    year: int
    official: bool
    months: list[Month]
    holidays: int
    adjusted: int


def _note(day: datetime.date, entry: CalendarDay | None) -> str:
    if entry is not None:
        return entry.note
    if day.year not in workdays.PACKAGE_YEARS:
        return ""
    _off, name = chinese_calendar.get_holiday_detail(day)
    return str(HOLIDAY_NAMES.get(name, name)) if name else ""


def _day(cal: workdays.WorkCalendar, day: datetime.date, entry: CalendarDay | None) -> Day:
    kind = _KINDS[(cal.is_workday(day), day.weekday() >= 5)]
    # A holiday that falls on a weekend is still the holiday (国庆 on a Saturday): name it.
    note = _note(day, entry) if kind != "workday" or entry is not None else ""
    if kind == "weekend" and note:
        kind = "holiday"
    return Day(day, kind, note, entry is not None)


def year_grid(year: int, cal: workdays.WorkCalendar, entries: Mapping[datetime.date, CalendarDay]) -> YearGrid:
    months = []
    holidays = adjusted = 0
    for number in range(1, 13):
        weeks: list[list[Day | None]] = []
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, number):
            row: list[Day | None] = []
            for day in week:
                if day.month != number:
                    row.append(None)
                    continue
                cell = _day(cal, day, entries.get(day))
                holidays += cell.kind == "holiday"
                adjusted += cell.kind == "adjusted"
                row.append(cell)
            weeks.append(row)
        months.append(Month(number, weeks))
    return YearGrid(year, cal.is_official(year), months, holidays, adjusted)
