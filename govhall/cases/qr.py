"""QR codes for printed notices: the qrcode library's exact output, made about ten times cheaper.

qrcode writes its bit stream one bit at a time, divides the Reed-Solomon polynomials recursively, places the
data modules once per candidate mask and scores each candidate cell by cell in Python: about 1.6 ms of a 4.5 ms
notice. Here qrcode still decides everything that makes the symbol (the segments and their modes, the version,
the block structure and generator polynomials, the function patterns, the format and version information, the
mask functions and its penalty rules); what changes is the arithmetic:

* the bit stream is an integer, and each block's error correction a shift register over bytes (the same
  remainder as qrcode's polynomial division, which is unique);
* the data modules are placed once, into a symbol packed as one integer with every row and every column in a
  slot of its own (a zero bit between slots), and each candidate mask is that symbol XOR the mask's bits;
* the penalty of a candidate is counted on the packed integer with shifts and bit counts, by qrcode's rules
  and with its ties, so the symbol (and every notice PDF drawn from it) stays what qrcode makes.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Callable
from dataclasses import dataclass

import qrcode
import qrcode.constants
from qrcode import LUT, base, exceptions, util

_PAD = (0xEC, 0x11)  # util.PAD0, util.PAD1
# The 1:1:3:1:1 finder look-alike with four light modules on one side (N3), in both directions: neither
# overlaps itself, so counting every position where one starts is qrcode's count of them.
_FINDER_LIKE = ("10111010000", "00001011101")


class _Layout(qrcode.QRCode):
    """Draws only the function patterns (with their format and version information), the data modules None."""

    def map_data(self, data: object, mask_pattern: object) -> None:
        pass


class _Bits(util.BitBuffer):
    """qrcode's bit buffer as one integer: ``put`` appends whole fields instead of one bit at a time."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def put_bit(self, bit: bool) -> None:
        self.put(int(bit), 1)

    def __len__(self) -> int:
        return self.length


@dataclass(frozen=True)
class _Symbol:
    """A version's geometry, packed: module (r, c) is bit ``r * stride + c`` (its row) and bit
    ``columns + c * stride + r`` (its column), ``stride`` being the size plus a zero bit between slots."""

    size: int
    stride: int
    columns: int  # where the column slots begin
    modules: int  # how many data modules
    # Picks, from the data bits in the order qrcode places them followed by a 0, the packed symbol's bits from the
    # highest down: a data module's bit where it has one, the 0 elsewhere.
    place: Callable[[str], tuple[str, ...]]
    scored: int  # the function patterns as qrcode scores candidates: format and version modules light
    flips: tuple[int, ...]  # per mask, the data modules it inverts
    slots: int  # every module bit, row and column slots (not the separators)
    rows: int  # the row slots' module bits
    block_corners: int  # row bits (r, c) with r and c below size - 1: the top left corners of 2x2 blocks


def _pack(size: int, stride: int, modules: set[tuple[int, int]]) -> int:
    columns = size * stride
    return sum((1 << (r * stride + c)) | (1 << (columns + c * stride + r)) for r, c in modules)


def _cells(matrix: list[list[bool | None]], value: bool | None) -> set[tuple[int, int]]:
    return {(r, c) for r, row in enumerate(matrix) for c, v in enumerate(row) if v is value}


def _sources(size: int, stride: int, order: list[tuple[int, int]]) -> list[int]:
    columns = size * stride
    sources = [len(order)] * (2 * columns)  # the 0 after the data bits
    for i, (r, c) in enumerate(order):
        sources[r * stride + c] = sources[columns + c * stride + r] = i
    return sources[::-1]


