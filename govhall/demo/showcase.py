"""Today's open cases that show the approver's step operations, made through the real services.

The history (govhall.demo.history) is written in bulk and has none of them. These ten cases do: 并联审批 at
acceptance (会签 half signed, 或签 still open, and one signed by every department and decided), a 会签 opened on
the current step, 委托, 撤回 (done, and still possible), 转办 and 回退. They are received and accepted today at
the county center, mostly for the market regulation bureau, whose staff are the demo logins (clerk, approver,
chief), so each shows on its case page and in the logins' inbox (我的待办 / 部门待签收).

Every case, applicant, item, department and member of staff is fixed (items by code, staff by username), so two
loads make the same cases. One audit entry (``demo.showcase.loaded``) records them with their receipt numbers and
makes the load idempotent; the whole set is written in one transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from stdnum.cn import uscc

from govhall.accounts.models import User
from govhall.cases import countersign, services
from govhall.cases.models import ApplicantKind, Case, Channel, IdKind, Task
from govhall.cases.services import Applicant, Intake, MaterialReceipt
from govhall.catalog.models import ServiceItem
from govhall.catalog.selectors import version_materials
from govhall.core import audit
from govhall.core.actors import Actor, system_actor
from govhall.core.models import AuditEntry
from govhall.demo.history import resident_id
from govhall.org.models import Center, Department, Role, Window
from govhall.org.selectors import center_departments

MARKER = "demo.showcase.loaded"
CENTER = "QC"

# Items by code (实施编码); each has at least two review steps (approver, then the chief representative's decision).
FOOD_NEW = "11519901MB820530XQ4000112605001"  # 食品经营许可（新办）: 审查 → 现场核查 → 决定
FOOD_CHANGE = "11519901MB820530XQ4000112605002"  # 食品经营许可（变更）: 审查 → 决定
FOOD_RENEW = "11519901MB820530XQ4000112605003"  # 食品经营许可（延续）: 审查 → 决定
DRUG_RETAIL = "11519901MB820530XQ4000112606001"  # 药品经营许可证（零售）核发: 材料审查 → 现场检查 → 决定
SPECIAL_EQUIPMENT = "11519901MB820530XQ4000112608001"  # 特种设备使用登记: 审查 → 决定
BUILDING_PERMIT = "11519901MB1515006L4000111501001"  # 建筑工程施工许可证核发 (住建局): 审查 → 决定
PUBLIC_HYGIENE = "11519901MB433776X54000112001001"  # 公共场所卫生许可（新办）(卫健局): 审查 → 现场审核 → 决定

# Departments by code (all stationed at the county center).
MARKET, HEALTH, FIRE, HOUSING, LAND = "QCSCJG", "QCWJJ", "QCXFJY", "QCZJJ", "QCZRJ"

# Staff by username (govhall/demo/data/people.py): the demo logins and the other departments' signers.
CLERK, APPROVER, CHIEF = "clerk", "approver", "chief"  # 李晓梅 (window 01), 张伟, 赵丽华: 市场监管局
BUILDING_CLERK = "hanxue"  # 韩雪, 工程建设项目综合受理窗口 (window 11)
HEALTH_APPROVER, FIRE_CHIEF = "taoran", "tanjun"  # 陶然 (卫健局), 谭军 (消防救援大队)
HOUSING_APPROVER, HOUSING_CHIEF = "leiming", "sujianjun"  # 雷鸣, 苏建军 (住建局)
LAND_APPROVER = "jiali"  # 贾丽 (自然资源和规划局)
CLERKS = {"01": CLERK, "11": BUILDING_CLERK}  # who sits at the window a case is received at
USERNAMES = (
    *CLERKS.values(),
    APPROVER,
    CHIEF,
    HEALTH_APPROVER,
    FIRE_CHIEF,
    HOUSING_APPROVER,
    HOUSING_CHIEF,
    LAND_APPROVER,
)


def _credit_code(organisation: str) -> str:
    """A valid unified social credit code of a company registered in the demo county (9 characters of its own)."""
    body = f"91519901{organisation}"
    return body + uscc.calc_check_digit(body)  # (over the 17 characters given, unlike ric's)


def _person(name: str, born: datetime.date, sequence: int, phone: str) -> Applicant:
    return Applicant(
        kind=ApplicantKind.PERSON,
        name=name,
        id_kind=IdKind.RESIDENT_ID,
        id_number=resident_id(born, sequence),
        phone=phone,
        address="清川县城关镇",
    )


def _company(name: str, organisation: str, agent: tuple[str, datetime.date, int], phone: str) -> Applicant:
    """A company applying through its agent (经办人: name, birth date, ID sequence)."""
    agent_name, born, sequence = agent
    return Applicant(
        kind=ApplicantKind.ENTERPRISE,
        name=name,
        id_kind=IdKind.CREDIT_CODE,
        id_number=_credit_code(organisation),
        phone=phone,
        address="清川县城关镇",
        agent_name=agent_name,
        agent_id_number=resident_id(born, sequence),
        agent_phone=phone,
    )


class _Cast:
    """The center, departments, windows, staff and items the showcase names, read once."""

    def __init__(self) -> None:
        self.center = Center.objects.get(code=CENTER)
        self.departments = {d.code: d for d in center_departments(self.center)}
        self.windows = {w.number: w for w in Window.objects.filter(center=self.center)}
        self.users = {u.username: u for u in User.objects.filter(username__in=USERNAMES)}
        codes = [s.item for s in SHOWCASE]
        self.items = {i.code: i for i in ServiceItem.objects.filter(code__in=codes).select_related("current_version")}
        missing = [*(set(USERNAMES) - set(self.users)), *(set(codes) - set(self.items))]
        if missing:
            raise LookupError(f"演示数据不完整，缺少：{'、'.join(sorted(missing))}")

    def actor(self, username: str, role: str) -> Actor:
        return Actor(self.users[username], role)

    def clerk(self, window: Window | None) -> Actor:
        """The clerk at the window the case was received at."""
        return self.actor(CLERKS[window.number if window is not None else "01"], Role.WINDOW_CLERK)

    def department(self, code: str) -> Department:
        return self.departments[code]


def _open_task(case: Case, department: Department | None = None) -> Task:
    """The case's open task (of ``department``, by default the deciding one's)."""
    department_id = department.pk if department is not None else case.deciding_department_id
    return Task.objects.get(case=case, state=Task.State.OPEN, department_id=department_id)


def _accept(cast: _Cast, case: Case, parallel: Sequence[str] = (), mode: str = Task.Mode.ALL) -> Case:
    return services.accept_case(
        case=case, actor=cast.clerk(case.window), parallel=[cast.department(c) for c in parallel], parallel_mode=mode
    )


# --- the operations, one case each --------------------------------------------------------------------------------
def _countersign_half_signed(cast: _Cast, case: Case) -> None:
    """并联审批 at acceptance, 会签: the health bureau has signed; market regulation and the fire brigade have not."""
    case = _accept(cast, case, parallel=[HEALTH, FIRE])
    health = _open_task(case, cast.department(HEALTH))
    services.complete_task(
        task=health,
        opinion="同意。从业人员健康证明齐全，卫生条件符合要求。",
        actor=cast.actor(HEALTH_APPROVER, Role.APPROVER),
    )


def _anysign_open(cast: _Cast, case: Case) -> None:
    """并联审批 at acceptance, 或签: the first of market regulation and the health bureau to sign settles the step."""
    _accept(cast, case, parallel=[HEALTH], mode=Task.Mode.ANY)


def _parallel_decided(cast: _Cast, case: Case) -> None:
    """并联审批 at acceptance, 会签 by housing, land and fire, all signed; housing's chief representative decided."""
    case = _accept(cast, case, parallel=[LAND, FIRE])
    signers = ((LAND, LAND_APPROVER), (FIRE, FIRE_CHIEF), (HOUSING, HOUSING_APPROVER))
    following = None
    for department, username in signers:
        task = _open_task(case, cast.department(department))
        following = services.complete_task(task=task, opinion="同意", actor=cast.actor(username, Role.APPROVER))
    assert following is not None  # the last signature opens the decision
    services.decide_case(
        case=case,
        approve=True,
        reason="经并联审查，符合施工许可条件，准予许可。",
        actor=cast.actor(HOUSING_CHIEF, Role.CHIEF_REPRESENTATIVE),
    )


