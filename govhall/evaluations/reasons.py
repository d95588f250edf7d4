"""The fixed list of reasons a bad rating ticks (after GB/T 39734-2020's kinds of dissatisfaction)."""

from __future__ import annotations

BAD_REASONS: dict[str, str] = {
    "attitude": "服务态度差",
    "slow": "办事效率低、等候时间长",
    "unclear": "一次性告知不清楚",
    "repeat_trips": "多次跑动",
    "extra_materials": "要求提供指南以外的材料",
    "not_done": "事情没有办成",
    "fees": "乱收费",
    "environment": "大厅环境或设施不便",
    "other": "其他",
}
