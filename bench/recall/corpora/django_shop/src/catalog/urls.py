from django.urls import path
from django.views.decorators.cache import cache_page

from . import views

app_name = "catalog"

urlpatterns = [
    path("", cache_page(60 * 5)(views.BookListView.as_view()), name="book-list"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("search/suggest/", views.search_suggestions, name="search-suggest"),
    path("books/<slug:slug>/", views.BookDetailView.as_view(), name="book-detail"),
    path("books/<slug:slug>/review/", views.add_review, name="add-review"),
    path("books/<slug:slug>/notify-me/", views.stock_alert_signup, name="stock-alert"),
    path("books/<slug:slug>/share/", views.share_book, name="share"),
]
