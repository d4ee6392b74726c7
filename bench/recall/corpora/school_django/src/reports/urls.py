from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("term-averages/", views.term_averages, name="term_averages"),
    path("terms/<int:term_id>/at-risk/", views.AtRiskReportView.as_view(), name="at_risk"),
    path("terms/<int:term_id>/ranking/", views.ranking, name="ranking"),
]
