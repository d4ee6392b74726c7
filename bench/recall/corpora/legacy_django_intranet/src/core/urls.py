from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("news/", views.AnnouncementListView.as_view(), name="announcement-list"),
    path("news/new/", views.AnnouncementCreateView.as_view(), name="announcement-create"),
    path("news/<int:pk>/", views.AnnouncementDetailView.as_view(), name="announcement-detail"),
    path("preferences/theme/", views.set_theme, name="set-theme"),
]
