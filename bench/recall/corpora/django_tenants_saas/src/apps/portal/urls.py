from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.PortalInvoiceListView.as_view(), name="invoices"),
    path("login/", views.PortalLoginView.as_view(), name="login"),
    path("logout/", views.PortalLogoutView.as_view(), name="logout"),
    path("forgot-password/", views.ForgotPasswordView.as_view(), name="forgot-password"),
    path("reset/<str:token>/", views.ResetPasswordView.as_view(), name="reset-password"),
    path("i/<str:token>/", views.SharedInvoiceView.as_view(), name="shared-invoice"),
    path("invoices/<uuid:public_id>/comments/", views.InvoiceCommentView.as_view(), name="comment"),
    path("quotes/<uuid:public_id>/decision/", views.QuoteDecisionView.as_view(), name="quote-decision"),
]
