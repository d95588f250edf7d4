"""QR codes for printed notices: the qrcode library's exact output, with its choice of mask made cheaper.

qrcode picks the mask by drawing the symbol eight times and scoring each cell by cell in Python, about 4 ms
of a 10 ms notice. Here each candidate is derived from one drawing with bit operations on whole rows and
scored with regular expressions, by the same rules and with the same ties, so the symbol (and every notice
PDF drawn from it) stays byte for byte what qrcode makes.
"""

from __future__ import annotations

import functools
import itertools
import re

import qrcode
import qrcode.constants
from qrcode import util

# Runs of five or more like modules (N1), and the 1:1:3:1:1 finder look-alike with four light modules on
# either side (N3). Neither N3 pattern overlaps itself, and each is the other reversed, so counting them in
# the rows and in the columns read top down gives qrcode's score.
_DARK_RUN = re.compile("11111+")
_LIGHT_RUN = re.compile("00000+")
_FINDER_LIKE = ("10111010000", "00001011101")


class _Layout(qrcode.QRCode):
    """Draws only the function patterns, leaving the data modules empty (None)."""

    def map_data(self, data: object, mask_pattern: object) -> None:
        pass


@functools.cache
def _data_modules(version: int) -> tuple[int, ...]:
    """Per row, a bit for each module (bit c for column c) that carries data rather than a fixed pattern."""
    layout = _Layout(version=version, border=0)
    layout.data_cache = []
    layout.makeImpl(True, 0)
    return tuple(sum(1 << c for c, v in enumerate(row) if v is None) for row in layout.modules)


@functools.cache
def _mask_bits(size: int, pattern: int) -> tuple[int, ...]:
    flips = util.mask_func(pattern)
    return tuple(sum(1 << c for c in range(size) if flips(r, c)) for r in range(size))


def _penalty(rows: list[int], size: int) -> int:
    """qrcode's ``util.lost_point`` of the symbol whose rows are these bit sets."""
    lines = [format(row, f"0{size}b") for row in rows]
    text = "\n".join([*lines, *("".join(column) for column in zip(*lines, strict=True))])  # every row and column
    runs = _DARK_RUN.findall(text) + _LIGHT_RUN.findall(text)
    points = sum(map(len, runs)) - 2 * len(runs) + 40 * sum(text.count(pattern) for pattern in _FINDER_LIKE)
    inner = (1 << (size - 1)) - 1  # the left columns of each 2x2 block
    for upper, lower in itertools.pairwise(rows):
        same = ~(upper ^ lower)
        points += 3 * (same & (same >> 1) & ~(upper ^ (upper >> 1)) & inner).bit_count()
    dark = sum(row.bit_count() for row in rows)
    percent = float(dark) / (size**2)
    return points + int(abs(percent * 100 - 50) / 5) * 10


class _QRCode(qrcode.QRCode):
    def best_mask_pattern(self) -> int:
        self.makeImpl(True, 0)  # as qrcode scores candidates: the format modules left light
        size = self.modules_count
        # Candidate m is this drawing with the data modules flipped wherever masks 0 and m disagree.
        drawn = [sum(1 << c for c, dark in enumerate(row) if dark) for row in self.modules]
        free, first = _data_modules(self.version), _mask_bits(size, 0)
        best, lowest = 0, 0
        for pattern in range(8):
            flips = _mask_bits(size, pattern)
            rows = [d ^ ((m0 ^ m) & f) for d, m0, m, f in zip(drawn, first, flips, free, strict=True)]
            points = _penalty(rows, size)
            if pattern == 0 or points < lowest:
                best, lowest = pattern, points
        return best


def qr_matrix(text: str, *, error_correction: int = qrcode.constants.ERROR_CORRECT_M) -> list[list[bool]]:
    """The modules of the smallest QR code holding ``text``, without a quiet zone, row by row (True is dark)."""
    code = _QRCode(error_correction=error_correction, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()
