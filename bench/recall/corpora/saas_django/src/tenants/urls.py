from django.urls import path

from . import views

app_name = "tenants"

urlpatterns = [
    path("", views.TeamListView.as_view(), name="team"),
    path("invite/", views.InviteMemberView.as_view(), name="invite"),
    path("settings/", views.TenantSettingsView.as_view(), name="settings"),
    path("billing/", views.BillingOverviewView.as_view(), name="billing"),
    path("billing/checkout/", views.CheckoutView.as_view(), name="billing-checkout"),
    path("billing/portal/", views.CustomerPortalView.as_view(), name="billing-portal"),
    path("invite/<str:token>/", views.accept_invite, name="accept-invite"),
]
