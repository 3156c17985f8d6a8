from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "redress.casework"
    verbose_name = "Staff case working"
