"""The hall's staff pages: the window console (叫号面板), the hall settings, the appointments desk, the queue
and the numbers (统计).

Every write goes through ``govhall.queueing.services``; windows, tickets and the center are loaded through
``govhall.queueing.access``. A clerk acts at his own windows, a manager at any window of his center and keeps
the settings; a supervisor reads the queue, the appointments, the settings and the numbers.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from govhall.backoffice.case_forms import IntakeForm
from govhall.backoffice.decorators import staff_page
from govhall.backoffice.hall_forms import (
    BY_LABELS,
    CategoryForm,
    DeviceForm,
    HallSettingsForm,
    NumbersForm,
    PhoneBookingForm,
    SlotsForm,
)
from govhall.backoffice.views.cases import identity_context
from govhall.cases.access import access_case
from govhall.cases.models import Case, CaseMaterial
from govhall.catalog.models import ServiceItem
from govhall.core.actors import Actor
from govhall.core.converters import parse_id, parse_ids
from govhall.core.errors import DomainError, NotFound
from govhall.core.workdays import get_calendar
from govhall.org.access import has_role, require_org_manager, require_org_reader, require_role, staff_of
from govhall.org.models import Center, Role, Window
from govhall.queueing import selectors, services
from govhall.queueing.access import access_center, access_desk, access_ticket
from govhall.queueing.export import numbers_workbook
from govhall.queueing.hours import settings_for
from govhall.queueing.models import (
    AppointmentSlot,
    AppointmentStatus,
    Category,
    Device,
    Priority,
    SlotChannel,
    Source,
    Ticket,
    TicketPeriod,
    TicketStatus,
)
from govhall.queueing.selectors import TicketRow

S = TicketStatus
ACTING_ROLES = (Role.WINDOW_CLERK, Role.CENTER_MANAGER)
CASE_CHOICES = 10  # cases offered for linking on the finish form; others are typed by receipt number


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _today() -> datetime.date:
    return timezone.localdate()


def _hall_reader(request: HttpRequest) -> tuple[Center, Actor, bool]:
    """Clerks and managers act on the queue and appointments; a supervisor reads them."""
    actor = require_role(request.user, *ACTING_ROLES, Role.SUPERVISOR, request=request)
    profile = staff_of(request.user)
    assert profile is not None  # require_role refuses users without a profile
    return profile.center, actor, actor.role in ACTING_ROLES


def _duration(seconds: float | None) -> str:
    """12分05秒, 1小时03分 — for people, not spreadsheets."""
    if seconds is None:
        return "—"
    total = max(round(seconds), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(h)d小时%(m)02d分") % {"h": hours, "m": minutes}
    return _("%(m)d分%(s)02d秒") % {"m": minutes, "s": secs}


def _minutes(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.1f}"


# 叫号面板


@dataclass(frozen=True)
class Visitor:
    """The ticket at the window as the console shows it: masked data and its clocks."""

    ticket: Ticket
    row: TicketRow
    waited: float  # seconds in the queue, all waiting periods
    since: datetime.datetime | None  # start of the open period (called, serving or held)
    before: float  # seconds of earlier periods in the same state (a resumed visit keeps its service time)
    priority_label: str
    source_label: str
    status_label: str

    @property
    def waited_text(self) -> str:
        return _duration(self.waited)

    def clock_text(self, now: datetime.datetime) -> str:
        return _duration(self.before + ((now - self.since).total_seconds() if self.since else 0))


def _visitor(ticket: Ticket, now: datetime.datetime) -> Visitor:
    row, periods = selectors.ticket_detail(ticket=ticket)
    open_period = next((p for p in periods if p.ended_at is None), None)
    state = open_period.state if open_period else ticket.status
    return Visitor(
        ticket=ticket,
        row=row,
        waited=sum(p.seconds(now) for p in periods if p.state == S.WAITING),
        since=open_period.started_at if open_period else None,
        before=sum(p.seconds() for p in periods if p.state == state and p.ended_at is not None),
        priority_label=str(Priority(ticket.priority).label),
        source_label=str(Source(ticket.source).label),
        status_label=str(S(ticket.status).label),
    )


def _console_windows(request: HttpRequest, center: Center, actor: Actor) -> list[Window]:
    if actor.role == Role.CENTER_MANAGER:
        return list(Window.objects.filter(center=center, active=True).select_related("desk").order_by("number"))
    profile = staff_of(request.user)
    assert profile is not None
    return list(profile.windows.filter(active=True).select_related("desk").order_by("number"))


@staff_page
def console_index(request: HttpRequest) -> HttpResponse:
    """A clerk with one window goes straight to it; with several (or a manager) he picks one."""
    center, actor = access_center(request.user, request)
    windows = _console_windows(request, center, actor)
    if len(windows) == 1 and actor.role == Role.WINDOW_CLERK:
        return redirect("backoffice:hall_console_window", window_id=windows[0].pk)
    return render(request, "backoffice/hall_console_pick.html", {"center": center, "windows": windows})


def _case_choices(window: Window, ticket: Ticket) -> list[Case]:
    """Cases received at this window (or for this visitor's ID number) since the visit was called."""
    at_window = Q(window=window)
    if ticket.id_number:
        at_window |= Q(applicant_id_number=ticket.id_number)
    since = ticket.called_at or ticket.taken_at
    return list(
        Case.objects.filter(at_window, receiving_center_id=window.center_id, created_at__gte=since)
        .exclude(visit_links__ticket=ticket)
        .select_related("item_version")
        .order_by("-pk")[:CASE_CHOICES]
    )


def _console_context(
    request: HttpRequest, window: Window, *, notice: str = "", error: str = "", posted: Any = None
) -> dict[str, Any]:
    now = timezone.now()
    state = selectors.desk_state(window=window, now=now)
    current = _visitor(state.current, now) if state.current is not None else None
    last = state.desk.last_finished if state.desk.last_finished_id else None
    if last is not None and (last.day != _today() or last.status != S.FINISHED):
        last = None
    # Not in desk_state: the misses of the day at this window (a read of the page, not a domain rule).
    missed = Ticket.objects.filter(window=window, day=_today(), status=S.MISSED).count()
    return {
        "window": window,
        "state": state,
        "desk_open": state.desk.is_open,
        "current": current,
        "held": [(ticket, _visitor(ticket, now)) for ticket in state.held],
        "missed_today": missed,
        "avg_wait": _duration(state.avg_wait_seconds),
        "avg_service": _duration(state.avg_service_seconds),
        "categories": Category.objects.filter(center_id=window.center_id, active=True).order_by("position", "series"),
        "other_windows": Window.objects.filter(center_id=window.center_id, active=True)
        .exclude(pk=window.pk)
        .order_by("number"),
        "case_choices": _case_choices(window, current.ticket) if current else [],
        "last": last,
        "last_cases": list(last.cases.select_related("item_version")) if last else [],
        "last_choices": _case_choices(window, last) if last else [],
        "can_intake": has_role(request.user, Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE),
        "called_keys": [("recall", _("重呼"), "F2"), ("skip", _("未到/过号"), "F3"), ("start", _("开始办理"), "F4")],
        "clock": current.clock_text(now) if current else "",
        "notice": notice,
        "error": error,
        "posted": posted or {},
        "now": now,
    }


def _console_page(request: HttpRequest, window: Window, *, status: int = 200, **kwargs: Any) -> HttpResponse:
    template = "backoffice/hall_console_panel.html" if _is_htmx(request) else "backoffice/hall_console.html"
    context = _console_context(request, window, **kwargs)
    if not _is_htmx(request):
        center, actor = access_center(request.user, request)
        context["windows"] = _console_windows(request, center, actor)
    return render(request, template, context, status=status)


@never_cache
@staff_page
def console(request: HttpRequest, window_id: int) -> HttpResponse:
    window, _actor = access_desk(request.user, window_id, request)
    if request.GET.get("part") == "counts":
        return render(request, "backoffice/hall_console_counts.html", _console_context(request, window))
    return _console_page(request, window)


def _ticket_of(request: HttpRequest, window: Window) -> Ticket:
    """The ticket the panel showed (posted with the button), else the one at the desk now."""
    raw = request.POST.get("ticket", "")
    if (ticket_id := parse_id(raw)) is not None:
        return access_ticket(window.center, ticket_id)
    current = selectors.desk_state(window=window).current
    if current is None:
        raise DomainError(_("本窗口当前没有正在呼叫或办理的号，请先叫号"), code="queue.no_current_ticket")
    return current


def _posted_cases(request: HttpRequest, window: Window) -> list[Case]:
    """Cases ticked on the finish form, and receipt numbers typed (loaded through the case access rules)."""
    ids = parse_ids(request.POST.getlist("case"))
    found = list(Case.objects.filter(pk__in=ids, receiving_center_id=window.center_id))
    for receipt in request.POST.get("receipts", "").replace("，", " ").replace(",", " ").split():
        try:
            case = access_case(request.user, receipt)
        except NotFound:
            raise NotFound(
                _("办件 %(no)s 不存在") % {"no": receipt}, code="queue.case_not_found", field="cases"
            ) from None
        if case.pk not in {c.pk for c in found}:
            found.append(case)
    return found


def _pick(request: HttpRequest, name: str, model: type[Any], center: Center, missing: str) -> Any:
    raw = request.POST.get(name, "")
    if not raw:
        return None
    pk = parse_id(raw)
    found = model.objects.filter(pk=pk, center=center).first() if pk is not None else None
    if found is None:
        raise DomainError(missing, code="invalid_choice", field=name)
    return found


ConsoleAction = Callable[[HttpRequest, Window, Actor], str]


def _open(request: HttpRequest, window: Window, actor: Actor) -> str:
    services.open_desk(window=window, actor=actor)
    return _("%(window)s 开始服务") % {"window": window}


def _close(request: HttpRequest, window: Window, actor: Actor) -> str:
    services.close_desk(window=window, actor=actor)
    return _("%(window)s 已暂停服务") % {"window": window}


def _call(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = services.call_next(window=window, actor=actor)
    return _("已呼叫 %(no)s") % {"no": ticket.number}


def _recall(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = services.recall(ticket=_ticket_of(request, window), window=window, actor=actor)
    return _("已重呼 %(no)s（第%(n)s次）") % {"no": ticket.number, "n": ticket.call_count}


def _skip(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = services.skip(ticket=_ticket_of(request, window), window=window, actor=actor)
    if ticket.status == S.MISSED:
        return _("%(no)s 已过号") % {"no": ticket.number}
    return _("%(no)s 未到，已回到队列原位") % {"no": ticket.number}


def _start(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = services.start_serving(ticket=_ticket_of(request, window), window=window, actor=actor)
    return _("开始办理 %(no)s") % {"no": ticket.number}


def _hold(request: HttpRequest, window: Window, actor: Actor) -> str:
    reason = request.POST.get("reason", "").strip()
    ticket = services.hold(ticket=_ticket_of(request, window), window=window, actor=actor, reason=reason)
    return _("%(no)s 已暂停办理，可先叫下一位") % {"no": ticket.number}


def _resume(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = services.resume(ticket=_ticket_of(request, window), window=window, actor=actor)
    return _("继续办理 %(no)s") % {"no": ticket.number}


def _transfer(request: HttpRequest, window: Window, actor: Actor) -> str:
    to_category = _pick(request, "to_category", Category, window.center, _("所选业务类别不存在"))
    to_window = _pick(request, "to_window", Window, window.center, _("所选窗口不存在"))
    ticket = services.transfer(
        ticket=_ticket_of(request, window),
        window=window,
        actor=actor,
        to_category=to_category,
        to_window=to_window,
        reason=request.POST.get("reason", "").strip(),
    )
    target = _("%(n)s号窗口") % {"n": to_window.number} if to_window else str(to_category)
    return _("%(no)s 已转至 %(target)s") % {"no": ticket.number, "target": target}


def _finish(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = _ticket_of(request, window)
    cases = _posted_cases(request, window)
    services.finish(ticket=ticket, window=window, actor=actor, cases=cases)
    if cases:
        return _("%(no)s 已办结，关联办件 %(n)s 件") % {"no": ticket.number, "n": len(cases)}
    return _("%(no)s 已办结") % {"no": ticket.number}


def _link(request: HttpRequest, window: Window, actor: Actor) -> str:
    ticket = _ticket_of(request, window)
    if ticket.window_id != window.pk:
        raise DomainError(_("该号不在本窗口办理"), code="queue.ticket_not_at_window")
    cases = _posted_cases(request, window)
    if not cases:
        raise DomainError(_("请勾选或填写要关联的办件"), code="required", field="cases")
    services.link_cases(ticket=ticket, cases=cases, actor=actor)
    return _("已为 %(no)s 关联办件 %(n)s 件") % {"no": ticket.number, "n": len(cases)}


CONSOLE_ACTIONS: dict[str, ConsoleAction] = {
    "open": _open,
    "close": _close,
    "call": _call,
    "recall": _recall,
    "skip": _skip,
    "start": _start,
    "hold": _hold,
    "resume": _resume,
    "transfer": _transfer,
    "finish": _finish,
    "link": _link,
}


@require_POST
@staff_page
def console_action(request: HttpRequest, window_id: int, action: str) -> HttpResponse:
    """HTMX swaps the panel (errors included, status 200 so it is swapped); without JavaScript, a full page."""
    window, actor = access_desk(request.user, window_id, request)
    act = CONSOLE_ACTIONS.get(action)
    if act is None:
        raise NotFound(_("没有这个操作"), code="not_found")
    try:
        done = act(request, window, actor)
    except DomainError as failed:
        status = 200 if _is_htmx(request) else (failed.status if 400 <= failed.status < 500 else 400)
        return _console_page(request, window, error=failed.message, status=status, posted=request.POST)
    if _is_htmx(request):
        return _console_page(request, window, notice=done)
    messages.success(request, done)
    return redirect("backoffice:hall_console_window", window_id=window.pk)


@never_cache
@staff_page
def console_intake(request: HttpRequest, window_id: int, ticket_id: int) -> HttpResponse:
    """The intake page, filled in with what the visitor gave when taking the ticket (name, ID, phone).

    The form posts to the ordinary intake; the case it creates is linked to the visit on finish.
    """
    require_role(request.user, Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE, request=request)
    window, _actor = access_desk(request.user, window_id, request)
    ticket = access_ticket(window.center, ticket_id)
    if ticket.window_id != window.pk:
        raise NotFound(_("该号不在本窗口办理"), code="queue.ticket_not_at_window")
    initial = {"applicant_name": ticket.name, "applicant_id_number": ticket.id_number, "applicant_phone": ticket.phone}
    identity = {"applicant_id_kind": "resident_id", "applicant_id_number": ticket.id_number}
    messages.info(
        request,
        _("正在为 %(no)s 号办理收件；受理后回到叫号面板，办结时勾选本次办件即可关联。") % {"no": ticket.number},
    )
    return render(
        request,
        "backoffice/case_intake.html",
        {
            "form": IntakeForm(initial={k: v for k, v in initial.items() if v}),
            "version": None,
            "checklist": [],
            "identity": identity_context(request.user, identity),
            "states": CaseMaterial.State,
        },
    )


# 大厅设置：营业时间、业务类别、终端、预约时段


def _field_error(form: Any, failed: DomainError) -> None:
    form.add_error(failed.field if failed.field in form.fields else None, failed.message)


def _settings_initial(center: Center) -> dict[str, Any]:
    hall = settings_for(center.pk)
    return {name: getattr(hall, name) for name in services.SETTINGS_FIELDS}


def _center_windows(center: Center) -> Any:
    return Window.objects.filter(center=center, active=True).order_by("number")


def _setup_url(request: HttpRequest, raw: str) -> str | None:
    """The device pages' setup address with the token, once those pages exist (govhall/devices)."""
    try:
        path = reverse("devices:setup")
    except NoReverseMatch:
        return None
    # The token goes in the fragment: the browser never sends it, so it stays out of access logs
    # (govhall/devices setup.js posts it once and clears the address bar).
    return request.build_absolute_uri(path) + "#" + raw


def _upcoming_slots(center: Center) -> list[dict[str, Any]]:
    """The next two weeks' slots per day and category, booked of capacity (what has been opened)."""
    today = _today()
    rows = (
        AppointmentSlot.objects.filter(
            category__center=center, day__gte=today, day__lte=today + datetime.timedelta(days=14)
        )
        .values("day", "category__series", "category__name")
        .annotate(slots=Count("id"), booked_total=Sum("booked"), capacity_total=Sum("capacity"))
        .order_by("day", "category__series")
    )
    return [dict(row) for row in rows]


def _settings_page(
    request: HttpRequest,
    center: Center,
    *,
    can_manage: bool,
    settings_form: HallSettingsForm | None = None,
    device_form: DeviceForm | None = None,
    slots_form: SlotsForm | None = None,
    issued: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    categories = Category.objects.filter(center=center).prefetch_related("windows").annotate(item_count=Count("items"))
    windows = _center_windows(center)
    return render(
        request,
        "backoffice/hall_settings.html",
        {
            "center": center,
            "can_manage": can_manage,
            "settings_form": settings_form or HallSettingsForm(initial=_settings_initial(center)),
            "categories": categories.order_by("position", "series"),
            "devices": Device.objects.filter(center=center).select_related("window").order_by("kind", "name"),
            "device_form": device_form or DeviceForm(windows=windows),
            "slots_form": slots_form
            or SlotsForm(
                categories=Category.objects.filter(center=center, active=True),
                initial={
                    "date_from": _today() + datetime.timedelta(days=1),
                    "date_to": _today() + datetime.timedelta(days=14),
                },
            ),
            "upcoming": _upcoming_slots(center),
            "issued": issued,
        },
        status=status,
    )


@staff_page
def settings_page(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_reader(request.user, request)
    return _settings_page(request, center, can_manage=actor.role == Role.CENTER_MANAGER)


@require_POST
@staff_page
def settings_save(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    form = HallSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.save_settings(center=center, actor=actor, **form.cleaned_data)
        except DomainError as failed:
            _field_error(form, failed)
        else:
            messages.success(request, _("大厅设置已保存"))
            return redirect("backoffice:hall_settings")
    return _settings_page(request, center, can_manage=True, settings_form=form, status=400)


def _category_page(request: HttpRequest, center: Center, actor: Actor, category: Category | None) -> HttpResponse:
    windows = Window.objects.filter(center=center).order_by("number")
    items = (
        ServiceItem.objects.filter(status=ServiceItem.Status.PUBLISHED)
        .select_related("current_version", "department")
        .order_by("department__code", "code")
    )
    if request.method != "POST":
        initial: dict[str, Any] = {"active": True, "default_service_minutes": 5, "position": 0}
        if category is not None:
            initial = {
                "series": category.series,
                "name": category.name,
                "default_service_minutes": category.default_service_minutes,
                "position": category.position,
                "active": category.active,
                "windows": list(category.windows.all()),
                "items": list(category.items.all()),
            }
        form = CategoryForm(initial=initial, windows=windows, items=items)
        status = 200
    else:
        form = CategoryForm(request.POST, windows=windows, items=items)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = services.save_category(
                    center=center,
                    actor=actor,
                    series=data["series"],
                    name=data["name"],
                    windows=list(data["windows"]),
                    items=list(data["items"]),
                    default_service_minutes=data["default_service_minutes"],
                    active=data["active"],
                    position=data["position"],
                    category=category,
                )
            except DomainError as failed:
                _field_error(form, failed)
            else:
                messages.success(request, _("业务类别“%(c)s”已保存") % {"c": saved})
                return redirect(f"{reverse('backoffice:hall_settings')}#categories")
    return render(
        request, "backoffice/hall_category.html", {"center": center, "category": category, "form": form}, status=status
    )


@staff_page
def category_new(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    return _category_page(request, center, actor, None)


@staff_page
def category_edit(request: HttpRequest, category_id: int) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    category = Category.objects.filter(pk=category_id, center=center).first()
    if category is None:
        raise NotFound(_("业务类别不存在"), code="queue.category_not_found")
    return _category_page(request, center, actor, category)


@require_POST
@never_cache
@staff_page
def device_issue(request: HttpRequest) -> HttpResponse:
    """The token is shown on this response only (it is stored hashed): no redirect, nothing cached."""
    center, actor = require_org_manager(request.user, request)
    form = DeviceForm(request.POST, windows=_center_windows(center))
    if form.is_valid():
        try:
            device, raw = services.issue_device(center=center, actor=actor, **form.cleaned_data)
        except DomainError as failed:
            _field_error(form, failed)
        else:
            issued = {"device": device, "token": raw, "setup_url": _setup_url(request, raw)}
            return _settings_page(request, center, can_manage=True, issued=issued)
    return _settings_page(request, center, can_manage=True, device_form=form, status=400)


@require_POST
@staff_page
def device_deactivate(request: HttpRequest, device_id: int) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    device = Device.objects.filter(center=center, pk=device_id).first()
    if device is None:  # another center's device is "not found", not "refused"
        raise NotFound(_("终端不存在"), code="queue.device_not_found")
    try:
        services.deactivate_device(device=device, actor=actor)
    except DomainError as failed:
        messages.error(request, failed.message)
    else:
        messages.success(request, _("已停用终端：%(name)s") % {"name": device.name})
    return redirect(reverse("backoffice:hall_settings") + "#devices")


@require_POST
@staff_page
def slots_open(request: HttpRequest) -> HttpResponse:
    center, actor = require_org_manager(request.user, request)
    form = SlotsForm(request.POST, categories=Category.objects.filter(center=center, active=True))
    if form.is_valid():
        data = form.cleaned_data
        days = form.days()
        try:
            created = services.open_slots(
                category=data["category"],
                days=days,
                times=data["times"],
                capacity=data["capacity"],
                minutes=data["minutes"],
                actor=actor,
            )
        except DomainError as failed:
            _field_error(form, failed)
        else:
            calendar = get_calendar()
            closed = [d for d in days if not calendar.is_workday(d)]
            message = _("已为“%(c)s”开放 %(n)s 个预约时段") % {"c": data["category"], "n": len(created)}
            if closed:
                message += _("；跳过 %(n)s 个节假日和休息日") % {"n": len(closed)}
            messages.success(request, message)
            return redirect(f"{reverse('backoffice:hall_settings')}#slots")
    return _settings_page(request, center, can_manage=True, slots_form=form, status=400)


# 预约


def _day_param(raw: str | None) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw or "")
    except ValueError:
        return _today()


def _bookable(center: Center, day: datetime.date) -> list[AppointmentSlot]:
    slots: list[AppointmentSlot] = []
    for category in Category.objects.filter(center=center, active=True).order_by("position", "series"):
        found = selectors.bookable_slots(category=category, day_from=day, day_to=day)
        for slot in found:
            slot.category = category  # the form groups by category: no query per slot
        slots += found
    return slots


def _appointments_page(
    request: HttpRequest,
    center: Center,
    can_act: bool,
    day: datetime.date,
    *,
    form: PhoneBookingForm | None = None,
    status: int = 200,
) -> HttpResponse:
    rows = selectors.appointments(center=center, day=day)
    counts = {s: sum(1 for r in rows if r.status == s) for s in AppointmentStatus.values}
    return render(
        request,
        "backoffice/hall_appointments.html",
        {
            "center": center,
            "can_act": can_act,
            "day": day,
            "prev_day": day - datetime.timedelta(days=1),
            "next_day": day + datetime.timedelta(days=1),
            "today": _today(),
            "is_workday": get_calendar().is_workday(day),
            "rows": [(row, AppointmentStatus(row.status).label, SlotChannel(row.channel).label) for row in rows],
            "counts": [(AppointmentStatus(s).label, n) for s, n in counts.items()],
            "form": form or PhoneBookingForm(slots=_bookable(center, day)),
        },
        status=status,
    )


@staff_page
def appointments_page(request: HttpRequest) -> HttpResponse:
    center, _actor, can_act = _hall_reader(request)
    return _appointments_page(request, center, can_act, _day_param(request.GET.get("day")))


def _desk_actor(request: HttpRequest) -> tuple[Center, Actor]:
    """Bookings, cancellations, check-ins: the people at the windows and the manager."""
    return access_center(request.user, request)


def _back_to_day(day: datetime.date) -> HttpResponse:
    return redirect(f"{reverse('backoffice:hall_appointments')}?day={day:%Y-%m-%d}")


@require_POST
@staff_page
def appointment_book(request: HttpRequest) -> HttpResponse:
    center, actor = _desk_actor(request)
    day = _day_param(request.POST.get("day"))
    form = PhoneBookingForm(request.POST, slots=_bookable(center, day))
    if form.is_valid():
        data = form.cleaned_data
        slot = (
            AppointmentSlot.objects.select_related("category").filter(pk=data["slot"], category__center=center).first()
        )
        try:
            if slot is None:
                raise DomainError(_("该时段不存在"), code="invalid_choice", field="slot")
            appointment = services.book(
                slot=slot,
                name=data["name"],
                id_number=data["id_number"],
                phone=data["phone"],
                channel=SlotChannel.PHONE,
                actor=actor,
            )
        except DomainError as failed:
            _field_error(form, failed)
        else:
            messages.success(
                request,
                _("已为来电人预约 %(day)s %(time)s“%(c)s”，预约码 %(code)s，请告知来电人凭预约码或身份证签到")
                % {
                    "day": _("%(month)s月%(day)s日") % {"month": f"{slot.day:%m}", "day": f"{slot.day:%d}"},
                    "time": f"{slot.starts_at:%H:%M}",
                    "c": slot.category.name,
                    "code": appointment.code,
                },
            )
            return _back_to_day(slot.day)
    return _appointments_page(request, center, True, day, form=form, status=400)


def _appointment_action(request: HttpRequest, code: str, act: Callable[[Any, Actor], str]) -> HttpResponse:
    center, actor = _desk_actor(request)
    appointment = selectors.appointment_by_code(center=center, code=code)
    try:
        messages.success(request, act(appointment, actor))
    except DomainError as failed:
        messages.error(request, _("%(code)s：%(message)s") % {"code": appointment.code, "message": failed.message})
    return _back_to_day(appointment.slot.day)


@require_POST
@staff_page
def appointment_cancel(request: HttpRequest, code: str) -> HttpResponse:
    def cancel(appointment: Any, actor: Actor) -> str:
        services.cancel_appointment(appointment=appointment, actor=actor)
        return _("预约 %(code)s 已取消") % {"code": appointment.code}

    return _appointment_action(request, code, cancel)


@require_POST
@staff_page
def appointment_check_in(request: HttpRequest, code: str) -> HttpResponse:
    def check_in(appointment: Any, actor: Actor) -> str:
        got = services.check_in(appointment=appointment, actor=actor)
        return _("预约 %(code)s 已签到，排队号 %(no)s（优先），前面 %(ahead)s 人") % {
            "code": appointment.code,
            "no": got.ticket.number,
            "ahead": got.ahead,
        }

    return _appointment_action(request, code, check_in)


@require_POST
@staff_page
def appointment_no_shows(request: HttpRequest) -> HttpResponse:
    center, _actor = _desk_actor(request)
    flipped = services.mark_no_shows(center=center)
    messages.success(request, _("已将 %(n)s 个超过签到时间的预约标记为爽约") % {"n": flipped})
    return _back_to_day(_day_param(request.POST.get("day")))


# 排队情况


@dataclass(frozen=True)
class LabelledRow:
    row: TicketRow
    priority: str
    source: str
    status: str


def _labelled(row: TicketRow) -> LabelledRow:
    return LabelledRow(
        row=row,
        priority=str(Priority(row.priority).label),
        source=str(Source(row.source).label),
        status=str(S(row.status).label),
    )


@staff_page
def queue_page(request: HttpRequest) -> HttpResponse:
    center, _actor, _can_act = _hall_reader(request)
    number = request.GET.get("number", "").strip().upper()
    if number:
        found = Ticket.objects.filter(center=center, day=_today(), number=number).first()
        if found is not None:
            return redirect("backoffice:hall_ticket", ticket_id=found.pk)
        messages.error(request, _("今天没有 %(no)s 号") % {"no": number})
    lines = list(selectors.category_estimates(center=center).values())
    chosen = request.GET.get("category", "")
    category_id = parse_id(chosen)
    category = Category.objects.filter(center=center, pk=category_id).first() if category_id is not None else None
    tickets = selectors.waiting_tickets(center=center, category=category)
    # The tickets at windows now (called, serving, held): not in a selector yet, a read of this page.
    at_windows = (
        Ticket.objects.filter(center=center, day=_today(), status__in=(S.CALLED, S.SERVING, S.HELD))
        .select_related("category", "window")
        .order_by("window__number", "called_at")
    )
    return render(
        request,
        "backoffice/hall_queue.html",
        {
            "center": center,
            "lines": lines,
            "total_waiting": sum(line.waiting for line in lines),
            "category": category,
            "tickets": [_labelled(row) for row in tickets],
            "at_windows": [_labelled(selectors.ticket_row(t)) for t in at_windows],
            "number": number,
            "now": timezone.now(),
        },
    )


@dataclass(frozen=True)
class PeriodLine:
    period: TicketPeriod
    label: str
    seconds: float
    text: str


@staff_page
def ticket_page(request: HttpRequest, ticket_id: int) -> HttpResponse:
    center, _actor, _can_act = _hall_reader(request)
    ticket = access_ticket(center, ticket_id)
    row, periods = selectors.ticket_detail(ticket=ticket)
    now = timezone.now()
    lines = [PeriodLine(p, str(S(p.state).label), p.seconds(now), _duration(p.seconds(now))) for p in periods]
    totals = {
        state: _duration(sum(line.seconds for line in lines if line.period.state == state))
        for state in (S.WAITING, S.CALLED, S.SERVING, S.HELD)
    }
    return render(
        request,
        "backoffice/hall_ticket.html",
        {
            "center": center,
            "ticket": ticket,
            "row": row,
            "lines": lines,
            "totals": totals,
            "cases": list(ticket.cases.select_related("item_version")),
            "priority_label": Priority(ticket.priority).label,
            "source_label": Source(ticket.source).label,
            "status_label": S(ticket.status).label,
        },
    )


# 统计


def _numbers_form(request: HttpRequest) -> NumbersForm:
    today = _today()
    data = request.GET.copy()
    data.setdefault("date_from", f"{today.replace(day=1):%Y-%m-%d}")
    data.setdefault("date_to", f"{today:%Y-%m-%d}")
    return NumbersForm(data)


COLUMN_LABELS = {
    "day": _lazy("日期"),
    "window": _lazy("窗口"),
    "clerk": _lazy("工作人员"),
    "category": _lazy("业务类别"),
    "hour": _lazy("取号时段"),
}


@dataclass(frozen=True)
class NumbersLine:
    label: str
    tickets: int
    served: int
    missed: int
    unserved: int
    avg_wait: str
    p90_wait: str
    avg_service: str
    p90_service: str
    appointments_kept: int
    appointments_missed: int


@staff_page
def numbers_page(request: HttpRequest) -> HttpResponse:
    center, _actor = require_org_reader(request.user, request)
    form = _numbers_form(request)
    lines: list[NumbersLine] = []
    totals: dict[str, int] = {}
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        try:
            rows = selectors.hall_numbers(
                center=center, date_from=data["date_from"], date_to=data["date_to"], by=data["by"]
            )
        except DomainError as failed:
            _field_error(form, failed)
            status = 400
        else:
            lines = [
                NumbersLine(
                    label=r.label,
                    tickets=r.tickets,
                    served=r.served,
                    missed=r.missed,
                    unserved=r.unserved,
                    avg_wait=_minutes(r.avg_wait_seconds),
                    p90_wait=_minutes(r.p90_wait_seconds),
                    avg_service=_minutes(r.avg_service_seconds),
                    p90_service=_minutes(r.p90_service_seconds),
                    appointments_kept=r.appointments_kept,
                    appointments_missed=r.appointments_missed,
                )
                for r in rows
            ]
            totals = {
                name: sum(getattr(r, name) for r in rows)
                for name in ("tickets", "served", "missed", "unserved", "appointments_kept", "appointments_missed")
            }
    else:
        status = 400
    by = form.cleaned_data.get("by", "day") if form.is_valid() else "day"
    query = {k: v for k, v in request.GET.items() if k in ("date_from", "date_to")}
    return render(
        request,
        "backoffice/hall_numbers.html",
        {
            "center": center,
            "form": form,
            "by": by,
            "tabs": list(BY_LABELS.items()),
            "column_label": COLUMN_LABELS[by],
            "lines": lines,
            "totals": totals,
            "range_query": urlencode(query),
            "export_query": urlencode({k: form.data.get(k, "") for k in ("date_from", "date_to")}),
        },
        status=status,
    )


@staff_page
def numbers_export(request: HttpRequest) -> HttpResponse:
    center, _actor = require_org_reader(request.user, request)
    form = _numbers_form(request)
    if not form.is_valid():
        messages.error(request, _("日期范围无效，未导出"))
        return redirect("backoffice:hall_numbers")
    data = form.cleaned_data
    try:
        content = numbers_workbook(center=center, date_from=data["date_from"], date_to=data["date_to"])
    except DomainError as failed:
        messages.error(request, failed.message)
        return redirect("backoffice:hall_numbers")
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    name = _("排队叫号统计-%(start)s-%(end)s.xlsx") % {
        "start": f"{data['date_from']:%Y%m%d}",
        "end": f"{data['date_to']:%Y%m%d}",
    }
    response["Content-Disposition"] = (
        f'attachment; filename="hall-numbers-{data["date_from"]:%Y%m%d}-{data["date_to"]:%Y%m%d}.xlsx"; '
        f"filename*=UTF-8''{quote(name)}"
    )
    return response
