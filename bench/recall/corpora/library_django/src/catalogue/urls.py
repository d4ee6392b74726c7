from django.urls import path

from . import views

app_name = "catalogue"

urlpatterns = [
    path("", views.TitleListView.as_view(), name="title-list"),
    path("titles/<int:pk>/", views.TitleDetailView.as_view(), name="title-detail"),
    path("titles/<int:pk>/review/", views.ReviewCreateView.as_view(), name="review-create"),
    path("autocomplete/", views.title_autocomplete, name="autocomplete"),
    path("branches/", views.BranchListView.as_view(), name="branch-list"),
    path("branches/choose/", views.choose_branch, name="choose-branch"),
    path("branches/<slug:slug>/", views.BranchDetailView.as_view(), name="branch-detail"),
]
