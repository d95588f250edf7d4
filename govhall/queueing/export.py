"""The hall's numbers as an Excel workbook: one sheet per grouping (day, window, clerk, category, hour)."""

from __future__ import annotations

import datetime
import io

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from govhall.org.models import Center
from govhall.queueing.selectors import GROUPINGS, NumbersRow, hall_numbers

# Lazy: the workbook speaks the language of the request that asks for it.
SHEETS: dict[str, Promise] = {
    "day": gettext_lazy("按日"),
    "window": gettext_lazy("按窗口"),
    "clerk": gettext_lazy("按人员"),
    "category": gettext_lazy("按类别"),
    "hour": gettext_lazy("按时段"),
}
HEADERS: list[Promise] = [
    gettext_lazy("分组"),
    gettext_lazy("取号数"),
    gettext_lazy("办结数"),
    gettext_lazy("过号数"),
    gettext_lazy("下班未办理数"),
    gettext_lazy("平均等候（分钟）"),
    gettext_lazy("90%等候（分钟）"),
    gettext_lazy("平均办理（分钟）"),
    gettext_lazy("90%办理（分钟）"),
    gettext_lazy("预约到达"),
    gettext_lazy("预约爽约"),
]


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / 60, 1) if seconds is not None else None


def _cells(row: NumbersRow) -> list[object]:
    return [
        row.label,
        row.tickets,
        row.served,
        row.missed,
        row.unserved,
        _minutes(row.avg_wait_seconds),
        _minutes(row.p90_wait_seconds),
        _minutes(row.avg_service_seconds),
        _minutes(row.p90_service_seconds),
        row.appointments_kept,
        row.appointments_missed,
    ]


def numbers_workbook(*, center: Center, date_from: datetime.date, date_to: datetime.date) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for by in GROUPINGS:
        sheet = book.create_sheet(str(SHEETS[by]))
        title = _("%(center)s 排队叫号统计 %(start)s 至 %(end)s") % {
            "center": center.name,
            "start": f"{date_from:%Y-%m-%d}",
            "end": f"{date_to:%Y-%m-%d}",
        }
        sheet.append([title])
        sheet.append([str(header) for header in HEADERS])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in hall_numbers(center=center, date_from=date_from, date_to=date_to, by=by):
            sheet.append(_cells(row))
        sheet.column_dimensions["A"].width = 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
