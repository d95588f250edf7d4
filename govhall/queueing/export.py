"""The hall's numbers as an Excel workbook: one sheet per grouping (day, window, clerk, category, hour)."""

from __future__ import annotations

import datetime
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from govhall.org.models import Center
from govhall.queueing.selectors import GROUPINGS, NumbersRow, hall_numbers

SHEETS = {"day": "按日", "window": "按窗口", "clerk": "按人员", "category": "按类别", "hour": "按时段"}
HEADERS = [
    "分组",
    "取号数",
    "办结数",
    "过号数",
    "平均等候（分钟）",
    "90%等候（分钟）",
    "平均办理（分钟）",
    "90%办理（分钟）",
    "预约到达",
    "预约爽约",
]


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / 60, 1) if seconds is not None else None


def _cells(row: NumbersRow) -> list[object]:
    return [
        row.label,
        row.tickets,
        row.served,
        row.missed,
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
        sheet = book.create_sheet(SHEETS[by])
        sheet.append([f"{center.name} 排队叫号统计 {date_from:%Y-%m-%d} 至 {date_to:%Y-%m-%d}"])
        sheet.append(HEADERS)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in hall_numbers(center=center, date_from=date_from, date_to=date_to, by=by):
            sheet.append(_cells(row))
        sheet.column_dimensions["A"].width = 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
