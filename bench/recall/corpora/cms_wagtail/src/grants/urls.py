from django.urls import path

from . import views

app_name = "grants"

urlpatterns = [
    path("rounds/<int:round_id>/autosave/", views.autosave_draft, name="autosave"),
    path("status/<str:token>/", views.application_status, name="status"),
    path("status-link/", views.resend_status_link, name="resend_status_link"),
    path("applications/<int:pk>/withdraw/", views.WithdrawApplicationView.as_view(), name="withdraw"),
]
