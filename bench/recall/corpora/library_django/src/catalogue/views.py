import random

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import DetailView, FormView, ListView, TemplateView

from core.middleware import BRANCH_COOKIE

from .forms import BranchChoiceForm, ReviewForm, SearchForm
from .models import Branch, Copy, Review, Title
from .search import availability_by_branch, search_titles


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        recent = list(Title.objects.order_by("-created_at")[:40])
        ctx["featured"] = random.sample(recent, k=min(6, len(recent)))
        ctx["search_form"] = SearchForm()
        return ctx


class TitleListView(ListView):
    template_name = "catalogue/title_list.html"
    context_object_name = "titles"
    paginate_by = 20

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        if self.form.is_bound and self.form.is_valid():
            data = self.form.cleaned_data
            return search_titles(
                query=data["q"],
                branch=self.request.branch,
                fmt=data["format"] or None,
                available_only=data["available"],
            ).order_by("title")
        return Title.objects.order_by("-created_at")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["search_form"] = self.form
        ctx["query"] = self.request.GET.get("q", "")
        return ctx


class TitleDetailView(DetailView):
    model = Title
    template_name = "catalogue/title_detail.html"
    context_object_name = "title"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        title = self.object
        ctx["availability"] = availability_by_branch(title)
        ctx["reviews"] = title.reviews.filter(is_visible=True).select_related("patron")[:20]
        ctx["review_form"] = ReviewForm()
        if self.request.user.is_authenticated:
            ctx["has_hold"] = title.holds.filter(
                patron=self.request.user, status__in=["waiting", "ready"]
            ).exists()
        return ctx


class ReviewCreateView(LoginRequiredMixin, FormView):
    form_class = ReviewForm
    template_name = "catalogue/review_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.title = get_object_or_404(Title, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        review = form.save(commit=False)
        review.title = self.title
        review.patron = self.request.user
        try:
            review.save()
        except IntegrityError:
            messages.warning(self.request, "You have already reviewed this title.")
        else:
            messages.success(self.request, "Thanks for your review!")
        return redirect(self.title.get_absolute_url())

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)


class BranchListView(ListView):
    queryset = Branch.objects.filter(is_active=True)
    template_name = "catalogue/branch_list.html"
    context_object_name = "branches"


class BranchDetailView(DetailView):
    queryset = Branch.objects.filter(is_active=True)
    template_name = "catalogue/branch_detail.html"
    context_object_name = "branch"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        shelf = self.request.GET.get("shelf", "").strip()
        ctx["shelf"] = shelf
        if shelf:
            # Shelf browsing: everything filed under a Dewey/shelfmark prefix.
            ctx["shelf_copies"] = Copy.objects.raw(
                "SELECT c.* FROM catalogue_copy c "
                "WHERE c.branch_id = %s AND c.status <> 'withdrawn' "
                f"AND c.shelfmark LIKE '{shelf}%%' ORDER BY c.shelfmark LIMIT 200",
                [self.object.pk],
            )
        ctx["new_arrivals"] = (
            Copy.objects.filter(branch=self.object)
            .select_related("title")
            .order_by("-acquired_on")[:12]
        )
        return ctx


@require_GET
def title_autocomplete(request):
    """HTML fragment for the search box dropdown (htmx)."""
    q = request.GET.get("q", "").strip()
    if len(q) < 2:
        return HttpResponse("")
    titles = list(Title.objects.filter(title__icontains=q).values("pk", "title", "author")[:8])
    if not titles:
        return HttpResponse(f'<li class="list-group-item text-muted">No titles match "{q}"</li>')
    return HttpResponse(render_to_string("catalogue/_autocomplete.html", {"titles": titles}))


@require_POST
def choose_branch(request):
    form = BranchChoiceForm(request.POST)
    target = reverse("catalogue:title-list")
    if not form.is_valid():
        return redirect(target)
    branch = get_object_or_404(Branch, slug=form.cleaned_data["branch"], is_active=True)
    nxt = form.cleaned_data.get("next")
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        target = nxt
    response = redirect(target)
    response.set_cookie(BRANCH_COOKIE, branch.code, max_age=60 * 60 * 24 * 365, samesite="Lax")
    return response
