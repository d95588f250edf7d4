from django.apps import AppConfig


class BenchViewflowConfig(AppConfig):
    name = "bench.viewflow_app"
    label = "bench_viewflow"
    default_auto_field = "django.db.models.BigAutoField"
