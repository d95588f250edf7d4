"""Waiting-time estimates: exponentially weighted service time ÷ windows serving (docs/hall.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass

# RFC 6298's weights for a smoothed mean and mean deviation: recent visits count most.
AVG_WEIGHT = 1 / 8
DEV_WEIGHT = 1 / 4


@dataclass(frozen=True)
class Estimate:
    minutes: int
    low: int
    high: int


def estimate(*, ahead: int, avg_seconds: float, dev_seconds: float, windows: int) -> Estimate:
    windows = max(windows, 1)
    per = ahead / windows / 60
    return Estimate(
        minutes=math.ceil(per * avg_seconds),
        low=math.floor(per * max(avg_seconds - dev_seconds, 0)),
        high=math.ceil(per * (avg_seconds + dev_seconds)),
    )


def defaults(default_minutes: int) -> tuple[float, float]:
    avg = default_minutes * 60.0
    return avg, avg / 2
