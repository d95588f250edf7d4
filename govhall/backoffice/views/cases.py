"""Case pages: the window intake, the approver's inbox, the case page and the manager's search.

Every write goes through ``govhall.cases.services``; every read of a case through ``govhall.cases.access``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from io import BytesIO
from typing import Any
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Font

from govhall.backoffice.case_display import ACTION_LABELS, STATUS_LABELS, parallel_text, timeline
from govhall.backoffice.case_forms import LIGHT_LABELS, IntakeForm, SearchForm, material_states
from govhall.backoffice.decorators import require_staff, staff_page
from govhall.backoffice.forms import show_problems
from govhall.cases import selectors, services
from govhall.cases.access import access_case, access_task, case_reach, decides
from govhall.cases.countersign import open_countersign
from govhall.cases.models import Case, CaseMaterial, DeliveryMethod, IdKind, Status, Task
from govhall.cases.services import Intake, MaterialReceipt
from govhall.cases.transitions import TRANSITIONS
from govhall.catalog.models import CaseType, ItemVersion, Material
from govhall.catalog.selectors import version_steps
from govhall.core import masking
from govhall.core.actors import Actor, client_ip
from govhall.core.converters import parse_id, parse_ids
from govhall.core.errors import AccessDenied, DomainError, NotFound, Problem, ValidationFailed
from govhall.core.identity import InvalidIdentity, check_credit_code, check_resident_id
from govhall.org.access import department_scope, in_scope, require_role, roles_of, staff_of
from govhall.org.models import Center, Department, Role
from govhall.org.selectors import center_departments

PAGE_SIZE = 30
EXPORT_LIMIT = 5000


def _today() -> datetime.date:
    return timezone.localdate()


def _actor(request: HttpRequest, role: str) -> Actor:
    return Actor(user=request.user, role=role, client_ip=client_ip(request))  # type: ignore[arg-type]


# 收件受理


@dataclass(frozen=True)
class IdentityCheck:
    level: str  # ok / warning / error / empty
    message: str


def _identity_check(id_kind: str, number: str) -> IdentityCheck:
    if not number.strip():
        return IdentityCheck("empty", "")
    try:
        if id_kind == IdKind.RESIDENT_ID:
            check_resident_id(number)
            return IdentityCheck("ok", _("身份证号码校验通过"))
        if id_kind == IdKind.CREDIT_CODE:
            result = check_credit_code(number)
            if result.warning:
                return IdentityCheck("warning", result.warning)
            return IdentityCheck("ok", _("统一社会信用代码校验通过"))
    except InvalidIdentity as bad:
        return IdentityCheck("error", bad.message)
    return IdentityCheck("ok", _("该证件类型不做校验，请核对原件"))


def identity_context(user: Any, data: Any) -> dict[str, Any]:
    id_kind, number = data.get("applicant_id_kind", ""), data.get("applicant_id_number", "")
    return {
        "check": _identity_check(id_kind, number),
        "previous": selectors.previous_applicants(number, case_reach(user)),
        "override": data.get("credit_code_override", ""),
    }


def _checklist(version: ItemVersion | None, data: Any = None) -> list[tuple[Material, str]]:
    if version is None:
        return []
    materials = list(version.materials.all())
    states = material_states(data or {}, materials)
    return [(m, states[m.pk]) for m in materials]


# 并联审批: at acceptance, the first review step goes to other departments of the center too.


@dataclass(frozen=True)
class ParallelOffer:
    """The 并联审批 fieldset: the departments offered, and what was ticked (kept when the page comes back)."""

    departments: list[Department]
    chosen: frozenset[int]
    mode: str
    error: str | None = None


def _reviewed(version: ItemVersion) -> bool:
    """Whether the item has a review step (a 即办件 or a window-only process has none to run in parallel)."""
    if version.case_type == CaseType.IMMEDIATE:
        return False
    return any(step.role != Role.WINDOW_CLERK for step in version_steps(version))


def _parallel_departments(version: ItemVersion, center: Center | None, deciding_id: int) -> list[Department] | None:
    """The departments that may review beside the deciding one: the others stationed at the center (all others,
    when it records no stationing); None when the item has no review step."""
    if center is None or not _reviewed(version):
        return None
    return [d for d in center_departments(center) if d.pk != deciding_id]


def _parallel_offer(
    departments: list[Department] | None, data: QueryDict, error: str | None = None
) -> ParallelOffer | None:
    if not departments:
        return None
    chosen = frozenset(parse_ids(data.getlist("parallel")))
    mode = Task.Mode.ANY if data.get("parallel_mode") == Task.Mode.ANY else Task.Mode.ALL
    return ParallelOffer(departments=departments, chosen=chosen, mode=mode, error=error)


def _parallel_posted(data: QueryDict, departments: list[Department] | None) -> tuple[list[Department], str]:
    """The 并联审批 departments and mode as posted; each department must be one the page offered."""
    posted = list(dict.fromkeys(v.strip() for v in data.getlist("parallel") if v.strip()))
    if not posted:
        return [], Task.Mode.ALL
    if departments is None:
        raise _parallel_problem(_("本事项没有审查环节，不能并联审批"), "no_review_step")
    offered = {str(d.pk): d for d in departments}
    if any(v not in offered for v in posted):
        raise _parallel_problem(_("所选的并联审批部门不存在或不在本中心，请重新选择"), "unknown_department")
    mode = data.get("parallel_mode") or Task.Mode.ALL
    if mode not in (Task.Mode.ALL, Task.Mode.ANY):
        raise _parallel_problem(_("请选择会签（全部同意）或或签（任一同意）"), "invalid_choice", "parallel_mode")
    return [offered[v] for v in posted], mode


def _parallel_problem(message: str, code: str, field: str = "parallel") -> ValidationFailed:
    return ValidationFailed([Problem(message, code=code, field=field)])


def _intake_center(request: HttpRequest) -> Center | None:
    profile = staff_of(request.user)
    return profile.center if profile is not None else None


def _intake_parallel(
    request: HttpRequest, version: ItemVersion | None, error: str | None = None
) -> ParallelOffer | None:
    if version is None:
        return None
    departments = _parallel_departments(version, _intake_center(request), version.item.department_id)
    return _parallel_offer(departments, request.POST, error)


def _intake_page(
    request: HttpRequest,
    form: IntakeForm,
    version: ItemVersion | None,
    status: int = 200,
    parallel_error: str | None = None,
) -> HttpResponse:
    data = request.POST if request.method == "POST" else {}
    # Errors of fields the page shows no message beside (the kind radios, the hidden key, the 补正 note) go on top.
    untold = [
        f"{form.fields[name].label or name}：{error}" if name != "key" else str(error)
        for name in ("applicant_kind", "key", "decision", "supplement_list", "supplement_note")
        for error in form.errors.get(name, [])
    ]
    return render(
        request,
        "backoffice/case_intake.html",
        {
            "form": form,
            "untold_errors": untold,
            "version": version,
            "checklist": _checklist(version, data),
            "identity": identity_context(request.user, data),
            "states": CaseMaterial.State,
            "parallel": _intake_parallel(request, version, parallel_error),
        },
        status=status,
    )


def _intake_actor(request: HttpRequest) -> Actor:
    return require_role(request.user, Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE, request=request)


@staff_page
def intake(request: HttpRequest) -> HttpResponse:
    actor = _intake_actor(request)
    scope = department_scope(request.user)
    if request.method != "POST":
        return _intake_page(request, IntakeForm(), None)
    form = IntakeForm(request.POST)
    version = None
    if request.POST.get("item", "").strip():
        item_id = parse_id(request.POST["item"])
        version = selectors.intake_item(item_id, scope) if item_id is not None else None
        if version is None:
            form.add_error(None, _("所选事项不存在，或不由您的窗口受理"))
    if not form.is_valid() or version is None:
        return _intake_page(request, form, version, status=400)
    return _intake_submit(request, form, version, actor)


def _intake_submit(request: HttpRequest, form: IntakeForm, version: ItemVersion, actor: Actor) -> HttpResponse:
    profile = staff_of(request.user)
    assert profile is not None
    decision = form.cleaned_data["decision"]
    if decision == "immediate" and version.case_type != CaseType.IMMEDIATE:
        form.add_error(None, _("只有即办件可以当场办结"))
        return _intake_page(request, form, version, status=400)
    parallel: tuple[list[Department], str] = ([], Task.Mode.ALL)
    if decision == "accept":  # checked before anything is written
        try:
            departments = _parallel_departments(version, profile.center, version.item.department_id)
            parallel = _parallel_posted(request.POST, departments)
        except ValidationFailed as failed:
            form.add_error(None, failed.message)
            return _intake_page(request, form, version, status=400, parallel_error=failed.message)
    materials = {m.pk: m for m in version.materials.all()}
    states = material_states(request.POST, list(materials.values()))
    if decision in ("accept", "immediate"):  # the service would refuse it only after the case was received
        lacking = [
            m.name
            for m in materials.values()
            if m.necessity == Material.Necessity.REQUIRED and states[m.pk] == CaseMaterial.State.MISSING
        ]
        if lacking:
            form.add_error(
                None,
                _("缺少必要材料：%(names)s。请收齐后受理，或选择「一次性告知补正」。")
                % {"names": _("、").join(lacking)},
            )
            return _intake_page(request, form, version, status=400)
    intake_data = Intake(
        item=version.item,
        applicant=form.applicant(),
        center=profile.center,
        window=profile.windows.filter(departments=version.item.department_id).first(),
        materials=[
            MaterialReceipt(pk, state, materials[pk].form)
            for pk, state in states.items()
            if state != CaseMaterial.State.MISSING
        ],
    )
    try:
        case = services.submit_case(
            intake=intake_data,
            actor=actor,
            idempotency_key=form.cleaned_data["key"],
            fingerprint=_intake_fingerprint(request, form, states),
        )
    except ValidationFailed as failed:
        show_problems(_intake_problems(failed), form=form)
        return _intake_page(request, form, version, status=400)
    except DomainError as failed:  # the form's key was used for another application: a stale or copied form
        form.add_error(
            None,
            _("此表单已提交过另一份申请，请刷新页面后重新填写")
            if failed.code == "idempotency_key_reused"
            else failed.message,
        )
        return _intake_page(request, form, version, status=409 if failed.status == 409 else 400)
    if services.replayed(case):  # a repeated click: the first submit received it and decided on it
        return redirect("backoffice:case", receipt_number=case.receipt_number)
    # Each service is one transaction: if the decision fails, the case stays received and the page says why.
    try:
        message = _decide_intake(case, form, version, states, actor, parallel)
    except DomainError as failed:
        messages.error(
            request, _("已收件（%(no)s），但%(error)s") % {"no": case.receipt_number, "error": failed.message}
        )
    else:
        messages.success(request, message)
    return redirect("backoffice:case", receipt_number=case.receipt_number)


def _intake_fingerprint(request: HttpRequest, form: IntakeForm, states: dict[int, str]) -> str:
    """What the form submitted, and who: the same form posted twice is one application; its key posted with another
    application (a copied or stale form, another clerk) is refused, never read as the first one."""
    d = form.cleaned_data
    fields = ["item", "decision", *(name for name in d if name.startswith(("applicant_", "agent_")))]
    seen = [request.user.pk, *(str(d.get(name, "")) for name in fields), sorted(states.items())]
    return hashlib.sha256(json.dumps(seen, ensure_ascii=False, default=str).encode()).hexdigest()


_FIELD_NAMES = {
    "applicant.kind": "applicant_kind",
    "applicant.name": "applicant_name",
    "applicant.id_kind": "applicant_id_kind",
    "applicant.id_number": "applicant_id_number",
    "applicant.agent_id_number": "agent_id_number",
    "applicant.agent_name": "agent_name",
    "applicant.phone": "applicant_phone",
    "applicant.agent_phone": "agent_phone",
}


def _intake_problems(failed: ValidationFailed) -> list[Problem]:
    """The service names fields ``applicant.name``; the form calls them ``applicant_name``."""
    problems = []
    for p in failed.problems:
        field = _FIELD_NAMES.get(p.field or "")
        if p.code == "credit_code_checksum":
            field = "credit_code_override"
        problems.append(Problem(p.message, code=p.code, field=field))
    return problems


def _decide_intake(
    case: Case,
    form: IntakeForm,
    version: ItemVersion,
    states: dict[int, str],
    actor: Actor,
    parallel: tuple[list[Department], str] = ([], Task.Mode.ALL),
) -> str:
    decision = form.cleaned_data["decision"]
    if decision == "accept":
        departments, mode = parallel
        services.accept_case(case=case, actor=actor, parallel=departments, parallel_mode=mode)
        if departments:
            return _("已受理，受理编号 %(no)s；并联审批：%(parallel)s") % {
                "no": case.receipt_number,
                "parallel": parallel_text([d.short_name or d.name for d in departments], mode),
            }
        return _("已受理，受理编号 %(no)s") % {"no": case.receipt_number}
    if decision == "supplement":
        listed = [line for line in form.cleaned_data["supplement_list"].splitlines() if line.strip()]
        required = [
            m.name
            for m in version.materials.all()
            if m.necessity == Material.Necessity.REQUIRED and states[m.pk] == CaseMaterial.State.MISSING
        ]
        services.request_supplement(
            case=case, missing=listed or required, note=form.cleaned_data["supplement_note"], actor=actor
        )
        return _("已一次性告知补正，受理编号 %(no)s") % {"no": case.receipt_number}
    if decision == "refuse":
        services.refuse_case(case=case, reason=form.cleaned_data["refuse_reason"], actor=actor)
        return _("已作出不予受理决定，受理编号 %(no)s") % {"no": case.receipt_number}
    services.handle_immediately(case=case, actor=actor)
    return _("即办件已当场办结，受理编号 %(no)s") % {"no": case.receipt_number}


@require_POST
@staff_page
def intake_identity(request: HttpRequest) -> HttpResponse:
    """HTMX: the ID number checked as typed, and earlier applicants with that number (masked)."""
    _intake_actor(request)
    return render(request, "backoffice/case_identity.html", {"identity": identity_context(request.user, request.POST)})


@staff_page
def intake_items(request: HttpRequest) -> HttpResponse:
    """HTMX: items the clerk's windows accept, by keyword or pinyin."""
    _intake_actor(request)
    query = request.GET.get("q", "")
    hits = selectors.intake_search(query, department_scope(request.user))
    return render(request, "backoffice/case_items.html", {"hits": hits, "query": query})


