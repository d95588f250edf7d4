"""Receipt numbers (受理编号) per center and day, and document numbers (文书编号) per department, kind and year."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, connections, router, transaction

from govhall.cases.models import NoticeCounter, ReceiptCounter
from govhall.org.models import Center, Department


def _bump(model: type[ReceiptCounter | NoticeCounter], key: dict[str, Any]) -> int:
    """Add one to the counter row named by ``key`` (created at 1 on first use) and return the new value."""
    connection = connections[router.db_for_write(model)]
    table = connection.ops.quote_name(model._meta.db_table)
    where = " AND ".join(f"{connection.ops.quote_name(column)} = %s" for column in key)
    # UPDATE … RETURNING: the increment and the read in one round trip, under the row lock it takes.
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last = last + 1 WHERE {where} RETURNING last", list(key.values()))
        row = cursor.fetchone()
    if row is not None:
        return int(row[0])
    try:
        with transaction.atomic():
            model.objects.create(**key, last=1)
        return 1
    except IntegrityError:  # a concurrent first use of the same day created it
        return _bump(model, key)


def next_receipt_number(center: Center, day: datetime.date) -> str:
    """Must run inside the transaction that creates the case: if it rolls back, the number is not used."""
    # The counter row is updated in place (a row lock held to commit), so concurrent intakes queue here
    # and a rolled-back intake returns its number: no gaps, no duplicates.
    last = _bump(ReceiptCounter, {"center_id": center.pk, "day": day})
    return f"{center.code}{day:%Y%m%d}{last:05d}"


def next_notice_number(department: Department, kind: str, word: str, year: int) -> str:
    """文书编号 such as 市场监管局受字〔2026〕第00012号; gapless per department, kind and year like receipts."""
    # Same row-lock pattern as receipt numbers: the counter row is held until the issuing transaction ends.
    last = _bump(NoticeCounter, {"department_id": department.pk, "kind": kind, "year": year})
    prefix = department.short_name or department.name
    return f"{prefix}{word}字〔{year}〕第{last:05d}号"
