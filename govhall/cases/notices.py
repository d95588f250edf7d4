"""Written notices and decisions (文书): rendered to PDF once, stored, hashed into the audit log.

The text is set in ReportLab's built-in STSong-Light (Adobe-GB1 CID font, no font file to ship): every
PDF reader carries a substitute, and the text stays extractable. Layout follows GB/T 9704 loosely.
"""

from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import io
import logging
import os
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from html import escape
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from reportlab import rl_config
from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, _digester
from reportlab.pdfbase import cidfonts, pdfdoc, pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
    paragraph,
)

from govhall.cases import seals
from govhall.cases.models import Case, CaseEvent, Notice, NoticeKind
from govhall.cases.numbering import next_notice_number, number_notice
from govhall.cases.qr import qr_rows
from govhall.catalog.models import CaseType
from govhall.core import audit, sqlbatch
from govhall.core.actors import Actor
from govhall.core.models import AuditEntry
from govhall.org.models import Department

logger = logging.getLogger(__name__)
FONT = "STSong-Light"


class _Formatted(pdfdoc.PDFObject):
    """A PDF object whose bytes are already known, but for the reference to another object it may hold (whose number
    is the document's): ``before``, the reference set as ``smask``, ``after``."""

    smask: pdfdoc.PDFObject | None = None

    def __init__(self, before: bytes, after: bytes = b"") -> None:
        self.before, self.after = before, after

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        if self.smask is None:
            return self.before + self.after
        return self.before + pdfdoc.format(self.smask, document) + self.after


@functools.lru_cache(maxsize=64)
def _cid_font_dictionary(face: str, encoding: str, name: str) -> bytes:
    info = copy.deepcopy(cidfonts.CIDFontInfo[face])
    info["Name"], info["Encoding"] = "/" + name, "/" + encoding
    return bytes(pdfdoc.format(cidfonts.structToPDF(info), pdfdoc.PDFDocument(invariant=1)))


class _CIDFont(UnicodeCIDFont):
    """``UnicodeCIDFont`` whose font dictionary is formatted once: it is the same in every notice (its widths are the
    face's, not those of the characters used), and formatting its ~300 entries took a tenth of a notice's rendering.
    ``CIDFont.addObjects`` with the dictionary's bytes cached by face, encoding and resource name."""

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        if not isinstance(doc.encrypt, pdfdoc.NoEncryption):  # its strings are encrypted per object
            super().addObjects(doc)
            return
        name = "F" + repr(len(doc.fontMapping) + 1)
        dictionary = _Formatted(_cid_font_dictionary(self.face.name, self.encodingName, name))
        doc.idToObject["BasicFonts"].dict[name] = doc.Reference(dictionary, name)
        doc.fontMapping[self.name] = "/" + name


pdfmetrics.registerFont(_CIDFont(FONT))
# ReportLab's line breaker knows the Japanese list of marks that may not start a line; add the Chinese
# closing marks (GB/T 15834) so "》" or "，" never opens a line of a notice.
_CLOSING = "》，；：？！”’"
textsplit.ALL_CANNOT_START += _CLOSING  # single-style paragraphs
paragraph.ALL_CANNOT_START += _CLOSING  # mixed-style paragraphs

EVENT_KINDS: dict[str, NoticeKind] = {
    "accepted": NoticeKind.ACCEPTANCE,
    "deemed_accepted": NoticeKind.ACCEPTANCE,
    "refused": NoticeKind.REFUSAL,
    "supplement_requested": NoticeKind.SUPPLEMENT,
    "suspended": NoticeKind.SPECIAL_PROCEDURE,
    "extended": NoticeKind.EXTENSION,
    "approved": NoticeKind.APPROVAL,
    "denied": NoticeKind.DENIAL,
    "delivered": NoticeKind.SERVICE_RECEIPT,
}

# The word in the document number: 受字, 补字 ...
NUMBER_WORDS: dict[str, str] = {
    NoticeKind.ACCEPTANCE: "受",
    NoticeKind.REFUSAL: "不受",
    NoticeKind.SUPPLEMENT: "补",
    NoticeKind.SPECIAL_PROCEDURE: "特",
    NoticeKind.EXTENSION: "延",
    NoticeKind.APPROVAL: "准",
    NoticeKind.DENIAL: "不准",
    NoticeKind.SERVICE_RECEIPT: "送",
}

