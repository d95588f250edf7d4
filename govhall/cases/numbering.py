"""Receipt numbers (受理编号) per center and day, and document numbers (文书编号) per department, kind and year."""

from __future__ import annotations

import datetime

from govhall.cases.models import NoticeCounter, ReceiptCounter
from govhall.core.counters import increment
from govhall.org.models import Center, Department


def next_receipt_number(center: Center, day: datetime.date) -> str:
    """Must run inside the transaction that creates the case: if it rolls back, the number is not used."""
    # The counter row is updated in place (a row lock held to commit), so concurrent intakes queue here
    # and a rolled-back intake returns its number: no gaps, no duplicates.
    last = increment(ReceiptCounter, center=center, day=day)
    return f"{center.code}{day:%Y%m%d}{last:05d}"


def next_notice_number(department: Department, kind: str, word: str, year: int) -> str:
    """文书编号 such as 市场监管局受字〔2026〕第00012号; gapless per department, kind and year like receipts."""
    # Same row-lock pattern as receipt numbers: the counter row is held until the issuing transaction ends.
    last = increment(NoticeCounter, department=department, kind=kind, year=year)
    prefix = department.short_name or department.name
    return f"{prefix}{word}字〔{year}〕第{last:05d}号"