@staff_page
def intake_checklist(request: HttpRequest) -> HttpResponse:
    """HTMX: the chosen item and its materials checklist (step 3)."""
    _intake_actor(request)
    item_id = request.GET.get("item", "")
    chosen = parse_id(item_id)
    version = selectors.intake_item(chosen, department_scope(request.user)) if chosen is not None else None
    return render(
        request,
        "backoffice/case_checklist.html",
        {
            "version": version,
            "checklist": _checklist(version),
            "states": CaseMaterial.State,
            "parallel": _intake_parallel(request, version),
        },
    )


# 待办


@staff_page
def inbox(request: HttpRequest) -> HttpResponse:
    require_role(request.user, Role.APPROVER, Role.CHIEF_REPRESENTATIVE)
    tab = "pool" if request.GET.get("tab") == "pool" else "mine"
    return render(
        request,
        "backoffice/case_inbox.html",
        {
            "tab": tab,
            "rows": selectors.inbox(request.user, tab=tab, today=_today()),
            "counts": selectors.inbox_counts(request.user),
        },
    )


# 窗口待办

WINDOW_ROLES = (Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE, Role.CENTER_MANAGER, Role.SUPERVISOR)


@staff_page
def window_work(request: HttpRequest) -> HttpResponse:
    """The center's cases waiting at its windows: to accept (Art. 32), 补正 awaited, results to certify and deliver
    (Art. 44), delivered cases to close."""
    require_role(request.user, *WINDOW_ROLES)
    keys = [t.key for t in selectors.WINDOW_TABS]
    tab = request.GET.get("tab", keys[0])
    if tab not in keys:
        tab = keys[0]
    today = _today()
    return render(
        request,
        "backoffice/case_window.html",
        {
            "tab": tab,
            "rows": selectors.window_work(request.user, tab=tab, today=today),
            "counts": selectors.window_counts(request.user),
            "limit": selectors.WINDOW_LIMIT,
            "today": today,
            "can_close": bool(roles_of(request.user) & {Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE}),
        },
    )