@functools.cache
def _symbol(version: int) -> _Symbol:
    layout = _Layout(version=version, border=0)
    layout.data_cache = []
    layout.makeImpl(True, 0)  # as qrcode scores candidates: the format modules light, the dark module too
    modules = layout.modules
    size, stride = len(modules), len(modules) + 1
    columns = size * stride
    # qrcode's map_data walk: column pairs from the right, up and down in turn, skipping the timing column.
    order: list[tuple[int, int]] = []
    row, step = size - 1, -1
    for right in range(size - 1, 0, -2):
        if right <= 6:
            right -= 1
        while True:
            order += [(row, c) for c in (right, right - 1) if modules[row][c] is None]
            row += step
            if row < 0 or row >= size:
                row -= step
                step = -step
                break
    free = set(order)
    flips = []
    for pattern in range(8):
        inverts = util.mask_func(pattern)
        flips.append(_pack(size, stride, {(r, c) for r, c in free if inverts(r, c)}))
    every = {(r, c) for r in range(size) for c in range(size)}
    return _Symbol(
        size=size,
        stride=stride,
        columns=columns,
        modules=len(order),
        place=operator.itemgetter(*_sources(size, stride, order)),
        scored=_pack(size, stride, _cells(modules, True)),
        flips=tuple(flips),
        slots=_pack(size, stride, every),
        rows=sum(1 << (r * stride + c) for r, c in every),
        block_corners=sum(1 << (r * stride + c) for r in range(size - 1) for c in range(size - 1)),
    )


@functools.cache
def _drawn(version: int, error_correction: int, pattern: int) -> int:
    """The row bits of the function patterns as qrcode draws them in the final symbol, with this mask's format."""
    layout = _Layout(version=version, error_correction=error_correction, border=0)
    layout.data_cache = []
    layout.makeImpl(False, pattern)
    stride = len(layout.modules) + 1
    return sum(1 << (r * stride + c) for r, c in _cells(layout.modules, True))


@functools.cache
def _remainder_table(ec_count: int) -> tuple[int, ...]:
    """For each byte f, f times qrcode's generator polynomial of this degree (without its leading 1) as an integer
    of ``ec_count`` bytes: one step of the division shifts the remainder a byte and XORs in the entry."""
    if ec_count in LUT.rsPoly_LUT:
        generator = list(LUT.rsPoly_LUT[ec_count])
    else:
        product = base.Polynomial([1], 0)
        for i in range(ec_count):
            product = product * base.Polynomial([1, base.gexp(i)], 0)
        generator = list(product)
    logs = [base.glog(g) if g else None for g in generator[1:]]
    table = [0]
    for factor in range(1, 256):
        log = base.glog(factor)
        coefficients = bytes(0 if g is None else base.gexp(log + g) for g in logs)
        table.append(int.from_bytes(coefficients, "big"))
    return tuple(table)


def _error_correction(data: bytes, ec_count: int) -> bytes:
    """The remainder of data(x) * x^ec_count divided by the generator: the block's error correction codewords."""
    table = _remainder_table(ec_count)
    top = 8 * (ec_count - 1)
    full = (1 << (8 * ec_count)) - 1
    remainder = 0
    for byte in data:
        remainder = ((remainder << 8) & full) ^ table[(remainder >> top) ^ byte]
    return remainder.to_bytes(ec_count, "big")


