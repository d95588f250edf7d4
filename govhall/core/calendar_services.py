"""Writes to the working-day calendar: administrator entries, a year's official schedule, the SQL table."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections, router, transaction
from django.db.models import F
from django.utils.translation import gettext

from govhall.core import audit, workdays
from govhall.core.actors import Actor
from govhall.core.errors import Problem, ValidationFailed
from govhall.core.models import CalendarDay, CalendarRevision, CalendarYear, WorkdayOrdinal

# Domain apps that store deadlines register a function here; it runs after every calendar change so
# that provisional deadlines are recomputed (e.g. cases when the 2027 schedule arrives).
RECOMPUTE_HOOKS: list[Callable[[Actor], int]] = []

_KINDS = {
    "holiday": CalendarDay.Kind.HOLIDAY,
    "休": CalendarDay.Kind.HOLIDAY,
    "休息": CalendarDay.Kind.HOLIDAY,
    "假": CalendarDay.Kind.HOLIDAY,
    "workday": CalendarDay.Kind.WORKDAY,
    "班": CalendarDay.Kind.WORKDAY,
    "上班": CalendarDay.Kind.WORKDAY,
}


@dataclass(frozen=True)
class ScheduleEntry:
    day: datetime.date
    kind: str
    note: str


def ensure_workday_table(using: str = "default") -> None:
    """Fill core_workdayordinal when it is empty or stale (after migrate or flush; see ``rebuild_calendar``)."""
    if not router.allow_migrate_model(using, WorkdayOrdinal):
        return
    cal = workdays._load_from_database()
    last = WorkdayOrdinal.objects.using(using).order_by("-day").values_list("day", "ordinal").first()
    if last == (workdays.LAST_DAY, cal.ordinal(workdays.LAST_DAY)):
        return
    rebuild_workday_table(cal, using=using)


def rebuild_workday_table(cal: workdays.WorkCalendar, *, using: str = "default") -> None:
    with transaction.atomic(using=using):
        WorkdayOrdinal.objects.using(using).all().delete()
        WorkdayOrdinal.objects.using(using).bulk_create(
            (WorkdayOrdinal(day=d, is_workday=w, ordinal=o, provisional=p) for d, w, o, p in cal.rows()),
            batch_size=2000,
        )
    if connections[using].vendor == "postgresql":
        with connections[using].cursor() as cursor:
            cursor.execute("ANALYZE core_workdayordinal")


def _bump_revision() -> None:
    updated = CalendarRevision.objects.filter(pk=1).update(revision=F("revision") + 1)
    if not updated:
        CalendarRevision.objects.create(pk=1, revision=1)


def parse_schedule(text: str) -> tuple[int | None, str, list[ScheduleEntry], list[Problem]]:
    """Parse the simple schedule file (see docs/calendar.md).

    Lines ``date,kind,note`` where date is ``YYYY-MM-DD`` or a range ``YYYY-MM-DD~YYYY-MM-DD`` and kind is
    休/holiday or 班/workday; ``# year: 2027`` and ``# source: 国办发明电〔2026〕…`` header comments.
    """
    year: int | None = None
    source = ""
    entries: list[ScheduleEntry] = []
    problems: list[Problem] = []
    seen: dict[datetime.date, int] = {}
    for lineno, raw in enumerate(io.StringIO(text), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*(year|年份|source|来源)\s*[:：]\s*(.+)$", line, re.IGNORECASE)
            if m:
                key, value = m.group(1).lower(), m.group(2).strip()
                if key in ("year", "年份"):
                    if value.isdigit():
                        year = int(value)
                    else:
                        problems.append(
                            Problem(
                                gettext("年份「%(value)s」不是有效的年份") % {"value": value},
                                row=lineno,
                                code="bad_year",
                            )
                        )
                else:
                    source = value
            continue
        cells = next(csv.reader([line]))
        if len(cells) < 2:
            problems.append(Problem(gettext("每行应为：日期,类型,说明"), row=lineno, code="bad_line"))
            continue
        when, kind_text = cells[0].strip(), cells[1].strip()
        note = cells[2].strip() if len(cells) > 2 else ""
        if when.lower() in ("date", "日期"):
            continue
        kind = _KINDS.get(kind_text.lower())
        if kind is None:
            problems.append(
                Problem(
                    gettext("类型「%(kind)s」无效，应为“休”或“班”") % {"kind": kind_text},
                    row=lineno,
                    column="类型",
                    code="bad_kind",
                )
            )
            continue
        try:
            if "~" in when:
                first_text, last_text = when.split("~", 1)
                first = datetime.date.fromisoformat(first_text.strip())
                last = datetime.date.fromisoformat(last_text.strip())
            else:
                first = last = datetime.date.fromisoformat(when)
        except ValueError:
            problems.append(
                Problem(
                    gettext("日期「%(value)s」格式错误，应为 YYYY-MM-DD") % {"value": when},
                    row=lineno,
                    column="日期",
                    code="bad_date",
                )
            )
            continue
        if last < first:
            problems.append(Problem(gettext("日期区间的结束早于开始"), row=lineno, column="日期", code="bad_date"))
            continue
        day = first
        while day <= last:
            if day in seen:
                problems.append(
                    Problem(
                        gettext("%(day)s 与第%(row)s行重复") % {"day": day, "row": seen[day]},
                        row=lineno,
                        column="日期",
                        code="duplicate_date",
                    )
                )
            seen[day] = lineno
            entries.append(ScheduleEntry(day, kind, note))
            day += datetime.timedelta(days=1)
    return year, source, entries, problems


@transaction.atomic
def load_holiday_schedule(*, year: int | None, entries: list[ScheduleEntry], source: str, actor: Actor) -> CalendarYear:
    """Replace the administrator entries of ``year`` by its official schedule and mark the year official."""
    problems: list[Problem] = []
    years = {e.day.year for e in entries}
    if year is None:
        if len(years) == 1:
            year = years.pop()
        else:
            problems.append(Problem(gettext("无法确定年份：请在文件中写明 “# year: 2027”"), code="missing_year"))
    if year is not None:
        if not workdays.FIRST_DAY.year <= year <= workdays.LAST_DAY.year:
            problems.append(Problem(gettext("年份 %(year)s 超出日历支持范围") % {"year": year}, code="bad_year"))
        for e in entries:
            if e.day.year != year:
                problems.append(
                    Problem(
                        gettext("%(day)s 不属于 %(year)s 年") % {"day": e.day, "year": year},
                        code="wrong_year",
                        column="日期",
                    )
                )
    if not entries:
        problems.append(Problem(gettext("文件中没有任何节假日或调休记录"), code="empty_schedule"))
    if not source.strip():
        problems.append(Problem(gettext("请注明来源（国务院办公厅通知文号）"), code="missing_source", field="source"))
    for e in entries:
        weekend = e.day.weekday() >= 5
        if e.kind == CalendarDay.Kind.WORKDAY and not weekend:
            problems.append(
                Problem(gettext("%(day)s 本是工作日，无需登记为调休上班") % {"day": e.day}, code="redundant_entry")
            )
    if problems:
        raise ValidationFailed(problems)
    assert year is not None
    before = {d.isoformat(): k for d, k in CalendarDay.objects.filter(day__year=year).values_list("day", "kind")}
    CalendarDay.objects.filter(day__year=year).delete()
    CalendarDay.objects.bulk_create(CalendarDay(day=e.day, kind=e.kind, note=e.note, source=source) for e in entries)
    record, created = CalendarYear.objects.update_or_create(year=year, defaults={"source": source})
    after = {e.day.isoformat(): str(e.kind) for e in entries}
    audit.record(
        actor=actor,
        action="core.calendar.schedule_loaded",
        obj=("core.calendaryear", year),
        object_repr=f"{year}年节假日安排",
        changes={"source": source, "days": audit.diff(before, after), "created": created},
    )
    _after_change(actor)
    return record


@transaction.atomic
def set_calendar_day(*, day: datetime.date, kind: str, note: str, source: str, actor: Actor) -> CalendarDay:
    """One administrator entry (e.g. a local emergency closure)."""
    if kind not in CalendarDay.Kind.values:
        raise ValidationFailed([Problem(gettext("类型应为休息日或工作日"), code="bad_kind", field="kind")])
    previous = CalendarDay.objects.filter(day=day).values_list("kind", flat=True).first()
    entry, _ = CalendarDay.objects.update_or_create(day=day, defaults={"kind": kind, "note": note, "source": source})
    audit.record(
        actor=actor,
        action="core.calendar.day_set",
        obj=("core.calendarday", day.isoformat()),
        object_repr=str(entry),
        changes={"kind": [previous, kind], "note": note, "source": source},
    )
    _after_change(actor)
    return entry


def _after_change(actor: Actor) -> None:
    _bump_revision()
    workdays.invalidate()
    rebuild_workday_table(workdays.get_calendar())
    for hook in RECOMPUTE_HOOKS:
        hook(actor)