CLOSE_ROLES = TRANSITIONS[(Status.DELIVERED, "close")].roles


@require_POST
@staff_page
def window_close(request: HttpRequest) -> HttpResponse:
    """办结 the delivered cases ticked on the work list, each by the close service in its own transaction (audited
    as if closed from its page); what could not be closed is named with the reason."""
    require_role(request.user, Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE)
    numbers = list(dict.fromkeys(n.strip() for n in request.POST.getlist("case") if n.strip()))
    back = redirect(reverse("backoffice:window_work") + "?tab=close")
    if not numbers:
        messages.error(request, _("请勾选要办结的办件"))
        return back
    if len(numbers) > selectors.WINDOW_LIMIT:
        messages.error(request, _("一次最多办结 %(n)s 件") % {"n": selectors.WINDOW_LIMIT})
        return back
    closed, already, failed = 0, 0, []
    for number in numbers:
        try:
            case = access_case(request.user, number)
            if case.status == Status.CLOSED:
                already += 1
                continue
            # The service says why a case in another status may not be closed (it is not delivered yet …).
            services.close_case(case=case, actor=_actor(request, _case_role(request, case, CLOSE_ROLES)))
            closed += 1
        except DomainError as refused:
            shown = number if len(number) <= 40 else number[:40] + "…"  # a receipt number is at most 40 long
            failed.append(_("%(number)s：%(message)s") % {"number": shown, "message": refused.message})
    if closed:
        messages.success(request, _("已办结 %(n)s 件") % {"n": closed})
    if already:
        messages.info(request, _("%(n)s 件此前已办结") % {"n": already})
    for line in failed:
        messages.error(request, line)
    return back


