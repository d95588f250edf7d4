"""Service time of a center: the working-day calendar, opening hours, lunch break and 延时服务."""

from __future__ import annotations

import datetime

from django.utils import timezone

from govhall.core.workdays import get_calendar
from govhall.org.models import Center
from govhall.queueing.models import HallSettings


def settings_for(center_id: int) -> HallSettings:
    """The center's settings, or the defaults (unsaved) when none were kept."""
    found = HallSettings.objects.filter(center_id=center_id).first()
    return found if found is not None else HallSettings(center_id=center_id)


def settings_of(center: Center) -> HallSettings:
    """Like settings_for, from a center whose ``hall_settings`` were selected with it (no query)."""
    try:
        return center.hall_settings
    except HallSettings.DoesNotExist:
        return HallSettings(center_id=center.pk)


def end_of_service(hall: HallSettings) -> datetime.time:
    """Closing time, or the end of 延时服务 when the center has it."""
    return max(hall.closes_at, hall.extended_until) if hall.extended_until else hall.closes_at


def is_service_time(hall: HallSettings, at: datetime.datetime) -> bool:
    local = timezone.localtime(at)
    if not get_calendar().is_workday(local.date()):
        return False
    t = local.time()
    if not hall.opens_at <= t < end_of_service(hall):
        return False
    in_lunch = (
        hall.lunch_starts is not None and hall.lunch_ends is not None and hall.lunch_starts <= t < hall.lunch_ends
    )
    return not (in_lunch and not hall.lunch_service)


def local_datetime(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


def start_of_day(day: datetime.date) -> datetime.datetime:
    return local_datetime(day, datetime.time(0, 0))