def _codewords(text: str, error_correction: int) -> tuple[int, bytes]:
    """The version and the interleaved data and error correction codewords qrcode makes for ``text``."""
    segments = list(util.optimal_data_chunks(text, minimum=20))  # QRCode.add_data's segments
    start, limits = 1, util.BIT_LIMIT_TABLE[error_correction]
    while True:  # QRCode.best_fit: the length fields widen with the version
        sizes = util.mode_sizes_for_version(start)
        bits = _Bits()
        for segment in segments:
            bits.put(segment.mode, 4)
            bits.put(len(segment), sizes[segment.mode])
            if segment.mode == util.MODE_8BIT_BYTE:  # what QRData.write puts, a byte at a time
                bits.put(int.from_bytes(segment.data, "big"), 8 * len(segment))
            else:
                segment.write(bits)
        version = bisect.bisect_left(limits, len(bits), start)
        if version == 41:
            raise exceptions.DataOverflowError()
        if util.mode_sizes_for_version(version) is sizes:
            break
        start = version
    # util.create_data: terminator, byte alignment and pad bytes, then the blocks' error correction.
    blocks = base.rs_blocks(version, error_correction)
    limit = sum(block.data_count for block in blocks) * 8
    zeros = min(limit - len(bits), 4)
    zeros += -(len(bits) + zeros) % 8
    stream = (bits.value << zeros).to_bytes((len(bits) + zeros) // 8, "big")
    stream += bytes(_PAD[i % 2] for i in range(limit // 8 - len(stream)))
    data, correction = [], []
    offset = 0
    for block in blocks:
        chunk = stream[offset : offset + block.data_count]
        offset += block.data_count
        data.append(chunk)
        correction.append(_error_correction(chunk, block.total_count - block.data_count))
    interleaved = bytearray()
    for group in (data, correction):
        for column in itertools.zip_longest(*group):
            interleaved += bytes(b for b in column if b is not None)
    return version, bytes(interleaved)


def _penalty(candidate: int, symbol: _Symbol) -> int:
    """qrcode's ``util.lost_point`` of the packed candidate, over its rows and columns at once."""
    dark = candidate
    light = ~candidate & symbol.slots
    points = 0
    for bits in (dark, light):  # N1: a run of n >= 5 like modules scores n - 2, that is its 5-windows plus 2
        windows = bits & (bits >> 1) & (bits >> 2) & (bits >> 3) & (bits >> 4)
        points += windows.bit_count() + 2 * (windows & ~(windows << 1)).bit_count()
    shifted = [(dark >> k, light >> k) for k in range(11)]
    for pattern in _FINDER_LIKE:  # N3: 40 for each
        found = -1
        for k, module in enumerate(pattern):
            found &= shifted[k][0] if module == "1" else shifted[k][1]
        points += 40 * found.bit_count()
    rows = candidate & symbol.rows  # N2: 3 for each 2x2 block of like modules
    below = rows >> symbol.stride
    same = ~(rows ^ below)
    points += 3 * (same & (same >> 1) & ~(rows ^ (rows >> 1)) & symbol.block_corners).bit_count()
    percent = float(rows.bit_count()) / (symbol.size**2)  # N4
    return points + int(abs(percent * 100 - 50) / 5) * 10


def qr_rows(text: str, *, error_correction: int = qrcode.constants.ERROR_CORRECT_M) -> list[int]:
    """The modules of the smallest QR code holding ``text``, without a quiet zone: per row, bit c for a dark module
    in column c. The symbol ``qrcode.QRCode(error_correction=..., border=0)`` makes with ``add_data(text)`` and
    ``make(fit=True)``."""
    version, codewords = _codewords(text, error_correction)
    symbol = _symbol(version)
    bits = format(int.from_bytes(codewords, "big"), f"0{8 * len(codewords)}b")
    data = int("".join(symbol.place(bits.ljust(symbol.modules + 1, "0"))), 2)  # remainder bits light
    best, lowest = 0, 0
    for pattern, flips in enumerate(symbol.flips):
        points = _penalty(symbol.scored | (data ^ flips), symbol)
        if pattern == 0 or points < lowest:
            best, lowest = pattern, points
    final = _drawn(version, error_correction, best) | ((data ^ symbol.flips[best]) & symbol.rows)
    width, stride = (1 << symbol.size) - 1, symbol.stride
    return [(final >> (r * stride)) & width for r in range(symbol.size)]


def qr_matrix(text: str, *, error_correction: int = qrcode.constants.ERROR_CORRECT_M) -> list[list[bool]]:
    """The modules of the smallest QR code holding ``text``, without a quiet zone, row by row (True is dark):
    ``qrcode``'s ``get_matrix()`` for it."""
    rows = qr_rows(text, error_correction=error_correction)
    size = len(rows)
    return [[bool((row >> c) & 1) for c in range(size)] for row in rows]
