from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "redress.cases"
    verbose_name = "Cases"
