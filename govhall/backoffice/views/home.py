"""The staff home: who you are and what your roles let you do."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from govhall.backoffice.decorators import staff_page
from govhall.cases.selectors import inbox_counts, window_counts
from govhall.org.access import ROLE_LABELS, roles_of, staff_of
from govhall.org.models import Role


@dataclass(frozen=True)
class Tile:
    title: str
    text: str
    url: str
    icon: str


def _org_tiles(read_only: bool) -> list[Tile]:
    departments, windows, staff = (
        reverse("backoffice:org_departments"),
        reverse("backoffice:org_windows"),
        reverse("backoffice:org_staff"),
    )
    if read_only:
        return [
            Tile(_("部门与进驻（只读）"), _("查看各部门进驻和授权到位情况，以及进驻率、授权到位率"), departments, "部"),
            Tile(_("窗口（只读）"), _("按楼层区域查看窗口、服务部门和工作人员"), windows, "窗"),
            Tile(_("工作人员（只读）"), _("查看工作人员的角色、部门和窗口"), staff, "人"),
        ]
    return [
        Tile(_("部门与进驻"), _("登记部门进驻和授权到位情况，查看进驻率和授权到位率"), departments, "部"),
        Tile(pgettext("page", "窗口"), _("按楼层区域管理窗口及其服务部门，新建、编辑、停用窗口"), windows, "窗"),
        Tile(_("工作人员"), _("管理工作人员的账号、角色、所属部门和窗口"), staff, "人"),
    ]


def _tiles(roles: frozenset[str]) -> list[Tile]:
    catalog = reverse("backoffice:catalog")
    if Role.CENTER_MANAGER in roles:
        return [
            Tile(_("事项管理"), _("查询、新建、编辑和发布政务服务事项，暂停或取消事项"), catalog, "事"),
            Tile(_("Excel导入导出"), _("下载事项目录工作簿，批量校验和导入事项"), reverse("backoffice:excel"), "表"),
            Tile(
                _("节假日管理"),
                _("导入国务院办公厅公布的节假日安排，登记临时调整"),
                reverse("backoffice:calendar"),
                "历",
            ),
            *_org_tiles(read_only=False),
        ]
    if Role.CHIEF_REPRESENTATIVE in roles:
        return [Tile(_("事项目录"), _("查阅全部事项；可编辑本部门事项的草稿"), catalog, "事")]
    catalog_tile = Tile(_("事项目录（只读）"), _("查阅事项的现行内容、历史版本和修改记录"), catalog, "事")
    if Role.SUPERVISOR in roles:
        return [catalog_tile, *_org_tiles(read_only=True)]
    return [catalog_tile]


def _case_tiles(user: object, roles: frozenset[str]) -> list[Tile]:
    """The case work a role does, as the navigation offers it; an approver's tile says how much is waiting."""
    tiles = []
    if roles & {Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE}:
        tiles.append(
            Tile(
                _("收件受理"),
                _("核验申请人，选择事项，勾选材料清单，受理、一次性告知补正或不予受理，打印通知书"),
                reverse("backoffice:intake"),
                "收",
            )
        )
    if roles & {Role.WINDOW_CLERK, Role.CHIEF_REPRESENTATIVE, Role.CENTER_MANAGER, Role.SUPERVISOR}:
        waiting = window_counts(user)
        tiles.append(
            Tile(
                _("窗口待办"),
                _("待受理 %(intake)s 件，待补正 %(supplement)s 件，待制证送达 %(result)s 件，待办结 %(close)s 件")
                % waiting,
                reverse("backoffice:window_work"),
                "窗",
            )
        )
    if roles & {Role.APPROVER, Role.CHIEF_REPRESENTATIVE}:
        counts = inbox_counts(user)
        tiles.append(
            Tile(
                _("待办"),
                _("我的待办 %(mine)s 件，部门待签收 %(pool)s 件，最紧急的在前") % counts,
                reverse("backoffice:inbox"),
                "办",
            )
        )
    tiles.append(
        Tile(
            _("办件查询"),
            _("按受理编号、申请人、事项、部门、状态、亮灯和日期查询办件，导出Excel"),
            reverse("backoffice:cases"),
            "查",
        )
    )
    return tiles


@staff_page
def home(request: HttpRequest) -> HttpResponse:
    profile = staff_of(request.user)
    roles = roles_of(request.user)
    return render(
        request,
        "backoffice/home.html",
        {
            "profile": profile,
            "windows": profile.windows.order_by("number") if profile else [],
            "role_labels": [str(ROLE_LABELS[r]) for r in Role.values if r in roles],
            "tiles": _tiles(roles) if profile else [],
            "case_tiles": _case_tiles(request.user, roles) if profile else [],
        },
    )
