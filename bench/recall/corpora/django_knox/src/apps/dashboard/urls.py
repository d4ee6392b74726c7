from django.urls import path

from . import views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("units/", views.UnitListView.as_view(), name="units"),
    path("units/search/", views.unit_search, name="unit-search"),
    path("units/<int:unit_id>/listing/", views.toggle_listing, name="toggle-listing"),
    path("tenants/lookup/", views.tenant_lookup, name="tenant-lookup"),
    path("leases/<int:lease_id>/rent-increase/", views.rent_increase, name="rent-increase"),
    path("leases/<int:lease_id>/notices/new/", views.send_notice, name="send-notice"),
    path("notices/<int:pk>/", views.NoticeDetailView.as_view(), name="notice-detail"),
    path("tickets/", views.TicketListView.as_view(), name="tickets"),
]