def _countersign_on_step(cast: _Cast, case: Case) -> None:
    """会签 opened on the current step by the deciding department: a joint site inspection with the fire brigade."""
    case = _accept(cast, case)
    services.complete_task(
        task=_open_task(case), opinion="材料齐全，转现场检查。", actor=cast.actor(APPROVER, Role.APPROVER)
    )
    countersign.open_countersign(
        case=case,
        departments=[cast.department(FIRE)],
        step_name="现场检查",
        actor=cast.actor(CHIEF, Role.CHIEF_REPRESENTATIVE),
    )


def _delegated(cast: _Cast, case: Case) -> None:
    """委托: the chief representative claimed the review and has 张伟 do it for her (his 我的待办)."""
    case = _accept(cast, case)
    chief = cast.actor(CHIEF, Role.APPROVER)
    task = services.claim_task(task=_open_task(case), actor=chief)
    services.delegate_task(
        task=task, to_user=cast.users[APPROVER], reason="外出参加培训，委托张伟代为审查。", actor=chief
    )


def _retracted(cast: _Cast, case: Case) -> None:
    """撤回: 张伟 finished the review, then took it back before the decision was touched; it is his again."""
    case = _accept(cast, case)
    approver = cast.actor(APPROVER, Role.APPROVER)
    sent = services.complete_task(task=_open_task(case), opinion="同意", actor=approver)
    assert sent is not None
    services.retract_task(task=sent, reason="审查意见需补充电梯定期检验报告编号。", actor=approver)


