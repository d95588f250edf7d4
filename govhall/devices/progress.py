"""The kiosk's progress lookup: receipt number + the last four digits of the applicant's phone.

A wrong or missing pair reveals nothing, not even whether the receipt exists: every failure gives the same
answer, and failures are limited per kiosk and per typed receipt number (10,000 four-digit guesses must not
be cheap). Every attempt is audited.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from govhall.cases.models import Case
from govhall.cases.selectors import CaseFilters, case_clock, delivery_clock, search_cases
from govhall.core import audit
from govhall.core.actors import Actor
from govhall.core.masking import mask_name, mask_phone
from govhall.queueing.models import Device

DEVICE_FAILURES = 20  # per kiosk and window: a busy hall mistypes, but not twenty times in ten minutes
RECEIPT_FAILURES = 5  # per typed receipt number and window
WINDOW_SECONDS = 600


@dataclass(frozen=True)
class Progress:
    receipt_number: str
    item: str
    department: str
    status: str
    applicant: str
    phone: str
    received_on: datetime.date
    accepted_on: datetime.date | None
    promised_deadline: datetime.date | None
    closed_on: datetime.date | None
    remaining_days: int | None
    overdue: bool
    delivery_deadline: datetime.date | None = None  # a licence granted: delivered by this day (Art. 44)
    delivered_on: datetime.date | None = None
    delivery_overdue: bool = False


def _keys(device: Device, receipt: str) -> tuple[str, str]:
    digest = hashlib.sha256(receipt.upper().encode()).hexdigest()[:24]
    return f"kiosk-progress:device:{device.pk}", f"kiosk-progress:receipt:{digest}"


def locked_out(device: Device, receipt: str) -> bool:
    device_key, receipt_key = _keys(device, receipt)
    return (cache.get(device_key) or 0) >= DEVICE_FAILURES or (cache.get(receipt_key) or 0) >= RECEIPT_FAILURES


def _count_failure(device: Device, receipt: str) -> None:
    for key in _keys(device, receipt):
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)


def _phone_matches(case: Case, digits: str) -> bool:
    phone = re.sub(r"\D", "", case.applicant_phone or "")
    return len(digits) == 4 and len(phone) >= 4 and hmac.compare_digest(phone[-4:], digits)


def look_up(*, device: Device, actor: Actor, receipt: str, digits: str) -> Progress | None:
    """The masked progress of the case, or None for any mismatch (and then nothing else is said)."""
    receipt = receipt.strip()[:40]
    digits = digits.strip()
    today = timezone.localdate()
    case = None
    if receipt:
        found = search_cases(None, CaseFilters(receipt_number=receipt), today=today).filter(receipt_number=receipt)
        case = found.first()
    matched = case is not None and _phone_matches(case, digits)
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="devices.kiosk.progress_lookup",
            obj=("queueing.device", device.pk),
            object_repr=device.name,
            changes={"receipt_number": receipt, "matched": matched},
        )
    if not matched or case is None:
        _count_failure(device, receipt)
        return None
    clock = case_clock(case, today=today)
    return Progress(
        receipt_number=case.receipt_number,
        item=case.item_version.name,
        department=case.deciding_department.name,
        status=case.get_status_display(),
        applicant=mask_name(case.applicant_name),
        phone=mask_phone(case.applicant_phone),
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        promised_deadline=case.promised_deadline,
        closed_on=case.closed_on,
        remaining_days=clock.remaining,
        overdue=clock.overdue,
        delivery_deadline=case.delivery_deadline,
        delivered_on=case.delivered_on,
        delivery_overdue=delivery_clock(case, today=today).overdue,
    )
