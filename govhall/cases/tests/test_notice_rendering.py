"""The render shortcuts must write exactly what the plain ReportLab and qrcode calls would: a notice's PDF is the
same bytes whenever it is rendered, and its hash is in the audit log."""

import datetime as dt
import functools
import hashlib
import io
import os
import re
from contextlib import contextmanager
from dataclasses import asdict

import pytest
import qrcode
import qrcode.constants
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from govhall.cases import notices, seals
from govhall.cases.models import Case, Notice, NoticeKind
from govhall.cases.qr import qr_matrix
from govhall.catalog.models import ItemVersion
from govhall.org.models import Department
from govhall.testing.factories import NOTICE_CONTEXT as CONTEXT

LEVELS = [
    qrcode.constants.ERROR_CORRECT_L,
    qrcode.constants.ERROR_CORRECT_M,
    qrcode.constants.ERROR_CORRECT_Q,
    qrcode.constants.ERROR_CORRECT_H,
]


def qrcode_matrix(text: str, level: int) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=160), st.sampled_from(LEVELS))
def test_the_qr_code_has_the_modules_qrcode_itself_chooses(text, level):
    assert qr_matrix(text, error_correction=level) == qrcode_matrix(text, level)


@settings(max_examples=100, deadline=None)
@given(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", min_size=32, max_size=32))
def test_the_qr_code_of_a_verification_url_is_the_one_qrcode_draws(token):
    url = f"https://zwfw.example.gov.cn/verify/{token}/"
    assert qr_matrix(url) == qrcode_matrix(url, qrcode.constants.ERROR_CORRECT_M)


def pdf(draw) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def assert_drawn_as_draw_image_would(path: str) -> None:
    def twice(draw):
        return lambda canvas: (draw(canvas, 10), draw(canvas, 200))  # the second use refers to the first object

    expected = pdf(twice(lambda c, y: c.drawImage(ImageReader(path), 50, y, 119, 119, mask="auto")))
    assert pdf(twice(lambda c, y: notices._draw_seal(c, path, 50, y, 119))) == expected


def test_the_seal_is_embedded_byte_for_byte_as_draw_image_embeds_it(tmp_path):
    path = tmp_path / "seal.png"
    seals.draw_seal("清川县市场监督管理局").save(path, format="PNG")
    assert_drawn_as_draw_image_would(str(path))


def test_a_registered_seal_without_transparency_or_as_jpeg_is_embedded_as_draw_image_would(tmp_path):
    image = seals.draw_seal("清川县行政审批局").convert("RGB")
    for name, kind in (("seal.png", "PNG"), ("seal.jpg", "JPEG")):
        image.save(tmp_path / name, format=kind)
        assert_drawn_as_draw_image_would(str(tmp_path / name))


def test_a_seal_file_replaced_in_place_is_read_again(tmp_path):
    path = tmp_path / "seal.png"
    seals.draw_seal("清川县市场监督管理局").save(path, format="PNG")
    old = pdf(lambda c: notices._draw_seal(c, str(path), 0, 0, 119))
    Image.new("RGBA", (64, 64), (214, 0, 15, 255)).save(path, format="PNG")
    os.utime(path, ns=(1, 1))  # the same mtime as nothing before: size alone tells the versions apart
    assert pdf(lambda c: notices._draw_seal(c, str(path), 0, 0, 119)) != old
    assert_drawn_as_draw_image_would(str(path))


# --- whole notices: the same bytes as the plain calls ---------------------------------------------------------------


def unsaved_notice(kind: NoticeKind, i: int, **context) -> Notice:
    """A numbered notice with its case, department and item, none of them saved (rendering reads no rows)."""
    case = Case(
        receipt_number=f"QC20260930{i:06d}",
        applicant_name=("清川县好味道餐饮有限公司", "张三", "清川县城关镇人民路12号老王面馆")[i % 3],
        applicant_kind="company" if i % 3 != 1 else "person",
        applicant_address="清川县城关镇人民路12号",
        received_on=dt.date(2026, 9, 28),
        accepted_on=dt.date(2026, 9, 30),
        legal_deadline=dt.date(2026, 10, 28),
        promised_deadline=dt.date(2026, 10, 13 + i % 5),
        legal_limit=20,
        extension_days=10,
    )
    case.deciding_department = Department(code="TEST-SCJG", name="清川县市场监督管理局")
    case.item_version = ItemVersion(name="食品经营许可")
    content = notices.content_for(case, kind, {**CONTEXT, **context})
    return Notice(
        case=case,
        kind=kind,
        number=f"市场监管局{notices.NUMBER_WORDS[kind]}字〔2026〕第{i + 1:05d}号",
        issued_on=dt.date(2026, 9, 30),
        token=hashlib.sha256(f"{kind}{i}".encode()).hexdigest()[:32],
        content=asdict(content),
    )


@functools.cache
def _reader(path: str) -> ImageReader:
    return ImageReader(path)


def _plain_qr(canvas, url, x, y, size):
    matrix = qrcode_matrix(url, qrcode.constants.ERROR_CORRECT_M)
    count = len(matrix)
    canvas.saveState()
    canvas.transform(size / count, 0, 0, size / count, x, y)
    path = canvas.beginPath()
    for height, cells in enumerate(reversed(matrix)):
        for match in re.finditer("1+", "".join("1" if dark else "0" for dark in cells)):
            path.rect(match.start(), height, match.end() - match.start(), 1)
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


@contextmanager
def plain_calls():
    """The renderer with ReportLab's and qrcode's own calls for everything govhall does its own way."""
    saved = notices._draw_seal, notices._qr, notices._paragraph, pdfmetrics.getFont(notices.FONT)
    notices._draw_seal = lambda c, path, x, y, size: c.drawImage(_reader(path), x, y, size, size, mask="auto")
    notices._qr, notices._paragraph = _plain_qr, Paragraph
    pdfmetrics.registerFont(UnicodeCIDFont(notices.FONT))
    try:
        yield
    finally:
        notices._draw_seal, notices._qr, notices._paragraph, font = saved
        pdfmetrics.registerFont(font)


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_kind_of_notice_is_the_pdf_the_plain_calls_write(kind):
    batch = [unsaved_notice(kind, i) for i in range(4)]
    with plain_calls():
        expected = [notices.render(n) for n in batch]
    # Twice: the first renders fill the caches (parsed paragraphs, their lines, the font), the second use them.
    assert [notices.render(n) for n in batch] == expected
    assert [notices.render(n) for n in batch] == expected


def test_a_notice_running_onto_a_second_page_is_the_pdf_the_plain_calls_write():
    missing = [f"第{i}项补正材料：经营场所使用证明及其附件（复印件加盖公章）" for i in range(1, 31)]
    reason = "申请人提交的经营场所证明与实际地址不一致，" * 60  # a paragraph that the page break splits
    notice = unsaved_notice(NoticeKind.SUPPLEMENT, 1, missing=missing, reason=reason)
    with plain_calls():
        expected = notices.render(notice)
    assert re.search(rb"/Count [2-9]\b", expected)
    assert notices.render(notice) == expected
    assert notices.render(notice) == expected
