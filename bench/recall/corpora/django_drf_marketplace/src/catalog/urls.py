from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/suggest/", views.search_suggestions, name="search-suggestions"),
    path("dashboard/", views.SellerDashboardView.as_view(), name="dashboard"),
    path("dashboard/vacation/", views.update_vacation_mode, name="vacation-mode"),
    path("dashboard/items/<int:item_id>/shipped/", views.mark_item_shipped, name="mark-shipped"),
    path("shop/<slug:slug>/", views.StorefrontView.as_view(), name="storefront"),
    path("shop/<slug:slug>/favorite/", views.toggle_favorite, name="toggle-favorite"),
    path("shop/<slug:shop_slug>/<slug:slug>/", views.ListingDetailView.as_view(), name="listing-detail"),
]
