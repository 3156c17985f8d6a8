from django.urls import path

from redress.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("annual/", views.annual_report, name="annual"),
    path("annual.pdf", views.annual_report_pdf, name="annual_pdf"),
    path("annual.xlsx", views.annual_report_xlsx, name="annual_xlsx"),
    path("annual/<slug:key>.csv", views.annual_report_csv, name="annual_csv"),
]
