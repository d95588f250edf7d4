"""Notice PDFs per second on one process (issue 3, §8.1: the render worker must keep up with intake).

govhall's renderer against the same renderer with the plain library calls it replaces: ReportLab's
``drawImage`` for the seal (which digests and deflates the seal's pixels for every PDF) and qrcode's own mask
search. Both must give the same bytes; the benchmark checks that before it times anything. No database: the
notices are unsaved rows.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict

import qrcode
import qrcode.constants
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from bench.tables import Table
from govhall.cases import notices
from govhall.cases.models import Case, Notice, NoticeKind
from govhall.catalog.models import ItemVersion
from govhall.org.models import Department

PER_KIND = 40
ROUNDS = 3  # the best of three: the figure is CPU per PDF, not the neighbours' load
KINDS = [
    NoticeKind.ACCEPTANCE,
    NoticeKind.SUPPLEMENT,
    NoticeKind.REFUSAL,
    NoticeKind.EXTENSION,
    NoticeKind.APPROVAL,
    NoticeKind.SERVICE_RECEIPT,
]
CONTEXT = {
    "reason": "申请人提交的经营场所证明与实际地址不一致",
    "missing": ["营业场所使用证明（房屋租赁合同）", "食品安全管理制度文本", "设备布局图和工艺流程图"],
    "documents": "《准予行政许可决定书》（市场监管局准字〔2026〕第00001号）及行政许可证件",
    "server": "李四",
    "days": 10,
}


def _notices(kind: NoticeKind, count: int) -> list[Notice]:
    department = Department(code="BENCH-SCJG", name="清川县市场监督管理局")
    item = ItemVersion(name="食品经营许可")
    made = []
    for i in range(count):
        case = Case(
            receipt_number=f"QC20260930{i:06d}",
            applicant_name="清川县好味道餐饮有限公司",
            applicant_kind="company",
            applicant_address="清川县城关镇人民路12号",
            received_on=dt.date(2026, 9, 28),
            accepted_on=dt.date(2026, 9, 30),
            legal_deadline=dt.date(2026, 10, 28),
            promised_deadline=dt.date(2026, 10, 13),
            legal_limit=20,
            extension_days=10,
        )
        case.deciding_department, case.item_version = department, item
        content = notices.content_for(case, kind, CONTEXT)
        number = f"市场监管局{notices.NUMBER_WORDS[kind]}字〔2026〕第{i + 1:05d}号"
        token = hashlib.sha256(f"{kind}{i}".encode()).hexdigest()[:32]
        made.append(
            Notice(
                case=case,
                kind=kind,
                number=number,
                issued_on=dt.date(2026, 9, 30),
                token=token,
                content=asdict(content),
            )
        )
    return made


@functools.cache
def _reader(path: str) -> ImageReader:
    return ImageReader(path)  # decoded once, as the renderer did before


def _plain_seal(canvas: Canvas, path: str, x: float, y: float, size: float) -> None:
    canvas.drawImage(_reader(path), x, y, size, size, mask="auto")


def _plain_qr(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


@contextmanager
def _plain_calls() -> Iterator[None]:
    saved = notices._draw_seal, notices.qr_matrix
    notices._draw_seal, notices.qr_matrix = _plain_seal, _plain_qr  # type: ignore[assignment]
    try:
        yield
    finally:
        notices._draw_seal, notices.qr_matrix = saved  # type: ignore[assignment]


def _cpu_ms_per_pdf(batch: list[Notice], render: Callable[[Notice], bytes]) -> float:
    render(batch[0])  # the seal file and the caches, once per process
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for notice in batch:
            render(notice)
        best = min(best, (time.process_time() - started) / len(batch))
    return best * 1000


def run() -> list[Table]:
    table = Table(
        "Notice PDFs, one process (CPU ms per PDF, best of 3)",
        ["notice", "plain calls ms", "govhall ms", "plain PDFs/s", "govhall PDFs/s", "speed-up", "KB"],
    )
    plain_total = fast_total = 0.0
    for kind in KINDS:
        batch = _notices(kind, PER_KIND)
        with _plain_calls():
            expected = [notices.render(n) for n in batch[:5]]
        if [notices.render(n) for n in batch[:5]] != expected:
            raise AssertionError(f"{kind}: the PDF differs from the plain calls' bytes")
        with _plain_calls():
            plain = _cpu_ms_per_pdf(batch, notices.render)
        fast = _cpu_ms_per_pdf(batch, notices.render)
        plain_total, fast_total = plain_total + plain, fast_total + fast
        size = len(expected[0]) / 1024
        table.rows.append([str(kind.label), plain, fast, 1000 / plain, 1000 / fast, plain / fast, size])
    plain_mean, fast_mean = plain_total / len(KINDS), fast_total / len(KINDS)
    table.rows.append(["mean", plain_mean, fast_mean, 1000 / plain_mean, 1000 / fast_mean, plain_mean / fast_mean, ""])
    table.note = (
        "Same bytes both ways (checked). Render only: the worker's transaction, file write and audit entry come on top."
    )
    return [table]
