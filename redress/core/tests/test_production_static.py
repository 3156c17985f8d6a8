"""Pages render with production's hashed static files (the manifest knows files, not folders)."""

import pytest
from django.core.management import call_command
from django.test import Client


@pytest.mark.django_db
def test_the_home_page_renders_with_the_production_static_manifest(settings, tmp_path) -> None:
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "redress.core.storage.StaticStorage"},
    }
    call_command("collectstatic", "--no-input", verbosity=0)

    response = Client().get("/")

    assert response.status_code == 200
    assert b"/static/frontend/app." in response.content
