"""The QR code of a notice: qrcode's symbol (its segments, version, error correction, mask), computed with integer
arithmetic, and drawn as one path of rectangles covering exactly its dark modules."""

import io
import random
import re
import shutil
import subprocess

import pytest
import qrcode
import qrcode.constants
from hypothesis import given, settings
from hypothesis import strategies as st
from qrcode import util
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas

from govhall.cases import notices, qr
from govhall.cases.tests.test_notice_rendering import LEVELS, _plain_qr, qrcode_matrix, unsaved_notice

ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text("0123456789", min_size=1, max_size=60),  # numeric segments from 20 digits on
            st.text(ALPHANUMERIC, min_size=1, max_size=60),  # alphanumeric ones from 20 characters on
            st.text("abcxyz/?=&中文é", min_size=1, max_size=10),
        ),
        max_size=12,
    ),
    st.sampled_from(LEVELS),
)
def test_mixed_numeric_alphanumeric_and_byte_segments_give_qrcodes_symbol(parts, level):
    text = "".join(parts)
    assert qr.qr_matrix(text, error_correction=level) == qrcode_matrix(text, level)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("", qrcode.constants.ERROR_CORRECT_M),
        ("1" * 700, qrcode.constants.ERROR_CORRECT_L),  # version 10 and up: wider length fields
        ("HTTPS://ZWFW.EXAMPLE.GOV.CN/" * 40, qrcode.constants.ERROR_CORRECT_Q),  # version info modules
        ("1" * 3000 + "A", qrcode.constants.ERROR_CORRECT_L),  # version 27 and up: wider still
        ("受理通知书" * 60, qrcode.constants.ERROR_CORRECT_H),
    ],
)
def test_large_symbols_are_qrcodes(text, level):
    assert qr.qr_matrix(text, error_correction=level) == qrcode_matrix(text, level)


def test_a_text_too_long_for_any_version_is_refused_as_by_qrcode():
    with pytest.raises(qrcode.exceptions.DataOverflowError):
        qr.qr_rows("x" * 3000, error_correction=qrcode.constants.ERROR_CORRECT_H)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from([1, 2, 4, 7, 10]), st.integers(0, 2**32), st.floats(0.05, 0.95))
def test_the_penalty_of_a_symbol_is_qrcodes_lost_point(version, seed, density):
    """On any matrix, not only QR symbols: the mask chosen (and its ties) depends on nothing else."""
    symbol = qr._symbol(version)
    rng = random.Random(seed)
    matrix = [[rng.random() < density for _ in range(symbol.size)] for _ in range(symbol.size)]
    dark = {(r, c) for r, row in enumerate(matrix) for c, v in enumerate(row) if v}
    assert qr._penalty(qr._pack(symbol.size, symbol.stride, dark), symbol) == util.lost_point(matrix)


def drawn(url: str, x: float = 79.37, y: float = 28.35, size: float = 68.03) -> list[str]:
    canvas = Canvas(io.BytesIO())
    notices._qr(canvas, url, x, y, size)
    return canvas._code


def test_the_rectangles_drawn_cover_exactly_the_dark_modules_in_the_square_given():
    url = "http://127.0.0.1:8000/verify/055c52a634f09b93e05eac2cc1fdfe62/"
    matrix = qrcode_matrix(url, qrcode.constants.ERROR_CORRECT_M)
    count = len(matrix)
    code = drawn(url)
    assert code[1] == f"{fp_str(68.03 / count, 0, 0, 68.03 / count, 79.37, 28.35)} cm"  # module units
    assert code[-2:] == ["f*", "Q"]
    covered = set()
    for col, bottom, width, height in re.findall(r"(\d+) (\d+) (\d+) (\d+) re", code[-3]):
        cells = {(count - 1 - int(bottom) - dy, int(col) + dx) for dy in range(int(height)) for dx in range(int(width))}
        assert not cells & covered  # no overlap: the even-odd fill paints their union
        covered |= cells
    assert covered == {(r, c) for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark}


def test_the_path_is_what_reportlabs_path_api_writes_for_each_run():
    url = "https://zwfw.example.gov.cn/verify/3Q2pX-_abcdefghijklmnopqrstuvwxyz0/"
    canvas = Canvas(io.BytesIO())
    _plain_qr(canvas, url, 79.37, 28.35, 68.03)  # qrcode's matrix, one path.rect per run, drawPath
    assert drawn(url) == canvas._code


@pytest.mark.skipif(not (shutil.which("pdftoppm") and shutil.which("zbarimg")), reason="needs poppler-utils, zbar")
def test_a_scanner_reads_the_verification_url_off_the_printed_notice(tmp_path):
    notice = unsaved_notice(notices.NoticeKind.ACCEPTANCE, 7)
    (tmp_path / "notice.pdf").write_bytes(notices.render(notice))
    subprocess.run(["pdftoppm", "-png", "-r", "150", tmp_path / "notice.pdf", tmp_path / "page"], check=True)
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", tmp_path / "page-1.png"], capture_output=True, text=True, check=True
    )
    assert scanned.stdout.strip() == notices.public_url(notice)
