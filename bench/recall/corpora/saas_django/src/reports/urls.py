from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("revenue/", views.revenue_report, name="revenue"),
    path("revenue/export/", views.revenue_export, name="revenue-export"),
    path("embed-token/", views.embed_token, name="embed-token"),
    path("widget/", views.widget_data, name="widget-data"),
]