def _retractable(cast: _Cast, case: Case) -> None:
    """Sent on and still retractable: 张伟 finished the review; the decision waits, unclaimed, for the chief."""
    case = _accept(cast, case)
    services.complete_task(
        task=_open_task(case), opinion="变更事项与材料一致，同意。", actor=cast.actor(APPROVER, Role.APPROVER)
    )


def _transferred(cast: _Cast, case: Case) -> None:
    """转办: 张伟 claimed the review and handed it to 赵丽华 (he knows the applicant and stands aside)."""
    case = _accept(cast, case)
    approver = cast.actor(APPROVER, Role.APPROVER)
    task = services.claim_task(task=_open_task(case), actor=approver)
    services.transfer_task(
        task=task,
        to_user=cast.users[CHIEF],
        reason="申请单位负责人系本人亲属，申请回避，转赵丽华办理。",
        actor=approver,
    )


def _returned(cast: _Cast, case: Case) -> None:
    """回退: the site visit sent the case back to the review with its reason; 张伟 reviews again."""
    case = _accept(cast, case)
    review = _open_task(case)
    services.complete_task(task=review, opinion="同意，转现场核查。", actor=cast.actor(APPROVER, Role.APPROVER))
    services.return_task(
        task=_open_task(case),
        to_position=review.step_position,
        reason="现场核查发现库房位置与平面图不符，退回审查环节核实。",
        actor=cast.actor(CHIEF, Role.APPROVER),
    )


def _signs_for_another(cast: _Cast, case: Case) -> None:
    """并联审批 at acceptance of the health bureau's case: market regulation's 会签 task waits in its pool."""
    _accept(cast, case, parallel=[MARKET])


@dataclass(frozen=True)
class Showcase:
    shows: str  # what the case shows, as the load_demo summary prints it
    item: str
    applicant: Applicant
    run: Callable[[_Cast, Case], None]
    window: str = "01"


