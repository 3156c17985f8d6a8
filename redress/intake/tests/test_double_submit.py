"""Two presses of "Accept and send" at the same moment (a double click, a resent request):
exactly one case, and both presses see the same submission."""

import threading

import pytest
from django.db import connection
from django.utils import timezone

from redress.cases.models import Case, CaseEvent
from redress.intake import services
from redress.intake.models import Submission
from redress.intake.tests.builders import fill_in
from redress.intake.tests.journey_data import PARENT_COMPLAINT

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_sends_of_one_form_create_one_case():
    draft = fill_in("complaint", PARENT_COMPLAINT, timezone.localdate())
    start = threading.Barrier(2)
    results: list[object] = []

    def press() -> None:
        try:
            start.wait()
            submission = services.submission_confirm(
                key=draft.key, journey="complaint", client="c", now=timezone.now()
            )
            results.append(submission.pk)
        except Exception as error:  # pragma: no cover - reported by the assertion below
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert len(results) == 2
    assert results[0] == results[1], results
    assert Case.objects.count() == 1
    assert Submission.objects.count() == 1
    assert CaseEvent.objects.filter(action="receive").count() == 1
