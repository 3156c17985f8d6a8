"""`manage.py demo_sign_in_details`: where to sign in, and the demo accounts to sign in with."""

from typing import Any

from django.core.management.base import BaseCommand
from django.urls import NoReverseMatch, reverse

from redress.accounts.models import User
from redress.demo.people import DEMO_PASSWORD, STAFF
from redress.domain.roles import Role

SITE = "http://127.0.0.1:8000/"
ADMIN = "http://127.0.0.1:8000/admin/"


def staff_sign_in() -> str:
    try:
        return SITE.rstrip("/") + reverse("casework:sign_in")
    except NoReverseMatch:  # the staff screens are not installed
        return ADMIN


class Command(BaseCommand):
    help = "Print the demo site's addresses and the demo accounts with their roles and password."

    def handle(self, *args: Any, **options: Any) -> None:
        write = self.stdout.write
        write(f"Redress:          {SITE}")
        write(f"Staff sign-in:    {staff_sign_in()}")
        write(f"The Django admin: {ADMIN}")
        present = set(
            User.objects.filter(username__in=[p.username for p in STAFF]).values_list(
                "username", flat=True
            )
        )
        people = [person for person in STAFF if person.username in present]
        if not people:
            write("No demo accounts yet: run `make demo` (manage.py load_demo) to create them.")
            return
        write("")
        write(f"Every demo account's password is: {DEMO_PASSWORD}")
        write(
            "Signing in also needs a code from an authenticator app: the first time each account "
            "signs in, it shows a QR code to set one up."
        )
        write("")
        width = max(len(person.username) for person in people)
        role_width = max(len(person.role.label) for person in people)
        write(f"{'Username':<{width}}  {'Role':<{role_width}}  Name")
        write(f"{'-' * width}  {'-' * role_width}  {'-' * 30}")
        for person in people:
            where = " (external)" if person.is_external else ""
            write(
                f"{person.username:<{width}}  {person.role.label:<{role_width}}  "
                f"{person.full_name}, {person.job_title}{where}"
            )
        administrators = [p.username for p in people if p.role is Role.ADMINISTRATOR]
        write("")
        write(f"{', '.join(administrators)} can also use the Django admin.")
