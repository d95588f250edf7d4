"""Receipt numbers (受理编号): center code + date + sequence, unique and gapless per center per day."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from govhall.cases.models import ReceiptCounter
from govhall.org.models import Center


def next_receipt_number(center: Center, day: datetime.date) -> str:
    """Must run inside the transaction that creates the case: if it rolls back, the number is not used."""
    # The counter row is updated in place (a row lock held to commit), so concurrent intakes queue here
    # and a rolled-back intake returns its number: no gaps, no duplicates.
    updated = ReceiptCounter.objects.filter(center=center, day=day).update(last=F("last") + 1)
    if not updated:
        try:
            with transaction.atomic():
                ReceiptCounter.objects.create(center=center, day=day, last=1)
        except IntegrityError:
            ReceiptCounter.objects.filter(center=center, day=day).update(last=F("last") + 1)
    last = ReceiptCounter.objects.filter(center=center, day=day).values_list("last", flat=True).get()
    return f"{center.code}{day:%Y%m%d}{last:05d}"
