"""The holiday page: which years are official, a year's grid, loading a schedule, setting one day."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from govhall.backoffice.calendar_grid import year_grid
from govhall.backoffice.decorators import staff_page
from govhall.backoffice.forms import CalendarDayForm, ScheduleForm
from govhall.core import calendar_services, workdays
from govhall.core.errors import Problem, ValidationFailed
from govhall.core.models import CalendarDay, CalendarYear
from govhall.org.access import require_role
from govhall.org.models import Role

YEARS = range(workdays.FIRST_DAY.year, workdays.LAST_DAY.year + 1)


def _year(text: str | None) -> int:
    if text and text.isdigit() and int(text) in YEARS:
        return int(text)
    return timezone.localdate().year


def _render(
    request: HttpRequest,
    year: int,
    schedule_form: ScheduleForm | None = None,
    day_form: CalendarDayForm | None = None,
    problems: list[Problem] | None = None,
) -> HttpResponse:
    cal = workdays.get_calendar()
    entries = {e.day: e for e in CalendarDay.objects.filter(day__year=year)}
    this_year = timezone.localdate().year
    return render(
        request,
        "backoffice/calendar.html",
        {
            "year": year,
            "grid": year_grid(year, cal, entries),
            "entries": list(entries.values()),
            "loaded_years": CalendarYear.objects.order_by("year"),
            "package_first": min(workdays.PACKAGE_YEARS),
            "package_last": max(workdays.PACKAGE_YEARS),
            "nearby": [(y, cal.is_official(y)) for y in range(this_year - 1, this_year + 4) if y in YEARS],
            "years": YEARS,
            "schedule_form": schedule_form or ScheduleForm(),
            "day_form": day_form or CalendarDayForm(),
            "problems": problems or [],
        },
    )


@staff_page
def calendar_page(request: HttpRequest) -> HttpResponse:
    require_role(request.user, Role.CENTER_MANAGER, request=request)
    return _render(request, _year(request.GET.get("year")))


@require_POST
@staff_page
def calendar_load(request: HttpRequest) -> HttpResponse:
    actor = require_role(request.user, Role.CENTER_MANAGER, request=request)
    form = ScheduleForm(request.POST, request.FILES)
    year = _year(request.GET.get("year"))
    if not form.is_valid():
        return _render(request, year, schedule_form=form)
    parsed_year, source, entries, problems = calendar_services.parse_schedule(form.cleaned_data["text"])
    if not problems:
        try:
            loaded = calendar_services.load_holiday_schedule(
                year=parsed_year, entries=entries, source=source or form.cleaned_data["source"], actor=actor
            )
        except ValidationFailed as failed:
            problems = failed.problems
        else:
            messages.success(
                request,
                _("已导入%(year)s年节假日安排（%(count)s条），该年期限不再是暂定")
                % {"year": loaded.year, "count": len(entries)},
            )
            return redirect(f"{reverse('backoffice:calendar')}?year={loaded.year}")
    shown = parsed_year if parsed_year is not None and parsed_year in YEARS else year
    return _render(request, shown, schedule_form=form, problems=problems)


@require_POST
@staff_page
def calendar_day(request: HttpRequest) -> HttpResponse:
    actor = require_role(request.user, Role.CENTER_MANAGER, request=request)
    form = CalendarDayForm(request.POST)
    if form.is_valid():
        day: datetime.date = form.cleaned_data["day"]
        try:
            calendar_services.set_calendar_day(
                day=day,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
                source=form.cleaned_data["source"],
                actor=actor,
            )
        except ValidationFailed as failed:
            for problem in failed.problems:
                form.add_error(problem.field if problem.field in form.fields else None, problem.message)
        else:
            messages.success(request, _("已登记 %(day)s") % {"day": day.isoformat()})
            return redirect(f"{reverse('backoffice:calendar')}?year={day.year}")
    return _render(request, _year(request.GET.get("year")), day_form=form)
