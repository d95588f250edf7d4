from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema

from govhall.api.schemas import ErrorOut
from govhall.core import workdays
from govhall.core.errors import DomainError

router = Router(tags=["工作日"])

MAX_DAYS = 3650


class DeadlineOut(Schema):
    start: str
    days: int
    unit: str
    deadline: str
    provisional: bool


def _parse_date(value: str, field: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise DomainError(
            gettext("日期「%(value)s」格式不正确，应为 YYYY-MM-DD") % {"value": value}, code="invalid_date", field=field
        ) from None


def _parse_int(value: str, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DomainError(
            gettext("「%(field)s」应为整数") % {"field": field}, code="invalid_number", field=field
        ) from None
    if not 0 <= number <= MAX_DAYS:
        raise DomainError(
            gettext("「%(field)s」应在0到%(max)s之间") % {"field": field, "max": MAX_DAYS},
            code="out_of_range",
            field=field,
        )
    return number


@router.get("/deadline", response={200: DeadlineOut, 400: ErrorOut}, summary="计算办理期限")
def deadline(request: HttpRequest, start: str, days: str, unit: str = "working_days") -> DeadlineOut:
    """The deadline ``days`` units after ``start`` (the start day not counted). ``provisional`` is true when
    a year without an official holiday schedule was involved."""
    start_date = _parse_date(start, "start")
    count = _parse_int(days, "days")
    if unit not in workdays.LimitUnit._value2member_map_ or unit == workdays.LimitUnit.HOURS:
        raise DomainError(gettext("「unit」应为 working_days 或 natural_days"), code="invalid_unit", field="unit")
    try:
        result = workdays.deadline(start_date, count, unit)
    except workdays.OutOfRange as exc:
        raise DomainError(str(exc), code="out_of_range", field="start") from None
    return DeadlineOut(
        start=start_date.isoformat(),
        days=count,
        unit=unit,
        deadline=result.date.isoformat(),
        provisional=result.provisional,
    )


class WorkdayOut(Schema):
    date: str
    is_workday: bool
    provisional: bool


@router.get("/day", response={200: WorkdayOut, 400: ErrorOut}, summary="某日是否为工作日")
def day(request: HttpRequest, date: str) -> WorkdayOut:
    when = _parse_date(date, "date")
    cal = workdays.get_calendar()
    try:
        work = cal.is_workday(when)
    except workdays.OutOfRange as exc:
        raise DomainError(str(exc), code="out_of_range", field="date") from None
    return WorkdayOut(date=when.isoformat(), is_workday=work, provisional=not cal.is_official(when.year))