@require_POST
@staff_page
def task_claim(request: HttpRequest, receipt_number: str, task_id: int) -> HttpResponse:
    case = access_case(request.user, receipt_number)
    task = access_task(request.user, case, task_id)
    role = selectors.task_role(task, roles_of(request.user))
    if role is None:
        raise AccessDenied(_("您的角色不能办理该环节"), code="role_not_allowed")
    try:
        services.claim_task(task=task, actor=_actor(request, role))
    except DomainError as failed:
        messages.error(request, failed.message)
        return redirect(f"{reverse('backoffice:inbox')}?tab=pool")
    messages.success(request, _("已签收 %(no)s「%(step)s」") % {"no": case.receipt_number, "step": task.step_name})
    if request.POST.get("next") == "inbox":
        return redirect("backoffice:inbox")
    return redirect("backoffice:case", receipt_number=case.receipt_number)


# 办件页


TASK_FORMS = ("complete", "return", "transfer", "countersign", "delegate")


def _works_on(task: Task, user: Any, held: frozenset[str]) -> bool:
    """Whether the user gets a card for ``task``: his role, his department, and the task his, delegated or unclaimed."""
    if selectors.task_role(task, held) is None or not in_scope(user, task.department_id):
        return False
    return task.assignee_id in (None, user.pk) or task.delegate_id == user.pk