SHOWCASE: tuple[Showcase, ...] = (
    Showcase(
        "并联审批·会签：卫健局已签，市场监管局、消防救援大队待签",
        FOOD_NEW,
        _company("清川县禾丰餐饮管理有限公司", "MA6CQ8L1X", ("陈国栋", datetime.date(1980, 4, 12), 31), "13808120451"),
        _countersign_half_signed,
    ),
    Showcase(
        "并联审批·或签：市场监管局、卫健局任一方签署即转「决定」",
        FOOD_CHANGE,
        _person("黄秀英", datetime.date(1972, 9, 18), 24, "13908126632"),
        _anysign_open,
    ),
    Showcase(
        "并联审批·会签已完成：住建局、自然资源规划局、消防救援大队均已签署，已准予许可（manager 可查看）",
        BUILDING_PERMIT,
        _company("清川县城投置业有限公司", "MA7D2K4P3", ("刘建华", datetime.date(1976, 2, 23), 53), "13551870239"),
        _parallel_decided,
        window="11",
    ),
    Showcase(
        "会签（审查中发起）：首席代表就「现场检查」邀消防救援大队会签",
        DRUG_RETAIL,
        _company("清川县康宁大药房有限公司", "MA5H9T2B6", ("周敏", datetime.date(1988, 7, 5), 42), "15928120746"),
        _countersign_on_step,
    ),
    Showcase(
        "委托：赵丽华签收「审查」后委托张伟代办",
        FOOD_RENEW,
        _person("吴桂兰", datetime.date(1965, 1, 30), 48, "13330815527"),
        _delegated,
    ),
    Showcase(
        "撤回：张伟办结「审查」后撤回，重新办理",
        SPECIAL_EQUIPMENT,
        _company("清川县金桥物业服务有限公司", "MA3E6W8R1", ("孙磊", datetime.date(1983, 8, 11), 75), "18980126613"),
        _retracted,
    ),
    Showcase(
        "可撤回：张伟已办结「审查」，「决定」尚无人签收",
        FOOD_CHANGE,
        _person("马丽娟", datetime.date(1991, 5, 27), 62, "15182013374"),
        _retractable,
    ),
    Showcase(
        "转办：张伟签收「审查」后因回避转赵丽华办理",
        SPECIAL_EQUIPMENT,
        _company("清川县川东茶叶加工厂", "MA4F7N3C5", ("罗军", datetime.date(1970, 3, 16), 19), "13699047815"),
        _transferred,
    ),
    Showcase(
        "回退：「现场核查」退回「审查」，待张伟重新审查",
        FOOD_NEW,
        _person("郭志强", datetime.date(1985, 9, 4), 17, "18708126498"),
        _returned,
    ),
    Showcase(
        "并联审批·会签：卫健局的办件，市场监管局会签（部门待签收）",
        PUBLIC_HYGIENE,
        _company("清川县悦澜酒店有限公司", "MA2G5L9K7", ("何静", datetime.date(1987, 6, 20), 86), "13880917426"),
        _signs_for_another,
    ),
)


def _submit(cast: _Cast, showcase: Showcase) -> Case:
    item = cast.items[showcase.item]
    version = item.current_version
    assert version is not None
    intake = Intake(
        item=item,
        applicant=showcase.applicant,
        channel=Channel.WINDOW,
        center=cast.center,
        window=cast.windows[showcase.window],
        materials=[MaterialReceipt(m.pk) for m in version_materials(version)],
    )
    return services.submit_case(intake=intake, actor=cast.clerk(intake.window))


def loaded() -> bool:
    return AuditEntry.objects.filter(action=MARKER).exists()


@transaction.atomic
def load_showcase() -> list[str]:
    """Make the showcase cases once; their receipt numbers (none when they are already there)."""
    if loaded():
        return []
    cast = _Cast()
    made: list[list[str]] = []
    for showcase in SHOWCASE:
        case = _submit(cast, showcase)
        showcase.run(cast, case)
        made.append([case.receipt_number, showcase.shows])
    audit.record(
        actor=system_actor("load_demo"),
        action=MARKER,
        obj=("demo.showcase", 1),
        changes={"cases": made},
        object_repr=f"演示办理环节示例办件 {len(made)} 件",
    )
    return [receipt for receipt, _ in made]


def showcase_cases() -> list[tuple[str, str]]:
    """(receipt number, what it shows) of the loaded showcase cases, in the order they were made."""
    entry = AuditEntry.objects.filter(action=MARKER).order_by("pk").first()
    if entry is None:
        return []
    cases: list[Any] = entry.changes.get("cases", [])
    return [(str(receipt), str(shows)) for receipt, shows in cases]
