from django.urls import path

from . import views

app_name = "vendors"

urlpatterns = [
    path("login/", views.vendor_login, name="login"),
    path("jobs/", views.job_list, name="jobs"),
    path("jobs/<int:ticket_id>/complete/", views.complete_job, name="complete-job"),
]
