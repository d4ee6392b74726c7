from django.urls import path

from . import views

app_name = "invoices"

urlpatterns = [
    path("", views.InvoiceListView.as_view(), name="list"),
    path("invoices/<uuid:public_id>/", views.InvoiceDetailView.as_view(), name="detail"),
    path("invoices/<uuid:public_id>/pdf/", views.InvoicePDFView.as_view(), name="pdf"),
    path("invoices/<uuid:public_id>/send/", views.SendInvoiceView.as_view(), name="send"),
    path("exports/<str:token>/", views.ExportDownloadView.as_view(), name="export-download"),
]