def _task_form(
    record: selectors.CaseRecord,
    task: Task,
    user: Any,
    errors: dict[str, str],
    departments: list[Department] | None,
) -> dict[str, Any]:
    mine = task.assignee_id in (None, user.pk)  # the assignee (or, unclaimed, whoever takes it) decides who acts
    colleagues = list(selectors.transfer_candidates(task))
    others = [p for p in colleagues if p.user_id != user.pk]
    earlier = {t.step_position: t.step_name for t in record.tasks if t.step_position < task.step_position}
    signing = {t.department_id for t in record.open_tasks if t.step_position == task.step_position}
    return {
        "task": task,
        "earlier": sorted(earlier.items()),
        "colleagues": others if mine else [],
        "delegates": [p for p in others if p.user_id != task.delegate_id] if mine else [],
        "for_assignee": task.assignee if task.delegate_id == user.pk and task.assignee_id != user.pk else None,
        "delegate": next((p.user for p in colleagues if p.user_id == task.delegate_id), None) if mine else None,
        "countersign": [d for d in departments if d.pk not in signing] if departments is not None else None,
        "mode": task.mode if task.mode in (Task.Mode.ALL, Task.Mode.ANY) else Task.Mode.ALL,
        "errors": {k: errors.get(f"task-{task.pk}-{k}") for k in TASK_FORMS},
    }


def _retractable(record: selectors.CaseRecord, user: Any, errors: dict[str, str]) -> list[dict[str, Any]]:
    """撤回: the steps the user sent the case on to, by finishing his own step, one entry per step."""
    if record.case.status != Status.IN_REVIEW:
        return []
    finished = [t.step_position for t in record.tasks if t.state == Task.State.DONE and t.finished_by_id == user.pk]
    found: dict[int, dict[str, Any]] = {}
    for task in record.open_tasks:
        if task.sent_by_id != user.pk or task.step_position in found:
            continue
        if any(position < task.step_position for position in finished):
            found[task.step_position] = {"task": task, "error": errors.get(f"task-{task.pk}-retract")}
    return list(found.values())


def _case_page(
    request: HttpRequest, case: Case, *, errors: dict[str, str] | None = None, revealed: bool = False
) -> HttpResponse:
    record = selectors.case_record(case)
    user = request.user
    held = roles_of(user)
    errors = errors or {}
    deciding = decides(user, case)  # a countersigning department sees only its own step
    actions = [
        {"name": a, "label": ACTION_LABELS[a], "error": errors.get(a)}
        for a in (selectors.allowed_case_actions(record, held) if deciding else [])
    ]
    mine = [t for t in record.open_tasks if _works_on(t, user, held)]
    departments = None
    if deciding and mine and case.status == Status.IN_REVIEW:
        departments = list(Department.objects.order_by("code"))
    task_forms = [_task_form(record, t, user, errors, departments) for t in mine]
    retracts = _retractable(record, user, errors)
    # An error of an action the page no longer offers (the case moved on, the step is no longer his) is shown above.
    shown = {a["name"] for a in actions}
    shown |= {f"task-{tf['task'].pk}-{k}" for tf in task_forms for k in TASK_FORMS}
    shown |= {f"task-{r['task'].pk}-retract" for r in retracts}
    stray = [message for key, message in errors.items() if key not in shown]
    parallel = None
    if any(a["name"] == "accept" for a in actions):
        offered = _parallel_departments(case.item_version, case.receiving_center, case.deciding_department_id)
        parallel = _parallel_offer(offered, request.POST)
    return render(
        request,
        "backoffice/case_page.html",
        {
            "case": case,
            "record": record,
            "clock": selectors.case_clock(case, today=_today()),
            "delivery_clock": selectors.delivery_clock(case, today=_today()),
            "delivery_methods": DeliveryMethod.choices,
            "timeline": timeline(record.events),
            "actions": actions,
            "task_forms": task_forms,
            "retracts": retracts,
            "stray_errors": stray,
            "missing_text": "\n".join(m.name for m in record.materials if m.state == CaseMaterial.State.MISSING),
            "missing_materials": [m for m in record.materials if m.state == CaseMaterial.State.MISSING],
            "today": _today(),
            "posted": request.POST if request.method == "POST" else {},
            "posted_departments": parse_ids(request.POST.getlist("departments")),
            "revealed": revealed,
            "parallel": parallel,
        },
        status=400 if errors else 200,
    )


@staff_page
def case_page(request: HttpRequest, receipt_number: str) -> HttpResponse:
    return _case_page(request, access_case(request.user, receipt_number))


def _text(request: HttpRequest, name: str) -> str:
    return request.POST.get(name, "").strip()


def _int(request: HttpRequest, name: str) -> int | None:
    """A whole number posted in ``name``; None if the field is absent or empty. Anything else is refused, never read
    as "not given" (garbage days would grant the default extension, a garbage revision skip the stale check)."""
    value = request.POST.get(name, "").strip()
    if not value:
        return None
    number = parse_id(value)
    if number is None and value != "0":
        raise ValidationFailed([Problem(_("请填写有效的数字"), code="invalid_number", field=name)])
    return number or 0


