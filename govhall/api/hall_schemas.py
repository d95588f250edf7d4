"""Input and output shapes of the hall endpoints, and the functions that fill the outputs (masked)."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, Schema

from govhall.api.schemas import InputSchema
from govhall.core.masking import mask_id_number, mask_name, mask_phone
from govhall.queueing.estimates import Estimate
from govhall.queueing.models import Appointment, AppointmentSlot, Priority, SlotChannel, Source, Ticket
from govhall.queueing.selectors import BoardState
from govhall.queueing.services import TakenTicket

MAX_INT = 2**31 - 1


# --- input ------------------------------------------------------------------------------------------
class TakeIn(InputSchema):
    source: Source = Source.KIOSK
    priority: Priority = Priority.NONE
    id_number: str = Field("", max_length=40)
    phone: str = Field("", max_length=20)
    name: str = Field("", max_length=60)


class HoldIn(InputSchema):
    reason: str = Field("", max_length=200)


class TransferIn(InputSchema):
    to_category_id: int | None = Field(None, ge=1, le=MAX_INT)
    to_window_id: int | None = Field(None, ge=1, le=MAX_INT)
    reason: str = Field("", max_length=200)


class FinishIn(InputSchema):
    receipt_numbers: list[str] = Field(default_factory=list, max_length=20)


class BookIn(InputSchema):
    name: str = Field(..., min_length=1, max_length=60)
    id_kind: str = Field("resident_id", max_length=12)
    id_number: str = Field(..., min_length=1, max_length=40)
    phone: str = Field(..., min_length=1, max_length=20)
    channel: SlotChannel = SlotChannel.ONLINE


class ProveIn(InputSchema):
    id_number: str = Field("", max_length=40, description="The booker's ID number (not needed for staff)")


class RateIn(InputSchema):
    level: int = Field(..., ge=1, le=5)
    reasons: list[str] = Field(default_factory=list, max_length=20)
    comment: str = Field("", max_length=500)
    contact_consent: bool = False


class RateVisitIn(RateIn):
    ticket_id: int = Field(..., ge=1, le=MAX_INT)


class RateCaseIn(RateIn):
    id_number: str = Field(..., min_length=1, max_length=40)


# --- output -----------------------------------------------------------------------------------------
class EstimateOut(Schema):
    minutes: int
    low: int
    high: int


class TicketOut(Schema):
    id: int
    number: str
    category_id: int
    status: str
    priority: str
    source: str
    call_count: int
    window_id: int | None
    taken_at: datetime.datetime
    id_number: str
    phone: str
    name: str


class TakenOut(TicketOut):
    ahead: int
    estimate: EstimateOut


def ticket_of(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.pk,
        "number": ticket.number,
        "category_id": ticket.category_id,
        "status": ticket.status,
        "priority": ticket.priority,
        "source": ticket.source,
        "call_count": ticket.call_count,
        "window_id": ticket.window_id,
        "taken_at": ticket.taken_at,
        "id_number": mask_id_number(ticket.id_number),
        "phone": mask_phone(ticket.phone),
        "name": mask_name(ticket.name),
    }


def estimate_of(estimate: Estimate) -> dict[str, int]:
    return {"minutes": estimate.minutes, "low": estimate.low, "high": estimate.high}


def taken_of(result: TakenTicket) -> dict[str, Any]:
    return {**ticket_of(result.ticket), "ahead": result.ahead, "estimate": estimate_of(result.estimate)}


class CallOut(Schema):
    id: int
    number: str
    window_number: str
    window_name: str
    at: datetime.datetime
    recall: bool


class CategoryLineOut(Schema):
    id: int
    series: str
    name: str
    waiting: int
    windows: int
    estimate: EstimateOut


class BoardOut(Schema):
    version: int
    changed: bool
    calls: list[CallOut]
    latest_by_window: list[CallOut]
    categories: list[CategoryLineOut]
    notice: str


def board_of(state: BoardState) -> dict[str, Any]:
    def call(c: Any) -> dict[str, Any]:
        return {
            "id": c.id,
            "number": c.number,
            "window_number": c.window_number,
            "window_name": c.window_name,
            "at": c.at,
            "recall": c.recall,
        }

    return {
        "version": state.version,
        "changed": state.changed,
        "calls": [call(c) for c in state.calls],
        "latest_by_window": [call(c) for c in state.latest_by_window],
        "categories": [
            {
                "id": line.id,
                "series": line.series,
                "name": line.name,
                "waiting": line.waiting,
                "windows": line.windows,
                "estimate": estimate_of(line.estimate),
            }
            for line in state.categories
        ],
        "notice": state.notice,
    }


class SlotOut(Schema):
    id: int
    day: datetime.date
    starts_at: datetime.time
    ends_at: datetime.time
    capacity: int
    booked: int


def slot_of(slot: AppointmentSlot) -> dict[str, Any]:
    return {
        "id": slot.pk,
        "day": slot.day,
        "starts_at": slot.starts_at,
        "ends_at": slot.ends_at,
        "capacity": slot.capacity,
        "booked": slot.booked,
    }


class AppointmentOut(Schema):
    code: str
    status: str
    category_id: int
    slot: SlotOut
    name: str
    id_number: str
    phone: str
    ticket_number: str | None


def appointment_of(appointment: Appointment) -> dict[str, Any]:
    return {
        "code": appointment.code,
        "status": appointment.status,
        "category_id": appointment.category_id,
        "slot": slot_of(appointment.slot),
        "name": mask_name(appointment.name),
        "id_number": mask_id_number(appointment.id_number),
        "phone": mask_phone(appointment.phone),
        "ticket_number": appointment.ticket.number if appointment.ticket_id and appointment.ticket else None,
    }


class PendingOut(Schema):
    ticket_id: int
    number: str
    window_number: str
    clerk_name: str
    clerk_number: str
    rate_until: datetime.datetime


class EvaluationOut(Schema):
    id: int
    channel: str
    level: int
    is_bad: bool
    created_at: datetime.datetime
