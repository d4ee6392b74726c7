from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/suggest/", views.search_suggest, name="search-suggest"),
    path("tag/<slug:slug>/", views.TagView.as_view(), name="tag"),
    path("gift/<str:token>/", views.gift_link, name="gift"),
    path("preview/<str:token>/", views.embargo_preview, name="preview"),
    path("story/<int:pk>/gift/", views.create_gift_link, name="create-gift"),
    path("story/<int:pk>/comment/", views.CommentCreateView.as_view(), name="comment"),
    path("story/<int:pk>/preview-links/", views.send_preview_links, name="preview-links"),
    path("<slug:section_slug>/", views.section_detail, name="section"),
    path("<slug:section_slug>/<slug:slug>/", views.article_detail, name="detail"),
]
