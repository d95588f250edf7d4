"""Notice PDFs per second on one process (issue 3, §8.1: the render worker must keep up with intake).

govhall's renderer against the same renderer with the plain library calls it replaces:

* the seal: ReportLab's ``drawImage`` (which digests and deflates the seal's pixels, and formats the image objects'
  dictionaries, for every PDF);
* the QR code: qrcode's own ``make`` (its bit-by-bit encoding, its recursive Reed-Solomon division and its mask
  search, which places and scores the data eight times cell by cell), drawn with ReportLab's path API: one
  ``path.rect`` per run of dark modules, in module units under a scaling ``transform``, then ``drawPath``, the
  drawing ``notices._qr`` writes as one formatted string;
* the paragraphs: ``Paragraph(text, style)``, each parsed by ReportLab's HTML parser and wrapped as often as
  asked (a table wraps each cell twice);
* the font: ``UnicodeCIDFont``, whose font dictionary every PDF formats afresh.

Both must give the same bytes; the benchmark checks that before it times anything. No database: the notices are
unsaved rows. Within a kind they differ in their number, receipt number and QR code but share the rest (applicant,
dates, reasons), so govhall's line breaking shared across notices (``notices._Paragraph``) finds more here than in a
real day's mix; the table labels, titles and signature lines it shares recur in every notice.
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
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from bench.tables import Table
from govhall.cases import notices
from govhall.cases.models import Case, Notice, NoticeKind
from govhall.catalog.models import ItemVersion
from govhall.org.models import Department
from govhall.testing.factories import NOTICE_CONTEXT as CONTEXT

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


def _plain_qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    canvas.saveState()
    canvas.transform(size / count, 0, 0, size / count, x, y)
    path = canvas.beginPath()
    for height, cells in enumerate(reversed(matrix)):  # bottom row first
        col = 0
        while col < count:
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < count and cells[col]:
                col += 1
            path.rect(start, height, col - start, 1)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


@contextmanager
def _plain_calls() -> Iterator[None]:
    saved = notices._draw_seal, notices._qr, notices._paragraph, pdfmetrics.getFont(notices.FONT)
    notices._draw_seal, notices._qr, notices._paragraph = _plain_seal, _plain_qr, Paragraph
    pdfmetrics.registerFont(UnicodeCIDFont(notices.FONT))
    try:
        yield
    finally:
        notices._draw_seal, notices._qr, notices._paragraph, font = saved
        pdfmetrics.registerFont(font)


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