CaseAction = Callable[[HttpRequest, Case, Actor], str]


def _case_role(request: HttpRequest, case: Case, roles: Iterable[str]) -> str:
    """The role in which the user takes a case action that ``roles`` may take, for the case's deciding department
    (a countersigning department reads the case but takes no case action)."""
    role = selectors.acting_role(roles, roles_of(request.user))
    if role is None or not decides(request.user, case):
        raise AccessDenied(_("您不能对该办件执行此操作"), code="action_not_allowed")
    return role


def _decide(approve: bool) -> CaseAction:
    def act(request: HttpRequest, case: Case, actor: Actor) -> str:
        services.decide_case(case=case, approve=approve, reason=_text(request, "reason"), actor=actor)
        return _("已作出准予许可决定") if approve else _("已作出不予许可决定")

    return act


def _advance(service: Callable[..., Case], done: str) -> CaseAction:
    def act(request: HttpRequest, case: Case, actor: Actor) -> str:
        service(case=case, actor=actor, note=_text(request, "note"))
        return _(done)  # in the user's language (the table below marks the messages for translation)

    return act


def _deliver(request: HttpRequest, case: Case, actor: Actor) -> str:
    services.deliver_case(
        case=case,
        actor=actor,
        note=_text(request, "note"),
        method=_text(request, "method") or DeliveryMethod.DIRECT,
        address=_text(request, "address"),
        tracking_number=_text(request, "tracking_number"),
    )
    return _("已送达")


def _suspend(request: HttpRequest, case: Case, actor: Actor) -> str:
    services.suspend_case(
        case=case, procedure=_text(request, "procedure"), reason=_text(request, "reason"), actor=actor
    )
    return _("已启动特别程序，期间不计入办理时限")


def _resume(request: HttpRequest, case: Case, actor: Actor) -> str:
    services.resume_case(case=case, actor=actor)
    return _("特别程序已结束，恢复计时")


def _extend(request: HttpRequest, case: Case, actor: Actor) -> str:
    services.extend_case(case=case, days=_int(request, "days"), reason=_text(request, "reason"), actor=actor)
    return _("已延长办理期限")


def _accept(request: HttpRequest, case: Case, actor: Actor) -> str:
    offered = _parallel_departments(case.item_version, case.receiving_center, case.deciding_department_id)
    departments, mode = _parallel_posted(request.POST, offered)
    services.accept_case(
        case=case,
        actor=actor,
        expected_revision=_int(request, "revision"),
        parallel=departments,
        parallel_mode=mode,
    )
    if departments:
        return _("已受理，并联审批：%(parallel)s") % {
            "parallel": parallel_text([d.short_name or d.name for d in departments], mode)
        }
    return _("已受理")


def _supplement(request: HttpRequest, case: Case, actor: Actor) -> str:
    missing = _text(request, "missing").splitlines()
    services.request_supplement(case=case, missing=missing, note=_text(request, "note"), actor=actor)
    return _("已一次性告知补正")


def _resubmit(request: HttpRequest, case: Case, actor: Actor) -> str:
    received = sorted(parse_ids(request.POST.getlist("received")))
    services.resubmit_case(case=case, received=received, actor=actor, expected_revision=_int(request, "revision"))
    return _("补正材料已收取，请审核后受理")


def _refuse(request: HttpRequest, case: Case, actor: Actor) -> str:
    services.refuse_case(case=case, reason=_text(request, "reason"), actor=actor)
    return _("已作出不予受理决定")


CASE_ACTIONS: dict[str, CaseAction] = {
    "resubmit": _resubmit,
    "accept": _accept,
    "request_supplement": _supplement,
    "refuse": _refuse,
    "suspend": _suspend,
    "resume": _resume,
    "extend": _extend,
    "approve": _decide(True),
    "deny": _decide(False),
    "certify": _advance(services.certify_case, gettext_noop("已制证")),
    "deliver": _deliver,
    "close": _advance(services.close_case, gettext_noop("已办结")),
    "archive": _advance(services.archive_case, gettext_noop("已归档")),
    "withdraw": _advance(services.withdraw_case, gettext_noop("申请已撤回")),
}


@require_POST
@staff_page
def case_action(request: HttpRequest, receipt_number: str, action: str) -> HttpResponse:
    case = access_case(request.user, receipt_number)
    act = CASE_ACTIONS.get(action)
    move = TRANSITIONS.get((Status(case.status), action))
    if act is None:
        raise AccessDenied(_("您不能对该办件执行此操作"), code="action_not_allowed")
    role = _case_role(request, case, move.roles if move is not None else ())
    try:
        done = act(request, case, _actor(request, role))
    except DomainError as failed:
        return _case_page(request, case, errors={action: failed.message})
    messages.success(request, done)
    return redirect("backoffice:case", receipt_number=case.receipt_number)


