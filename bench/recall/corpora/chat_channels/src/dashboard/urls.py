from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.InboxView.as_view(), name="inbox"),
    path("conversations/<int:pk>/", views.ConversationDetailView.as_view(), name="conversation"),
    path("conversations/<int:pk>/transfer/", views.transfer_conversation, name="transfer"),
    path("conversations/<int:pk>/close/", views.close_conversation, name="close"),
    path("canned/", views.CannedResponseListView.as_view(), name="canned_list"),
    path("canned/new/", views.CannedResponseCreateView.as_view(), name="canned_create"),
    path("canned/<int:pk>/", views.CannedResponseUpdateView.as_view(), name="canned_edit"),
    path("canned/<int:pk>/preview/", views.canned_preview, name="canned_preview"),
    path("reports/data/", views.ReportDataView.as_view(), name="report_data"),
    path("reports/export.csv", views.ReportExportView.as_view(), name="report_export"),
]
