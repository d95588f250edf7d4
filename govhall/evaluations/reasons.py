"""The fixed list of reasons a bad rating ticks (after GB/T 39734-2020's kinds of dissatisfaction)."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

BAD_REASONS: dict[str, str | Promise] = {
    "attitude": _("服务态度差"),
    "slow": _("办事效率低、等候时间长"),
    "unclear": _("一次性告知不清楚"),
    "repeat_trips": _("多次跑动"),
    "extra_materials": _("要求提供指南以外的材料"),
    "not_done": _("事情没有办成"),
    "fees": _("乱收费"),
    "environment": _("大厅环境或设施不便"),
    "other": _("其他"),
}
