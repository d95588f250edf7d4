"""清川县（虚构）演示数据：纯 Python 字面量，不依赖 Django。

- regions.COUNTY / regions.TOWNSHIPS：行政区划与三级政务服务中心
- departments.DEPARTMENTS：实施部门（含“两集中、两到位”状态）
- themes.THEMES：主题式服务分类
- items.ITEMS：政务服务事项实施清单（办事指南）
- people.WINDOWS / people.STAFF：窗口与工作人员（含演示登录账号）

加载程序负责把这些数据写入数据库。
"""

from .departments import DEPARTMENTS
from .items import ITEMS
from .people import STAFF, WINDOWS
from .regions import COUNTY, TOWNSHIPS
from .themes import THEMES

__all__ = ["COUNTY", "DEPARTMENTS", "ITEMS", "STAFF", "THEMES", "TOWNSHIPS", "WINDOWS"]
