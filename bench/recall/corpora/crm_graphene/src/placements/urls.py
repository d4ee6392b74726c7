from django.urls import path

from . import views

app_name = "placements"

urlpatterns = [
    path("new/<int:candidate_pk>/", views.create_placement, name="create"),
    path("<int:pk>/stage/", views.PlacementStageUpdateView.as_view(), name="stage"),
    path("<int:pk>/offer-letter/", views.offer_letter, name="offer-letter"),
    path("jobs/<int:job_pk>/send-shortlist/", views.send_shortlist, name="send-shortlist"),
    path("reports/pipeline.csv", views.pipeline_report, name="pipeline-report"),
    path("reports/revenue/", views.revenue_report, name="revenue-report"),
]
