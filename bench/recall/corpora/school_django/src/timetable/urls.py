from django.urls import path
from django.views.generic import TemplateView

from . import views

app_name = "timetable"

urlpatterns = [
    path("section/<int:section_id>/", views.section_week, name="section_week"),
    path("section/<int:section_id>/seating/", views.seating_plan, name="seating"),
    path("swap/", views.SwapRequestCreateView.as_view(), name="swap_request"),
    path("swap/sent/", TemplateView.as_view(template_name="timetable/swap_done.html"), name="swap_done"),
]
