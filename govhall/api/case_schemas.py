"""Input and output shapes of the case endpoints, and the functions that fill the outputs."""

from __future__ import annotations

import datetime
import json
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import StringConstraints, field_validator

from govhall.api.schemas import InputSchema
from govhall.cases.models import Case, CaseEvent, CaseMaterial, Channel, Extension, Status, Suspension, Task
from govhall.cases.selectors import CaseRecord
from govhall.catalog.models import Material
from govhall.core import masking

MAX_INT = 2**31 - 1
FORM_DATA_BYTES = 64 * 1024  # an application form's fields, not its attachments
TEXT = 2000


# --- input ------------------------------------------------------------------------------------------
class ApplicantIn(InputSchema):
    kind: str = Field(..., max_length=12, description="person / enterprise")
    name: str = Field(..., min_length=1, max_length=120)
    id_kind: str = Field(..., max_length=12, description="resident_id / credit_code / passport / other")
    id_number: str = Field(..., min_length=1, max_length=40)
    phone: str = Field("", max_length=20)
    address: str = Field("", max_length=200)
    credit_code_override: str = Field("", max_length=200)
    agent_name: str = Field("", max_length=60)
    agent_id_number: str = Field("", max_length=40)
    agent_phone: str = Field("", max_length=20)


class MaterialIn(InputSchema):
    material_id: int = Field(..., ge=1, le=MAX_INT)
    state: CaseMaterial.State = CaseMaterial.State.RECEIVED
    form: Material.Form = Material.Form.ORIGINAL


class SubmitIn(InputSchema):
    item_code: str = Field(..., min_length=1, max_length=40)
    channel: Channel = Channel.WINDOW
    center_code: str = Field(..., min_length=1, max_length=40)
    window_number: str | None = Field(None, max_length=20)
    applicant: ApplicantIn
    materials: list[MaterialIn] = Field(default_factory=list, max_length=200)
    form_data: dict[str, Any] = Field(default_factory=dict, description=f"At most {FORM_DATA_BYTES} bytes as JSON")

    @field_validator("form_data")
    @classmethod
    def _form_data_size(cls, value: dict[str, Any]) -> dict[str, Any]:
        if len(json.dumps(value, ensure_ascii=False).encode()) > FORM_DATA_BYTES:
            raise ValueError(f"form_data exceeds {FORM_DATA_BYTES} bytes")
        return value


class RevisionIn(InputSchema):
    expected_revision: int | None = Field(
        None, ge=0, le=MAX_INT, description="The case's revision the caller saw; another one gives 409 stale_case"
    )


class AcceptIn(RevisionIn):
    parallel_departments: list[str] = Field(
        default_factory=list,
        max_length=50,
        description="并联审批: codes of the departments reviewing beside the deciding one",
    )
    parallel_mode: Literal["all", "any"] = Field("all", description="all: 会签; any: 或签")


class NoteIn(RevisionIn):
    note: str = Field("", max_length=TEXT)


class DeliverIn(NoteIn):
    method: Literal["direct", "post", "electronic", "entrusted"] = Field(
        "direct", description="直接送达 / 邮寄送达 / 电子送达 / 委托送达"
    )
    address: str = Field("", max_length=200, description="where it was delivered (by post: the address)")
    tracking_number: str = Field("", max_length=40, description="by post: the mail's tracking number")


class SupplementIn(RevisionIn):
    missing: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]] = Field(
        ..., min_length=1, max_length=100
    )
    note: str = Field("", max_length=TEXT)


class ResubmitIn(RevisionIn):
    received: list[Annotated[int, Field(ge=1, le=MAX_INT)]] = Field(
        default_factory=list, max_length=200, description="The missing materials (ids) the applicant handed in"
    )


class ReasonIn(RevisionIn):
    reason: str = Field(..., max_length=TEXT)


class SuspendIn(ReasonIn):
    procedure: str = Field(..., min_length=1, max_length=60)


class ExtendIn(ReasonIn):
    days: int | None = Field(None, ge=1, le=365)


class DecideIn(RevisionIn):
    approve: bool
    reason: str = Field("", max_length=TEXT)


