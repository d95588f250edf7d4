from django.apps import AppConfig


class DevicesConfig(AppConfig):
    name = "govhall.devices"
    label = "devices"
    verbose_name = "大厅终端页面"
