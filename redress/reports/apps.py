from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "redress.reports"
    verbose_name = "Annual report and dashboard"