LAW = "《中华人民共和国行政许可法》"
# 行政复议法 (2023) Art. 20: 60 days; 行政诉讼法 Art. 46: six months. Both run from when the applicant learns of it.
RIGHTS = (
    "如不服本{doc}，可以自收到本{doc}之日起六十日内依法向{body}申请行政复议，"
    "或者自收到本{doc}之日起六个月内依法向人民法院提起行政诉讼。"
)
SIGN_HERE = "\n\n年  月  日"  # blank lines to sign on; spaces kept by the table cell
DEFAULT_RECONSIDERATION_BODY = "本级人民政府"  # 行政复议法 (2023) Art. 24 for county-level departments


def kind_for_event(action: str) -> NoticeKind | None:
    """The notice a timeline event gives the applicant in writing, if any."""
    return EVENT_KINDS.get(action)


def public_url(notice: Notice) -> str:
    return settings.GOVHALL_PUBLIC_URL.rstrip("/") + reverse("portal:verify", args=[notice.token])


def cn_date(day: datetime.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "____年__月__日"


# --- issuing ------------------------------------------------------------------------------------------
def issue_notice(*, case: Case, kind: str, actor: Actor, context: Mapping[str, Any]) -> Notice:
    """Number, fix the content of and write one notice inside the transaction of the action it records."""
    notice, writes = prepare_notice(case=case, kind=kind, actor=actor, context=context)
    if not numbered_at_issue():  # pending for the worker: the row takes its key from the table
        sqlbatch.insert_returning_pk(notice)
    else:
        sqlbatch.run(writes)
    return notice


def numbered_at_issue() -> bool:
    """Whether a notice takes its number with the action that issues it (``inline`` rendering: the PDF, which prints
    the number, is made then) or when the worker renders it (``worker``)."""
    return rendering_mode() == "inline"


def prepare_notice(
    *, case: Case, kind: str, actor: Actor, context: Mapping[str, Any]
) -> tuple[Notice, list[sqlbatch.Statement]]:
    """Fix the content of one notice; its row (and audit entry) as writes for the caller to send with the action's
    own, in the action's transaction.

    With ``GOVHALL_NOTICE_RENDERING = "inline"`` (the default) the notice is numbered, its PDF rendered and stored,
    and its audit chain begun here (where the database cannot give the row its key beforehand, row and entry are
    written here and nothing is left to send). With ``"worker"`` the row is left pending, with its content but no
    number: ``manage.py render_notices`` numbers it (gapless: the counter is bumped in the worker's transaction),
    renders it and begins its audit chain; the action's own audit entry records the notice owed. The action then
    needs no counter and writes in one statement. Either way the row exists once the action commits, so no notice is
    ever lost."""
    kind = NoticeKind(kind)
    if kind is NoticeKind.SERVICE_RECEIPT and actor.user is not None:
        context = {"server": actor.name, **context}
    issued_on = context.get("issued_on") or _issued_on(case, kind)
    notice = Notice(case=case, kind=kind, issued_on=issued_on, token=secrets.token_urlsafe(24))
    notice.content = asdict(content_for(case, kind, context))
    if not numbered_at_issue():
        return notice, [sqlbatch.insert(notice)]
    number, key = number_notice(case.deciding_department, kind, NUMBER_WORDS[kind], issued_on.year)
    notice.number = number
    # The file is written before the row: a rollback leaves an unreferenced file, never a row without one.
    _attach_pdf(notice)
    writes: list[sqlbatch.Statement] = []
    if key is None:
        sqlbatch.insert_returning_pk(notice)  # insert only: a notice is never rewritten
    else:
        notice.pk = key
        notice._state.adding = False
        writes.append(sqlbatch.insert(notice, with_key=True))
    writes.append(sqlbatch.insert(_issued_entry(notice, actor)))
    if key is None:
        sqlbatch.run(writes)
        return notice, []
    return notice, writes


def _issued_entry(notice: Notice, actor: Actor) -> AuditEntry:
    """The first entry of a notice's audit chain: its number, and the hash of its PDF."""
    return audit.entry_after(
        audit.NEW,
        actor=actor,
        action="cases.notice.issued",
        obj=notice,
        changes={
            "case": notice.case.receipt_number,
            "number": notice.number,
            "kind": notice.kind,
            "sha256": notice.sha256,
            "file": notice.file.name or None,
        },
    )


def rendering_mode() -> str:
    return str(getattr(settings, "GOVHALL_NOTICE_RENDERING", "inline"))


def _attach_pdf(notice: Notice) -> None:
    pdf = render(notice)
    notice.sha256 = hashlib.sha256(pdf).hexdigest()
    notice.file.save(f"{notice.token}.pdf", ContentFile(pdf), save=False)
    notice.rendered_at = timezone.now()


@functools.cache
def _pending_sql(lock: str) -> str:
    return (
        f"SELECT {sqlbatch.columns(Notice, 'n')}, {sqlbatch.columns(Case, 'c')}, {sqlbatch.columns(Department, 'd')}, "
        f'{audit.head_sql()} FROM "{Notice._meta.db_table}" n JOIN "{Case._meta.db_table}" c ON c."id" = n."case_id" '
        f'JOIN "{Department._meta.db_table}" d ON d."id" = c."deciding_department_id" '
        f'WHERE n."id" = %s AND n."rendered_at" IS NULL '
        # A case's notices are rendered (and numbered) in the order they were issued: a 送达回证 names the decision's
        # number, which the decision takes when it is rendered.
        f'AND NOT EXISTS (SELECT 1 FROM "{Notice._meta.db_table}" e WHERE e."case_id" = n."case_id" '
        f'AND e."id" < n."id" AND e."rendered_at" IS NULL){lock}'
    )


def _pending(pk: int) -> tuple[Notice, audit.Head] | None:
    """A pending notice, locked (skipped if another worker holds it, or if an earlier notice of its case is still
    pending: it comes on a later pass), with its case, department and audit head."""
    sql = _pending_sql(sqlbatch.select_for_update(of="n", skip_locked=True))
    row = sqlbatch.fetch_one(sql, [audit.chain_name(("cases.notice", pk))[0], pk])
    if row is None:
        return None
    (notice, case, department), (head,) = sqlbatch.split(row, Notice, Case, Department)
    Case.deciding_department.field.set_cached_value(case, department)
    Notice.case.field.set_cached_value(notice, case)
    return notice, audit.parse_head(head)


def render_pending(*, limit: int = 100, actor: Actor | None = None) -> int:
    """Render notices left pending by the worker mode; safe to run in several processes at once.

    A notice issued without a number takes it here, in the same transaction as its file and its audit entry: a
    failed rendering rolls the counter back, so numbers stay gapless. A notice that fails is logged and left pending
    (it is tried again on the next pass; its case's later notices wait for it), and the others go on."""
    done = 0
    worker = actor or Actor(user=None, role="render_notices")
    for pk in Notice.objects.filter(rendered_at=None).order_by("created_at").values_list("pk", flat=True)[:limit]:
        try:
            done += _render_one(pk, worker)
        except Exception:
            logger.exception("文书 %s 渲染失败，留待下次重试", pk)
    return done


def _render_one(pk: int, worker: Actor) -> int:
    with transaction.atomic():
        found = _pending(pk)
        if found is None:
            return 0  # another worker has it, it was rendered meanwhile, or an earlier notice of its case waits
        notice, head = found
        if not notice.number:
            kind = NoticeKind(notice.kind)
            notice.number = next_notice_number(
                notice.case.deciding_department, kind, NUMBER_WORDS[kind], notice.issued_on.year
            )
        _attach_pdf(notice)
        # Write-once: only a row still pending takes its number, file and hash; sent with the audit entry.
        store = sqlbatch.Statement(
            'UPDATE "cases_notice" SET "number" = %s, "file" = %s, "sha256" = %s, "rendered_at" = %s '
            'WHERE "id" = %s AND "rendered_at" IS NULL',
            [
                notice.number,
                notice.file.name,
                notice.sha256,
                sqlbatch.value(Notice, "rendered_at", notice.rendered_at),
                pk,
            ],
        )
        if head == audit.NEW:  # numbered here: the notice's chain begins with its issue, as inline
            sqlbatch.run([store, audit.insert_strict(_issued_entry(notice, worker))])
        else:  # numbered and audited when issued (before this version): the rendering follows
            audit.record(
                actor=worker,
                action="cases.notice.rendered",
                obj=notice,
                changes={"sha256": notice.sha256, "file": notice.file.name},
                head=head,
                along=[store],
            )
        return 1


def writes_for_event(
    *, case: Case, action: str, actor: Actor, note: str, data: Mapping[str, Any]
) -> list[sqlbatch.Statement]:
    """The notice a timeline event owes the applicant (Art. 32, 38, 42, 45), numbered now; its writes to send with
    the event's."""
    kind = kind_for_event(action)
    if kind is None:
        return []
    return prepare_notice(case=case, kind=kind, actor=actor, context={"reason": note, **data})[1]


def _issued_on(case: Case, kind: NoticeKind) -> datetime.date:
    if kind is NoticeKind.ACCEPTANCE and case.accepted_on and not case.deemed_accepted:
        return case.accepted_on
    if kind in (NoticeKind.APPROVAL, NoticeKind.DENIAL) and case.decided_on:
        return case.decided_on
    if kind is NoticeKind.REFUSAL and case.closed_on:
        return case.closed_on
    if kind is NoticeKind.EXTENSION and (ext := case.extensions.order_by("-pk").first()):
        return ext.approved_on
    if kind is NoticeKind.SPECIAL_PROCEDURE and (sus := case.suspensions.order_by("-pk").first()):
        return sus.started_on
    return timezone.localdate()


def file_matches(notice: Notice) -> bool:
    """Whether the stored PDF is still the one issued (its hash recomputes)."""
    if not notice.sha256:
        return False
    try:
        with notice.file.open("rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except (FileNotFoundError, OSError, ValueError):
        return False
    return secrets.compare_digest(digest, notice.sha256)


# --- content ------------------------------------------------------------------------------------------
@dataclass
class Content:
    paragraphs: list[str]
    listing: list[str]
    after: list[str]
    table: list[tuple[str, str]] | None = None


def _you(case: Case) -> str:
    return "你" if case.applicant_kind == "person" else "你单位"


def _deadline_line(case: Case) -> str:
    parts = []
    if case.legal_deadline:
        parts.append(f"法定办结期限为{cn_date(case.legal_deadline)}")
    if case.promised_deadline:
        parts.append(f"承诺办结期限为{cn_date(case.promised_deadline)}")
    return "，".join(parts)


_UNITS = {"working_days": "个工作日", "natural_days": "日", "hours": "小时"}


def _limit_text(case: Case) -> str:
    """The legal limit as the law's text counts it: "20个工作日", "30日", "48小时"."""
    return f"{case.legal_limit}{_UNITS.get(case.limit_unit, '个工作日')}"


def content_for(case: Case, kind: NoticeKind, context: Mapping[str, Any]) -> Content:
    you = _you(case)
    item = f"“{case.item_version.name}”"
    applied = f"{you}于{cn_date(case.received_on)}提出的{item}行政许可申请"
    reason = str(context.get("reason") or "").strip().rstrip("。")
    body = str(context.get("reconsideration_body") or DEFAULT_RECONSIDERATION_BODY)
    if kind is NoticeKind.ACCEPTANCE:
        if case.deemed_accepted:
            grounds = (
                f"本机关未在五个工作日内一次告知需要补正的全部内容。根据{LAW}第三十二条第一款第（四）项的规定，"
                f"自收到申请材料之日（{cn_date(case.received_on)}）起即为受理"
            )
        else:
            grounds = f"申请材料齐全、符合法定形式。根据{LAW}第三十二条第一款第（五）项的规定，本机关决定予以受理"
        if case.item_version.case_type == CaseType.IMMEDIATE or not case.legal_limit:
            # 即办件: decided at the window in the same sitting (Art. 34, para. 2), no period to state.
            limit = f"本机关将当场作出书面的行政许可决定（{LAW}第三十四条第二款）。"
        else:
            limit = (
                f"本机关将自受理之日起{_limit_text(case)}内作出行政许可决定（{_deadline_line(case)}）。"
                f"依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内"
                f"（{LAW}第四十二条、第四十五条）。"
            )
        return Content([f"{applied}，经审查，{grounds}。受理编号：{case.receipt_number}。", limit], [], [])
    if kind is NoticeKind.REFUSAL:
        refer = str(context.get("refer_to") or "").strip()
        tail = f"请向{refer}申请。" if refer else ""
        return Content(
            [
                f"{applied}（收件编号：{case.receipt_number}），经审查，{reason}。"
                f"根据{LAW}第三十二条第一款的规定，本机关决定不予受理。{tail}",
                RIGHTS.format(doc="通知书", body=body),
            ],
            [],
            [],
        )
    if kind is NoticeKind.SUPPLEMENT:
        missing = [str(m) for m in context.get("missing") or _missing_from_events(case)]
        return Content(
            [
                f"{applied}（收件编号：{case.receipt_number}），申请材料不齐全或者不符合法定形式。"
                f"根据{LAW}第三十二条第一款第（四）项的规定，现一次告知{you}需要补正的全部内容如下："
            ],
            missing,
            [
                *([f"说明：{reason}。"] if reason else []),
                "请按上述清单一次补齐材料后提交。补正的申请材料齐全、符合法定形式的，本机关将予以受理。",
            ],
        )
    if kind is NoticeKind.SPECIAL_PROCEDURE:
        procedure = str(context.get("procedure") or "特别程序")
        expected = str(context.get("expected") or "").strip()
        counts = (
            f"根据{LAW}第四十五条的规定，{procedure}所需时间不计算在行政许可期限内，期限自该程序结束之日起继续计算。"
            if context.get("stops_clock", True)
            else f"{procedure}所需时间计算在办理期限内，办理期限不变。"
        )
        return Content(
            [
                f"{applied}（受理编号：{case.receipt_number}），"
                f"{'因' + reason + '，' if reason else ''}依法需要进行{procedure}，本机关决定启动{procedure}程序。"
                + (f"预计所需时间：{expected}。" if expected else ""),
                counts,
            ],
            [],
            [],
        )
    if kind is NoticeKind.EXTENSION:
        days = int(context.get("days") or case.extension_days)
        return Content(
            [
                f"{applied}（受理编号：{case.receipt_number}），因{reason}，"
                f"不能在{_limit_text(case)}内作出决定。经本机关负责人批准，根据{LAW}第四十二条第一款的规定，"
                f"办理期限延长{days}个工作日。",
                f"延长后，{_deadline_line(case)}。",
            ],
            [],
            [],
        )
    if kind is NoticeKind.APPROVAL:
        return Content(
            [
                f"{applied}（受理编号：{case.receipt_number}），经审查，符合法定条件、标准。"
                f"根据{LAW}第三十八条第一款的规定，本机关决定准予行政许可。",
                f"本机关将自作出本决定之日起十个工作日内向{you}颁发、送达行政许可证件（{LAW}第四十四条）。",
            ],
            [],
            [],
        )
    if kind is NoticeKind.DENIAL:
        return Content(
            [
                f"{applied}（受理编号：{case.receipt_number}），经审查，{reason}。"
                f"根据{LAW}第三十八条第二款的规定，本机关决定不予行政许可。",
                RIGHTS.format(doc="决定", body=body),
            ],
            [],
            [],
        )
    documents = str(
        context.get("documents") or (_delivered_documents(case) if numbered_at_issue() else DELIVERED_DOCUMENTS)
    )
    return Content(
        [],
        [],
        [],
        table=[
            ("送达文书名称及文号", documents),
            ("受送达人", case.applicant_name),
            ("受理编号", case.receipt_number),
            ("送达地点", str(context.get("address") or case.applicant_address or "政务服务中心窗口")),
            ("送达方式", str(context.get("method") or "直接送达")),
            ("受送达人签名或盖章", SIGN_HERE),
            ("代收人及代收理由", ""),
            ("送达人", str(context.get("server") or "")),
            ("备注", reason),
        ],
    )


def _missing_from_events(case: Case) -> list[str]:
    event = CaseEvent.objects.filter(case=case, action="supplement_requested").order_by("-pk").first()
    return list(event.data.get("missing", [])) if event else []


def _delivered_documents(case: Case) -> str:
    # The decision's kind and number only (the row's content is large and not needed here).
    decision = sqlbatch.fetch_one(
        'SELECT "kind", "number" FROM "cases_notice" WHERE "case_id" = %s AND "kind" IN (%s, %s) '
        'ORDER BY "id" DESC LIMIT 1',
        [case.pk, NoticeKind.APPROVAL.value, NoticeKind.DENIAL.value],
    )
    if decision is None:
        return "行政许可证件"
    kind, number = decision
    label = NoticeKind(kind).label
    return f"《{label}》（{number or '文号待定'}）" + ("及行政许可证件" if kind == NoticeKind.APPROVAL else "")


# In a 送达回证's content when the render worker numbers notices: the documents delivered are named when it is
# rendered, after its decision was (a case's notices are rendered in issue order, ``_pending``), with its number.
DELIVERED_DOCUMENTS = "{delivered_documents}"


# --- rendering ----------------------------------------------------------------------------------------
_TITLE = ParagraphStyle("title", fontName=FONT, fontSize=22, leading=32, alignment=TA_CENTER, spaceAfter=4 * mm)
_NUMBER = ParagraphStyle("number", fontName=FONT, fontSize=12, leading=18, alignment=TA_RIGHT, spaceAfter=6 * mm)
_BODY = ParagraphStyle(
    "body", fontName=FONT, fontSize=14, leading=26, firstLineIndent=28, wordWrap="CJK", spaceAfter=2 * mm
)
_RECIPIENT = ParagraphStyle("recipient", parent=_BODY, firstLineIndent=0)
_ITEM = ParagraphStyle("item", parent=_BODY, leftIndent=28, firstLineIndent=0, spaceAfter=0)
_CELL = ParagraphStyle("cell", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK")
_SIGN_CELL = ParagraphStyle("sign", parent=_CELL, alignment=TA_RIGHT, wordWrap=None)


_Wrap = tuple[float, float, list[float], Any]  # what Paragraph.wrap sets: width, height, _wrapWidths, blPara
_SHARED_WRAPS: dict[tuple[str, ParagraphStyle, float], _Wrap] = {}
_SHARED_WRAPS_MAX = 4096


class _Paragraph(Paragraph):
    """A paragraph that reuses the line breaking of an earlier wrap at the same width: its own (a table wraps each
    cell to size its row and again to draw it), or, for a paragraph made by ``_paragraph`` and broken as plain CJK
    text, that of another notice's paragraph of the same text and style (the table's labels, a notice's title).

    ``Paragraph.wrap`` depends on the fragments, the style and the width alone, so the lines are the ones it would
    compute; those shared are only ever read (a single-fragment paragraph draws its lines as they are and splits them
    into copies)."""

    source: tuple[str, ParagraphStyle] | None = None  # the text and style ``_paragraph`` parsed it from
    _wrapped: tuple[float, _Wrap] | None = None
    width: float  # set by wrap, as the following
    height: float
    _wrapWidths: list[float]
    blPara: Any

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth < rl_config._FUZZ:  # no room: Paragraph.wrap says so and sets nothing
            return super().wrap(availWidth, availHeight)
        wrapped = self._wrapped
        if wrapped is None or wrapped[0] != availWidth:
            key = None if self.source is None else (*self.source, availWidth)
            lines = None if key is None else _SHARED_WRAPS.get(key)
            if lines is None:
                super().wrap(availWidth, availHeight)
                lines = self.width, self.height, self._wrapWidths, self.blPara
                if key is not None and self.blPara.kind == 0 and self.style.wordWrap == "CJK":
                    if len(_SHARED_WRAPS) >= _SHARED_WRAPS_MAX:
                        _SHARED_WRAPS.clear()
                    _SHARED_WRAPS[key] = lines
            wrapped = self._wrapped = availWidth, lines
        self.width, self.height, self._wrapWidths, self.blPara = wrapped[1]
        return self.width, self.height


@functools.lru_cache(maxsize=1024)
def _parsed(text: str, style: ParagraphStyle) -> _Paragraph:
    parsed = _Paragraph(text, style)
    parsed.source = text, style
    return parsed


def _paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """``Paragraph(text, style)``, its markup parsed once per text: the labels, titles and table cells recur in every
    notice, and ReportLab parses each paragraph with an HTML parser (a tenth of a 送达回证's rendering)."""
    parsed = _parsed(text, style)
    made = _Paragraph.__new__(_Paragraph)
    made.__dict__.update(parsed.__dict__)
    made.frags = [frag.clone() for frag in parsed.frags]  # its own fragments: line breaking marks them
    return made


class Signature(Flowable):
    """The department's name and the date, bottom right, with the red seal stamped over them."""

    def __init__(self, department: str, day: datetime.date, seal: str) -> None:
        super().__init__()
        self.department, self.day, self.seal = department, day, seal
        self.height_ = 48 * mm

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height_

    def draw(self) -> None:
        c = self.canv
        right = self.width - 8 * mm
        text_width = max(pdfmetrics.stringWidth(t, FONT, 14) for t in (self.department, cn_date(self.day)))
        center_x = right - text_width / 2
        c.setFont(FONT, 14)
        c.drawCentredString(center_x, 26 * mm, self.department)
        c.drawCentredString(center_x, 18 * mm, cn_date(self.day))
        size = 42 * mm  # the diameter of an official seal
        _draw_seal(c, self.seal, center_x - size / 2, 24 * mm - size / 2, size)


_DARK_RUN = re.compile("1+")
_span = re.Match.span


def _qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code of ``url`` in the square of side ``size`` at (x, y): one path of rectangles, one for each run of
    dark modules in a row, filled black.

    The path is in module units (a transform scales it to the square), so every number in it is a small integer: what
    ``path.rect(column, row from the bottom, length, 1)`` for each run and ``canvas.drawPath(path, stroke=0, fill=1)``
    write (the rectangles never overlap, so the canvas's even-odd fill paints their union), formatted here in one go
    rather than rectangle by rectangle."""
    rows = qr_rows(url)
    count = len(rows)
    stride = count + 1
    # Bottom row first, column 0 first in each, a light module between rows: a run's offset gives its column and row.
    modules = "0".join([format(row, f"0{count}b")[::-1] for row in reversed(rows)])
    runs = [
        f"{start % stride} {start // stride} {end - start} 1 re"
        for start, end in map(_span, _DARK_RUN.finditer(modules))
    ]
    canvas.saveState()
    canvas.transform(size / count, 0, 0, size / count, x, y)
    canvas.setFillColor(colors.black)
    canvas._code.append("n " + " ".join(runs))
    canvas._code.append("f*")
    canvas.restoreState()


@dataclass(frozen=True)
class _EncodedImage:
    """An image as ``Canvas.drawImage(..., mask="auto")`` embeds it: its XObject and that of its alpha channel, and
    the bytes of each as a document formats them (the image's but for the reference to its alpha channel)."""

    name: str
    image: pdfdoc.PDFImageXObject
    alpha: pdfdoc.PDFImageXObject | None
    image_text: tuple[bytes, bytes]  # before and after the reference to the alpha channel (all before, without one)
    alpha_text: bytes


class _Marker(pdfdoc.PDFObject):
    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return b"\0"


@functools.lru_cache(maxsize=256)
def _encoded_image(path: str, mtime_ns: int, size: int) -> _EncodedImage:
    reader = ImageReader(path)
    pixels = reader.getRGBData()  # also splits the alpha channel off into reader._dataA
    alpha = reader._dataA
    name = _digester(pixels + (alpha.getRGBData() if alpha else b"auto"))  # drawImage's name for it
    image = pdfdoc.PDFImageXObject(name, reader, mask="auto")
    alpha_object = getattr(image, "_smask", None)
    if alpha_object is not None:
        del image._smask
    for encoded in (image, alpha_object):
        if encoded is not None and isinstance(encoded.streamContent, str):
            # ASCII85 text that each PDF would otherwise run through the PDFDocEncoding codec again
            encoded.streamContent = pdfdoc.pdfdocEnc(encoded.streamContent)
    # The objects' bytes (formatting their dictionaries was a twentieth of a notice's rendering): the image's
    # dictionary, which comes before its data, holds the one reference, here a marker to split at.
    scratch = pdfdoc.PDFDocument(invariant=1)
    if alpha_object is None:
        return _EncodedImage(name, image, None, (image.format(scratch), b""), b"")
    marked = copy.copy(image)
    marked.smask = _Marker()
    before, _, after = marked.format(scratch).partition(b"\0")
    return _EncodedImage(name, image, alpha_object, (before, after), alpha_object.format(scratch))


def _draw_seal(canvas: Canvas, path: str, x: float, y: float, size: float) -> None:
    """What ``canvas.drawImage(ImageReader(path), x, y, size, size, mask="auto")`` writes, byte for byte.

    drawImage digests and deflates the seal's 700 KB of pixels again for every PDF (half the render time); here
    they are encoded and formatted once per version of the file, and each PDF registers objects that write those
    bytes (copies of the encoded objects if the PDF is encrypted: its objects are encrypted each with its own key)."""
    stat = os.stat(path)
    seal = _encoded_image(path, stat.st_mtime_ns, stat.st_size)
    doc = canvas._doc
    image_name = doc.getXObjectName(seal.name)
    if image_name not in doc.idToObject:
        plain = isinstance(doc.encrypt, pdfdoc.NoEncryption)
        # Copies, because a document stamps its own object name on each object it registers.
        image = _Formatted(*seal.image_text) if plain else copy.copy(seal.image)
        doc.Reference(image, image_name)
        doc.addForm(seal.name, image)
        if seal.alpha is not None:
            alpha = _Formatted(seal.alpha_text) if plain else copy.copy(seal.alpha)
            image.smask = doc.Reference(alpha, doc.getXObjectName(seal.alpha.name))
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(size, size)
    canvas._code.append(f"/{image_name} Do")
    canvas.restoreState()
    canvas._formsinuse.append(seal.name)


def render(notice: Notice) -> bytes:
    """The PDF of a notice from its fixed content (the same bytes whenever it is rendered)."""
    case = notice.case
    kind = NoticeKind(notice.kind)
    number = notice.number
    assert number, "a notice is numbered before it is rendered"
    fixed = dict(notice.content)
    table = fixed.get("table")
    if kind is NoticeKind.SERVICE_RECEIPT and table and any(v == DELIVERED_DOCUMENTS for _k, v in table):
        documents = _delivered_documents(case)
        table = [(k, documents if v == DELIVERED_DOCUMENTS else v) for k, v in table]
    content = Content(
        list(fixed.get("paragraphs", [])),
        list(fixed.get("listing", [])),
        list(fixed.get("after", [])),
        [tuple(row) for row in table] if table is not None else None,  # type: ignore[misc]
    )
    url = public_url(notice)
    department = case.deciding_department.name
    buffer = io.BytesIO()
    left, right, top, bottom = 28 * mm, 26 * mm, 25 * mm, 38 * mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=f"{kind.label} {number}",
        author=department,
        subject=case.receipt_number,
        creator="govhall",
        invariant=1,
    )

    def page(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        size = 24 * mm
        _qr(canvas, url, left, 10 * mm, size)
        canvas.setFont(FONT, 8)
        canvas.drawString(left + size + 3 * mm, 10 * mm + size - 10, "扫码核验本文书")
        canvas.drawString(left + size + 3 * mm, 10 * mm + size - 22, f"文书编号：{number}")
        canvas.setFont("Helvetica", 6.5)
        canvas.drawString(left + size + 3 * mm, 10 * mm + size - 34, url)
        canvas.setFont(FONT, 8)
        canvas.drawRightString(A4[0] - right, 10 * mm, f"第{canvas.getPageNumber()}页")
        canvas.restoreState()

    story: list[Flowable] = [_paragraph(escape(str(kind.label)), _TITLE), _paragraph(escape(number), _NUMBER)]
    if content.table is None:
        story.append(_paragraph(escape(case.applicant_name) + "：", _RECIPIENT))
    story += [_paragraph(escape(p), _BODY) for p in content.paragraphs]
    story += [_paragraph(f"{i}. {escape(name)}", _ITEM) for i, name in enumerate(content.listing, 1)]
    if content.listing:
        story.append(Spacer(1, 3 * mm))
    story += [_paragraph(escape(p), _BODY) for p in content.after]
    if content.table is not None:
        story.append(_receipt_table(content.table, doc.width))
    story.append(Spacer(1, 6 * mm))
    signature = Signature(department, notice.issued_on, str(seals.seal_path(case.deciding_department)))
    story.append(KeepTogether([signature]))
    doc.build(story, onFirstPage=page, onLaterPages=page)
    return buffer.getvalue()


def _cell(value: str) -> Paragraph:
    if value == SIGN_HERE:
        # STSong has no no-break space glyph. The characters, not "&nbsp;" entities: the parser makes a fragment of
        # each entity, and each fragment is measured, broken and drawn on its own (a tenth of a 送达回证's rendering).
        gap = '<font name="Helvetica">' + "\xa0" * 10 + "</font>"
        return _paragraph(f"<br/><br/>年{gap}月{gap}日{gap}", _SIGN_CELL)
    return _paragraph(escape(value).replace("\n", "<br/>"), _CELL)


_RECEIPT_TABLE_STYLE = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.8, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
)


def _receipt_table(rows: Sequence[tuple[str, str]], width: float) -> Table:
    data = [[_paragraph(escape(k), _CELL), _cell(v)] for k, v in rows]
    table = Table(data, colWidths=[48 * mm, width - 48 * mm])
    table.setStyle(_RECEIPT_TABLE_STYLE)  # only read
    return table


def find_by_token(token: str) -> Notice | None:
    """The notice a printed QR code points to (the public verification page)."""
    return (
        Notice.objects.select_related("case__item_version", "case__deciding_department")
        .filter(token=token[:40])
        .first()
    )
