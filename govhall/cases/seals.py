"""Demo seal images (印章), one per department: a red ring, a star, the name on the arc, the purpose below.

Generated with Pillow, deterministic, cached on disk under MEDIA_ROOT/seals/. A real deployment replaces
them with the department's registered electronic seal.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import logging
import math
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from govhall.org.models import Department

logger = logging.getLogger(__name__)

PURPOSE = "行政审批专用章"
RED = (214, 0, 15, 235)
SIZE = 420  # pixels for a 42 mm seal: about 250 dpi, enough for print and cheap to embed
_VERSION = "2"  # bump when the drawing changes, so cached images are redrawn

_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)

Font = ImageFont.FreeTypeFont


@functools.cache
def _font_file() -> tuple[str, int] | None:
    """The configured font, else a Noto CJK collection (its Simplified Chinese face), else any CJK font found."""
    paths = [settings.GOVHALL_SEAL_FONT] if settings.GOVHALL_SEAL_FONT else []
    paths += [*_FONT_CANDIDATES, *sorted(glob.glob("/usr/share/fonts/**/*[Cc][Jj][Kk]*", recursive=True))]
    paths += sorted(glob.glob("/usr/share/fonts/**/wqy*", recursive=True))
    for path in paths:
        if not Path(path).is_file():
            continue
        for index in range(8 if path.endswith(".ttc") else 1):
            try:
                face = ImageFont.truetype(path, 20, index=index)
            except OSError:
                break
            family = face.getname()[0] or ""
            if not path.endswith(".ttc") or family.endswith(" SC"):
                return path, index
    logger.warning("No CJK font found for seal images; seals are drawn without text")
    return None


def _font(size: int) -> Font | None:
    found = _font_file()
    return ImageFont.truetype(found[0], size, index=found[1]) if found else None


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float) -> None:
    inner = radius * math.sin(math.radians(18)) / math.sin(math.radians(126))
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=RED)


def _glyph(char: str, font: Font, angle: float) -> Image.Image:
    box = int(font.size * 1.4)
    tile = Image.new("RGBA", (box, box), (0, 0, 0, 0))
    ImageDraw.Draw(tile).text((box / 2, box / 2), char, font=font, fill=RED, anchor="mm")
    return tile.rotate(angle, resample=Image.Resampling.BICUBIC)


def draw_seal(name: str) -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    c = SIZE / 2
    ring = SIZE * 0.035
    draw.ellipse((ring / 2, ring / 2, SIZE - ring / 2, SIZE - ring / 2), outline=RED, width=int(ring))
    _star(draw, c, c, SIZE * 0.15)
    chars = list(name) or [" "]
    span = min(240.0, 30.0 * len(chars))
    size = int(min(SIZE * 0.12, c * 0.8 * math.radians(span) / len(chars) * 0.85))
    font = _font(size)
    if font is None:
        return image
    # Characters run clockwise over the top, each upright with its foot toward the centre (GA 241 layout).
    radius = c - ring - size * 0.8
    for i, char in enumerate(chars):
        theta = -90 - span / 2 + span * (i + 0.5) / len(chars)
        tile = _glyph(char, font, -(theta + 90))
        x = c + radius * math.cos(math.radians(theta)) - tile.width / 2
        y = c + radius * math.sin(math.radians(theta)) - tile.height / 2
        image.alpha_composite(tile, (round(x), round(y)))
    small = _font(int(SIZE * 0.075))
    assert small is not None
    draw.text((c, SIZE * 0.74), PURPOSE, font=small, fill=RED, anchor="mm")
    return image


def seal_path(department: Department) -> Path:
    """The department's seal PNG, drawn on first use and then read from disk."""
    key = hashlib.sha256(f"{_VERSION}:{department.name}".encode()).hexdigest()[:12]
    path = Path(settings.MEDIA_ROOT) / "seals" / f"{department.code}-{key}.png"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".tmp")
        draw_seal(department.name).save(partial, format="PNG", optimize=True)
        partial.replace(path)  # atomic: a concurrent reader never sees half an image
    return path
