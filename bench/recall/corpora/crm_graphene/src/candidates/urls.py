from django.urls import path

from . import views

app_name = "candidates"

urlpatterns = [
    path("", views.CandidateListView.as_view(), name="list"),
    path("new/", views.CandidateCreateView.as_view(), name="create"),
    path("search/", views.quick_search, name="quick-search"),
    path("import/", views.import_upload, name="import"),
    path("density/", views.set_density, name="density"),
    path("<int:pk>/", views.CandidateDetailView.as_view(), name="detail"),
    path("<int:pk>/edit/", views.CandidateUpdateView.as_view(), name="edit"),
    path("<int:pk>/notes/", views.add_note, name="add-note"),
    path("<int:pk>/archive/", views.archive, name="archive"),
]
