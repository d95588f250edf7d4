"""Settings for the django-viewflow 2 contender of bench/bench_cases_engine.py only.

govhall's own settings plus viewflow and a small bench app. viewflow is a bench dependency (the ``bench``
extra): it never enters config.settings, govhall's migrations or ``make test``. The engine bench runs
viewflow's part in a subprocess with ``DJANGO_SETTINGS_MODULE=bench.viewflow_settings``, migrating viewflow's
tables into the same bench database as the other contenders (bench/benchdb.py).
"""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "viewflow", "viewflow.workflow", "bench.viewflow_app"]
# No pages are served here: leave out the site/turbo middleware viewflow would otherwise append.
VIEWFLOW = {"AUTOREGISTER": False}
