import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, ListView
from django_ratelimit.decorators import ratelimit

from .forms import ReviewForm, ShareBookForm, StockAlertForm
from .models import Book
from .tasks import send_book_recommendation, send_stock_alert_confirmation

RECENTLY_VIEWED_COOKIE = "recently_viewed"
RECENTLY_VIEWED_MAX = 8


class BookListView(ListView):
    template_name = "catalog/book_list.html"
    paginate_by = 24

    def get_queryset(self):
        return Book.objects.in_stock().select_related("publisher").prefetch_related("authors")


class BookDetailView(DetailView):
    template_name = "catalog/book_detail.html"
    queryset = Book.objects.select_related("publisher").prefetch_related("authors")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        book = self.object
        context["reviews"] = book.reviews.filter(approved=True).select_related("user")
        related = list(
            Book.objects.in_stock()
            .filter(authors__in=book.authors.all())
            .exclude(pk=book.pk)
            .distinct()[:20]
        )
        context["also_like"] = random.sample(related, k=min(4, len(related)))
        context["review_form"] = ReviewForm()
        context["alert_form"] = StockAlertForm()
        context["share_form"] = ShareBookForm()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        seen = [isbn for isbn in self.request.COOKIES.get(RECENTLY_VIEWED_COOKIE, "").split(",") if isbn.isdigit()]
        seen = [self.object.isbn] + [isbn for isbn in seen if isbn != self.object.isbn]
        response.set_cookie(
            RECENTLY_VIEWED_COOKIE,
            ",".join(seen[:RECENTLY_VIEWED_MAX]),
            max_age=60 * 60 * 24 * 30,
            samesite="Lax",
        )
        return response


class SearchView(ListView):
    template_name = "catalog/search.html"
    context_object_name = "results"

    def get(self, request, *args, **kwargs):
        self.query = request.GET.get("q", "").strip()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if len(self.query) < 2:
            return []
        return list(Book.objects.search(self.query))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.query
        return context


@require_GET
def search_suggestions(request):
    """Partial used by the search box dropdown (hx-get)."""
    q = request.GET.get("q", "").strip()
    books = Book.objects.filter(title__icontains=q).only("title", "slug")[:8] if len(q) >= 2 else []
    if not books:
        return HttpResponse(f'<li class="suggestion suggestion--empty">No titles match “{q}”</li>')
    return render(request, "catalog/_suggestions.html", {"books": books})


@login_required
@require_POST
def add_review(request, slug):
    book = get_object_or_404(Book, slug=slug)
    form = ReviewForm(request.POST)
    if form.is_valid():
        review = form.save(commit=False)
        review.book = book
        review.user = request.user
        review.approved = request.user.orders.filter(lines__book=book, status="paid").exists()
        review.save()
        messages.success(request, "Thanks for your review!")
    else:
        messages.error(request, "Please give a rating and a few words.")
    return redirect(book)


@require_POST
@ratelimit(key="ip", rate="5/h", method="POST", block=True)
def stock_alert_signup(request, slug):
    book = get_object_or_404(Book, slug=slug)
    form = StockAlertForm(request.POST)
    if form.is_valid():
        alert, created = book.stock_alerts.get_or_create(email=form.cleaned_data["email"])
        if created:
            send_stock_alert_confirmation.delay(alert.pk)
        messages.success(request, "We'll e-mail you when it's back in stock.")
    return redirect(book)


@require_POST
def share_book(request, slug):
    book = get_object_or_404(Book, slug=slug)
    form = ShareBookForm(request.POST)
    if form.is_valid():
        send_book_recommendation.delay(
            book.pk,
            form.cleaned_data["your_name"],
            form.cleaned_data["friend_email"],
            form.cleaned_data["note"],
        )
        messages.success(request, "We've sent your friend a note about this book.")
    return redirect(book)
