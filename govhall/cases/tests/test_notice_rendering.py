"""The render shortcuts must write exactly what the plain ReportLab and qrcode calls would: a notice's PDF is the
same bytes whenever it is rendered, and its hash is in the audit log."""

import io
import os

import qrcode
import qrcode.constants
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from govhall.cases import notices, seals
from govhall.cases.qr import qr_matrix

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
