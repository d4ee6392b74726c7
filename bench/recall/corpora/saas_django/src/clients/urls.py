from django.urls import path

from . import portal_views, views

app_name = "clients"

urlpatterns = [
    path("", views.ClientListView.as_view(), name="list"),
    path("new/", views.ClientCreateView.as_view(), name="create"),
    path("<int:pk>/", views.ClientDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.ClientUpdateView.as_view(), name="update"),
    path("<int:pk>/contacts/", views.add_contact, name="add-contact"),
    path("archive/", views.bulk_archive, name="bulk-archive"),
    path("density/", views.set_density, name="density"),
]


# Mounted at /portal/ under the "portal" namespace (see ledgerly/urls.py).
portal_urlpatterns = [
    path("", portal_views.portal_home, name="home"),
    path("login/", portal_views.portal_login, name="login"),
    path("logout/", portal_views.portal_logout, name="logout"),
    path("forgot/", portal_views.portal_forgot_password, name="forgot"),
    path("reset/<str:token>/", portal_views.portal_reset, name="reset"),
    path("invoices/<str:number>/", portal_views.portal_invoice, name="invoice"),
]
