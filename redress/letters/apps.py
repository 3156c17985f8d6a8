from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "redress.letters"
    verbose_name = "Letters, emails and reminders"
