from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("redress.core.urls")),
]

handler500 = "redress.core.views.server_error"