class OpinionIn(RevisionIn):
    opinion: str = Field("", max_length=TEXT)


class ReturnIn(ReasonIn):
    to_position: int = Field(..., ge=0, le=32767)


class TransferIn(ReasonIn):
    username: str = Field(..., min_length=1, max_length=150)


class DelegateIn(RevisionIn):
    username: str | None = Field(
        None, min_length=1, max_length=150, description="the colleague who acts for the assignee; null takes it back"
    )
    reason: str = Field("", max_length=TEXT)


class CountersignIn(RevisionIn):
    step_name: str = Field(..., min_length=1, max_length=40, description="the case's current review step")
    departments: list[str] = Field(default_factory=list, max_length=50, description="department codes (their pools)")
    approvers: list[str] = Field(default_factory=list, max_length=50, description="usernames of named approvers")
    mode: Literal["all", "any"] = Field(
        "all", description="all: 会签, every one signs; any: 或签, the first one settles"
    )


class CountersignOut(Schema):
    receipt_number: str
    case_status: str
    case_revision: int
    tasks: list[TaskOut]


# --- output -----------------------------------------------------------------------------------------
class CaseSummaryOut(Schema):
    receipt_number: str
    status: Status
    status_label: str
    revision: int
    item_code: str
    item_name: str
    department_code: str
    department_name: str
    center_code: str
    channel: str
    applicant_kind: str
    applicant_name: str = Field(..., description="masked")
    applicant_id_number: str = Field(..., description="masked")
    received_on: datetime.date
    accepted_on: datetime.date | None
    promised_deadline: datetime.date | None
    legal_deadline: datetime.date | None
    decided_on: datetime.date | None
    delivery_deadline: datetime.date | None = Field(
        None, description="a licence granted: issued and delivered by this day (Art. 44, 10 working days)"
    )
    delivered_on: datetime.date | None = None
    closed_on: datetime.date | None


class CasePageOut(Schema):
    count: int
    page: int
    page_size: int
    results: list[CaseSummaryOut]


class ApplicantOut(Schema):
    masked: bool
    kind: str
    name: str
    id_kind: str
    id_number: str
    phone: str
    address: str
    agent_name: str
    agent_id_number: str
    agent_phone: str


class CaseMaterialOut(Schema):
    material_id: int | None
    name: str
    state: str
    form: str


class TaskOut(Schema):
    id: int
    step_position: int
    step_name: str
    role: str
    mode: str
    state: str
    assignee: str | None
    delegate: str | None = Field(None, description="委托: the colleague acting for the assignee")
    sent_by: str | None = Field(None, description="who sent the case to this step (may retract it, 撤回)")
    started_on: datetime.date
    due_on: datetime.date
    finished_at: datetime.datetime | None
    opinion: str


class SuspensionOut(Schema):
    name: str
    stops_clock: bool
    expected_duration: str
    started_on: datetime.date
    resumed_on: datetime.date | None
    reason: str


class ExtensionOut(Schema):
    days: int
    reason: str
    approved_by: str
    approved_on: datetime.date


class EventOut(Schema):
    action: str
    from_status: str
    to_status: str
    actor: str | None
    actor_role: str
    at: datetime.datetime
    note: str
    data: dict[str, Any]


class CaseOut(CaseSummaryOut):
    applicant: ApplicantOut
    window_number: str | None
    form_data: dict[str, Any]
    deemed_accepted: bool
    deadline_provisional: bool
    extension_days: int
    paused_days: int
    materials: list[CaseMaterialOut]
    tasks: list[TaskOut]
    suspensions: list[SuspensionOut]
    extensions: list[ExtensionOut]
    timeline: list[EventOut]


class TaskRowOut(TaskOut):
    receipt_number: str
    case_status: str


class TaskActionOut(Schema):
    receipt_number: str
    case_status: str
    case_revision: int
    task: TaskOut | None = Field(None, description="the task acted on, or the step opened next (None: none)")