TaskAction = Callable[[HttpRequest, Task, Actor], str]


def _complete(request: HttpRequest, task: Task, actor: Actor) -> str:
    services.complete_task(task=task, opinion=_text(request, "opinion"), actor=actor)
    return _("「%(step)s」已办理，已转下一环节") % {"step": task.step_name}


def _return(request: HttpRequest, task: Task, actor: Actor) -> str:
    services.return_task(
        task=task, to_position=_int(request, "to_position") or 0, reason=_text(request, "reason"), actor=actor
    )
    return _("已退回")


def _colleague(request: HttpRequest, task: Task) -> Any:
    to = selectors.transfer_candidates(task).filter(user_id=_int(request, "to_user") or 0).first()
    if to is None:
        raise ValidationFailed([], message=_("请选择本部门的工作人员"))
    return to.user


def _transfer(request: HttpRequest, task: Task, actor: Actor) -> str:
    to = _colleague(request, task)
    services.transfer_task(task=task, to_user=to, reason=_text(request, "reason"), actor=actor)
    return _("已转办给%(name)s") % {"name": to}


def _delegate(request: HttpRequest, task: Task, actor: Actor) -> str:
    """委托 a colleague to act for the assignee, or (``revoke``) take the task back."""
    if request.POST.get("revoke"):
        services.delegate_task(task=task, to_user=None, reason=_text(request, "reason"), actor=actor)
        return _("已收回委托，「%(step)s」由您本人办理") % {"step": task.step_name}
    to = _colleague(request, task)
    services.delegate_task(task=task, to_user=to, reason=_text(request, "reason"), actor=actor)
    return _("已委托%(name)s代为办理「%(step)s」") % {"name": to, "step": task.step_name}


def _countersign(request: HttpRequest, task: Task, actor: Actor) -> str:
    """会签 (every department signs) or 或签 (the first signature settles the step) at the task's step."""
    posted = request.POST.getlist("departments")
    chosen = parse_ids(posted)
    departments = list(Department.objects.filter(pk__in=chosen).order_by("code"))
    if len(departments) != len(set(posted)):  # a forged or deleted department is named, not silently dropped
        raise ValidationFailed([Problem(_("所选部门不存在，请刷新页面后重新选择"), code="unknown_department")])
    mode = request.POST.get("mode", Task.Mode.ALL)
    open_countersign(case=task.case, departments=departments, step_name=task.step_name, actor=actor, mode=mode)
    names = _("、").join(d.short_name or d.name for d in departments)
    if mode == Task.Mode.ANY:
        return _("已发起或签：%(departments)s，任一部门同意即可") % {"departments": names}
    return _("已发起会签：%(departments)s，全部同意后转下一环节") % {"departments": names}


def _retract(request: HttpRequest, task: Task, actor: Actor) -> str:
    reopened = services.retract_task(task=task, reason=_text(request, "reason"), actor=actor)
    return _("已撤回，「%(step)s」回到您的待办") % {"step": reopened.step_name}


TASK_ACTIONS: dict[str, TaskAction] = {
    "complete": _complete,
    "return": _return,
    "transfer": _transfer,
    "delegate": _delegate,
    "countersign": _countersign,
}


