from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("redress.core.urls")),
    path("", include("redress.intake.urls")),
    path("staff/", include("redress.casework.urls")),
    path("staff/letters/", include("redress.letters.urls")),
    path("staff/reports/", include("redress.reports.urls")),
    path("staff/triage/", include("redress.triage.urls")),
]

handler500 = "redress.core.views.server_error"
