"""Receipt numbers (受理编号) per center and day, and document numbers (文书编号) per department, kind and year."""

from __future__ import annotations

import datetime

from django.db import connections, router

from govhall.cases.models import Case, Notice, NoticeCounter, ReceiptCounter
from govhall.core.counters import increment, increment_with
from govhall.org.models import Center, Department


def next_receipt_number(center: Center, day: datetime.date) -> str:
    """Must run inside the transaction that creates the case: if it rolls back, the number is not used."""
    # The counter row is updated in place (a row lock held to commit), so concurrent intakes queue here
    # and a rolled-back intake returns its number: no gaps, no duplicates.
    last = increment(ReceiptCounter, center=center, day=day)
    return f"{center.code}{day:%Y%m%d}{last:05d}"


def number_receipt(center: Center, day: datetime.date) -> tuple[str, int | None]:
    """``next_receipt_number`` and, on PostgreSQL, the key the case row will take, in the same round trip (as
    ``number_notice``): the case, its checklist, its first event and audit entry then go as one write."""
    if connections[router.db_for_write(Case)].vendor != "postgresql":
        return next_receipt_number(center, day), None
    last, key = increment_with(ReceiptCounter, _next_key(Case), center=center, day=day)
    return f"{center.code}{day:%Y%m%d}{int(last):05d}", int(key)


def _next_key(model: type[Case] | type[Notice]) -> str:
    return f"nextval(pg_get_serial_sequence('\"{model._meta.db_table}\"', 'id'))"


def next_notice_number(department: Department, kind: str, word: str, year: int) -> str:
    """文书编号 such as 市场监管局受字〔2026〕第00012号; gapless per department, kind and year like receipts."""
    # Same row-lock pattern as receipt numbers: the counter row is held until the issuing transaction ends.
    last = increment(NoticeCounter, department=department, kind=kind, year=year)
    return _notice_number(department, word, year, last)


def number_notice(department: Department, kind: str, word: str, year: int) -> tuple[str, int | None]:
    """``next_notice_number`` and, on PostgreSQL, the key the notice row will take, drawn from its identity sequence in
    the same round trip: the row and its audit entry can then be written with the action's other writes."""
    connection = connections[router.db_for_write(Notice)]
    if connection.vendor != "postgresql":
        return next_notice_number(department, kind, word, year), None
    last, key = increment_with(NoticeCounter, _next_key(Notice), department=department, kind=kind, year=year)
    return _notice_number(department, word, year, int(last)), int(key)


def _notice_number(department: Department, word: str, year: int, last: int) -> str:
    prefix = department.short_name or department.name
    return f"{prefix}{word}字〔{year}〕第{last:05d}号"