def _retract_role(user: Any, task: Task) -> str:
    """The role the user sent the case on in: that of the step he finished before ``task``."""
    held = roles_of(user)
    sent = (
        Task.objects.filter(
            case_id=task.case_id, finished_by=user, state=Task.State.DONE, step_position__lt=task.step_position
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
    role = selectors.task_role(sent, held) if sent is not None else None
    return role or selectors.acting_role(held, held) or ""


@require_POST
@staff_page
def task_action(request: HttpRequest, receipt_number: str, task_id: int, action: str) -> HttpResponse:
    case = access_case(request.user, receipt_number)
    task = access_task(request.user, case, task_id)
    if action == "retract":
        # 撤回 is asked on the next step's task by whoever sent the case there, who need not be one of its handlers.
        if task.sent_by_id != request.user.pk:
            raise AccessDenied(_("只能撤回由您转出的环节"), code="not_sender")
        act: TaskAction | None = _retract
        role: str | None = _retract_role(request.user, task)
    else:
        act, role = TASK_ACTIONS.get(action), selectors.task_role(task, roles_of(request.user))
        if act is None or role is None:
            raise AccessDenied(_("您的角色不能办理该环节"), code="role_not_allowed")
        if not in_scope(request.user, task.department_id):
            raise AccessDenied(_("该环节不属于您所在部门"), code="out_of_scope")
        if task.assignee_id not in (None, request.user.pk) and task.delegate_id != request.user.pk:
            raise AccessDenied(_("该环节已由他人签收"), code="task_claimed")
        if action == "countersign" and not decides(request.user, case):
            raise AccessDenied(_("只有办件的办理部门可以发起会签"), code="out_of_scope")
    assert act is not None and role is not None
    try:
        done = act(request, task, _actor(request, role))
    except DomainError as failed:
        return _case_page(request, case, errors={f"task-{task.pk}-{action}": failed.message})
    messages.success(request, done)
    return redirect("backoffice:case", receipt_number=case.receipt_number)


@require_POST
@never_cache
@staff_page
def case_reveal(request: HttpRequest, receipt_number: str) -> HttpResponse:
    """The applicant's full personal data, logged as read (PIPL)."""
    case = access_case(request.user, receipt_number)
    held = roles_of(request.user)
    role = next((r for r in Role.values if r in held), "")
    full = " / ".join(
        v for v in (case.applicant_name, case.applicant_id_number, case.applicant_phone, case.applicant_address) if v
    )
    masking.reveal(
        actor=_actor(request, role),
        obj_type="cases.case",
        obj_id=case.pk,
        field="applicant",
        value=full,
        purpose=_text(request, "purpose") or "办件审查",
    )
    return _case_page(request, case, revealed=True)


@staff_page
def notice_download(request: HttpRequest, receipt_number: str, notice_id: int) -> HttpResponse:
    """A notice of a case as issued (the stored PDF), for staff in scope to print."""
    case = access_case(request.user, receipt_number)
    notice = selectors.case_notice(case, notice_id)
    if notice is None or not notice.file or not notice.number:  # pending: the worker has not rendered it yet
        raise NotFound(_("文书不存在"), code="notice_not_found")
    with notice.file.open("rb") as pdf:
        response = HttpResponse(pdf.read(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{quote(notice.number)}.pdf"'
    return response


# 办件查询


def _search(request: HttpRequest) -> tuple[SearchForm, Any, str]:
    require_staff(request.user)
    reach = case_reach(request.user)
    form = SearchForm(request.GET or None, departments=selectors.search_departments(reach.departments))
    query = urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])
    if form.is_bound and not form.is_valid():
        # A filter the clerk mistyped: show its error and no cases (never every case as if it had not been given).
        return form, Case.objects.none(), query
    filters = form.filters() if form.is_bound else selectors.CaseFilters()
    return form, selectors.search_cases(reach, filters, today=_today()), query


@staff_page
def case_search(request: HttpRequest) -> HttpResponse:
    form, cases, query = _search(request)
    return _search_page(request, form, cases, query)


def _search_page(request: HttpRequest, form: SearchForm, cases: Any, query: str) -> HttpResponse:
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "backoffice/case_search.html",
        {
            "form": form,
            "page": page,
            "rows": selectors.case_rows(page.object_list, today=_today()),
            "query": query,
            "light_labels": LIGHT_LABELS,
            "export_limit": EXPORT_LIMIT,
        },
        status=400 if form.errors else 200,
    )


EXPORT_COLUMNS = (
    "受理编号",
    "事项",
    "部门",
    "申请人",
    "证件号码",
    "联系电话",
    "状态",
    "收件日期",
    "受理日期",
    "承诺期限",
    "亮灯",
    "剩余工作日",
    "决定日期",
    "送达期限",
    "送达日期",
    "办结日期",
)


@staff_page
def case_export(request: HttpRequest) -> HttpResponse:
    """The search as a workbook; personal data masked (PIPL). A search with a mistyped filter exports nothing: the
    search page comes back with its errors."""
    form, cases, query = _search(request)
    if form.errors:
        return _search_page(request, form, cases, query)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "办件"
    sheet.append(EXPORT_COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in selectors.case_rows(cases[:EXPORT_LIMIT], today=_today()):
        c = row.case
        sheet.append(
            [
                c.receipt_number,
                c.item_version.name,
                c.deciding_department.short_name or c.deciding_department.name,
                masking.mask_name(c.applicant_name) if c.applicant_kind == "person" else c.applicant_name,
                masking.mask_id_number(c.applicant_id_number),
                masking.mask_phone(c.applicant_phone),
                str(STATUS_LABELS.get(c.status, c.status)),
                c.received_on,
                c.accepted_on,
                c.promised_deadline,
                str(LIGHT_LABELS[row.clock.light]) if row.clock.light else "",
                row.clock.remaining,
                c.decided_on,
                c.delivery_deadline,
                c.delivered_on,
                c.closed_on,
            ]
        )
    total = cases.count()
    if total > EXPORT_LIMIT:  # said in the file itself, where whoever reads it will see it
        sheet.append([])
        sheet.append(
            [
                _("仅导出前 %(limit)s 件（共 %(total)s 件），请缩小查询条件后分批导出")
                % {"limit": EXPORT_LIMIT, "total": total}
            ]
        )
    widths = (24, 30, 16, 14, 22, 14, 10, 12, 12, 12, 16, 10, 12, 12, 12, 12)
    for letter, width in zip("ABCDEFGHIJKLMNOP", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="cases-{_today():%Y%m%d}.xlsx"'
    return response
