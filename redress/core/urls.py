from django.urls import path

from redress.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.health, name="health"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("cookies/", views.cookies, name="cookies"),
    path("contact/", views.contact, name="contact"),
]
