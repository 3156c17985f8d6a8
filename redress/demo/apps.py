from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo council, which uses every app: its loader and its two management commands."""

    name = "redress.demo"
    verbose_name = "Demo council"
