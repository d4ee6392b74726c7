from django.urls import path

from . import views

app_name = "expenses"

urlpatterns = [
    path("", views.ClaimListView.as_view(), name="claim-list"),
    path("new/", views.ClaimCreateView.as_view(), name="claim-create"),
    path("<int:pk>/", views.ClaimDetailView.as_view(), name="claim-detail"),
    path("<int:pk>/edit/", views.ClaimUpdateView.as_view(), name="claim-edit"),
    path("<int:pk>/lines/", views.edit_lines, name="claim-lines"),
    path("<int:pk>/submit/", views.submit_claim, name="claim-submit"),
    path("<int:pk>/export.csv", views.export_claim_csv, name="claim-export"),
    path("approvals/", views.ApprovalQueueView.as_view(), name="approval-queue"),
    path("approvals/<int:pk>/", views.ApproveClaimView.as_view(), name="claim-approve"),
    path("approvals/bulk/", views.bulk_approve, name="bulk-approve"),
    path("reports/department/", views.department_report, name="department-report"),
    path("merchants/lookup/", views.merchant_lookup, name="merchant-lookup"),
    path("receipts/scan/", views.receipt_scan, name="receipt-scan"),
]