# --- filling the outputs ---------------------------------------------------------------------------
def summary_of(case: Case) -> dict[str, Any]:
    return {
        "receipt_number": case.receipt_number,
        "status": case.status,
        "status_label": str(Status(case.status).label),
        "revision": case.revision,
        "item_code": case.item.code,
        "item_name": case.item_version.name,
        "department_code": case.deciding_department.code,
        "department_name": case.deciding_department.name,
        "center_code": case.receiving_center.code,
        "channel": case.channel,
        "applicant_kind": case.applicant_kind,
        "applicant_name": masking.mask_name(case.applicant_name),
        "applicant_id_number": masking.mask_id_number(case.applicant_id_number),
        "received_on": case.received_on,
        "accepted_on": case.accepted_on,
        "promised_deadline": case.promised_deadline,
        "legal_deadline": case.legal_deadline,
        "decided_on": case.decided_on,
        "delivery_deadline": case.delivery_deadline,
        "delivered_on": case.delivered_on,
        "closed_on": case.closed_on,
    }


def masked_applicant(case: Case) -> dict[str, Any]:
    return {
        "masked": True,
        "kind": case.applicant_kind,
        "name": masking.mask_name(case.applicant_name),
        "id_kind": case.applicant_id_kind,
        "id_number": masking.mask_id_number(case.applicant_id_number),
        "phone": masking.mask_phone(case.applicant_phone),
        "address": masking.mask_address(case.applicant_address),
        "agent_name": masking.mask_name(case.agent_name),
        "agent_id_number": masking.mask_id_number(case.agent_id_number),
        "agent_phone": masking.mask_phone(case.agent_phone),
    }


def task_of(task: Task) -> dict[str, Any]:
    return {
        "id": task.pk,
        "step_position": task.step_position,
        "step_name": task.step_name,
        "role": task.role,
        "mode": task.mode,
        "state": task.state,
        "assignee": task.assignee.get_username() if task.assignee else None,
        "delegate": task.delegate.get_username() if task.delegate else None,
        "sent_by": task.sent_by.get_username() if task.sent_by else None,
        "started_on": task.started_on,
        "due_on": task.due_on,
        "finished_at": task.finished_at,
        "opinion": task.opinion,
    }


def _suspension(s: Suspension) -> dict[str, Any]:
    return {
        "name": s.name,
        "stops_clock": s.stops_clock,
        "expected_duration": s.expected_duration,
        "started_on": s.started_on,
        "resumed_on": s.resumed_on,
        "reason": s.reason,
    }


def _extension(e: Extension) -> dict[str, Any]:
    return {"days": e.days, "reason": e.reason, "approved_by": str(e.approved_by), "approved_on": e.approved_on}


def _event(e: CaseEvent, masked: bool) -> dict[str, Any]:
    data = {k: v for k, v in (e.data or {}).items() if k != "fingerprint"}
    if masked and data.get("address"):  # where a result was posted: personal data, as the applicant's own
        data["address"] = masking.mask_address(str(data["address"]))
    return {
        "action": e.action,
        "from_status": e.from_status,
        "to_status": e.to_status,
        "actor": str(e.actor) if e.actor else None,
        "actor_role": e.actor_role,
        "at": e.at,
        "note": e.note,
        "data": data,
    }


def detail_of(record: CaseRecord, applicant: dict[str, Any]) -> dict[str, Any]:
    """``applicant`` masked or revealed by the caller."""
    case = record.case
    return {
        **summary_of(case),
        "applicant": applicant,
        "window_number": case.window.number if case.window else None,
        "form_data": case.form_data,
        "deemed_accepted": case.deemed_accepted,
        "deadline_provisional": case.deadline_provisional,
        "extension_days": case.extension_days,
        "paused_days": case.paused_days,
        "materials": [
            {"material_id": m.material_id, "name": m.name, "state": m.state, "form": m.form} for m in record.materials
        ],
        "tasks": [task_of(t) for t in record.tasks],
        "suspensions": [_suspension(s) for s in record.suspensions],
        "extensions": [_extension(e) for e in record.extensions],
        "timeline": [_event(e, masked=bool(applicant.get("masked", True))) for e in record.events],
    }
