from django.urls import path

from . import views

app_name = "invoices"

urlpatterns = [
    path("", views.InvoiceListView.as_view(), name="list"),
    path("new/", views.invoice_edit, name="create"),
    path("<int:pk>/", views.InvoiceDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.invoice_edit, name="edit"),
    path("<int:pk>/finalize/", views.invoice_finalize, name="finalize"),
    path("<int:pk>/payment/", views.invoice_mark_paid, name="mark-paid"),
    path("<int:pk>/pdf/", views.invoice_pdf, name="pdf"),
]
