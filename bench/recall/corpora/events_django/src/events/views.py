import random

from django.core.cache import cache
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from .forms import SearchForm
from .models import Category, Event
from .services import search_events, this_week

VIEW_MODES = ("grid", "list")


def home(request):
    featured = cache.get("home:featured")
    if featured is None:
        featured = list(Event.objects.published().upcoming().filter(is_featured=True).select_related("venue")[:12])
        cache.set("home:featured", featured, 300)
    featured = random.sample(featured, k=min(4, len(featured)))
    return render(request, "home.html", {"featured": featured, "this_week": this_week()})


class EventListView(ListView):
    template_name = "events/event_list.html"
    context_object_name = "events"
    paginate_by = 24

    def get_queryset(self):
        qs = Event.objects.published().upcoming().select_related("venue", "category")
        category = self.kwargs.get("category")
        if category:
            qs = qs.filter(category__slug=category)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = Category.objects.all()
        context["view_mode"] = self.request.COOKIES.get("event_view", "grid")
        return context


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        qs = Event.objects.select_related("venue", "category", "organizer").prefetch_related("ticket_types")
        user = self.request.user
        if user.is_authenticated and (user.is_staff or user.is_organizer):
            return qs
        return qs.exclude(status=Event.Status.DRAFT)


def search(request):
    form = SearchForm(request.GET or None)
    results = Event.objects.none()
    query = ""
    if form.is_valid():
        data = form.cleaned_data
        query = data["q"]
        results = search_events(
            query=query,
            city=data["city"],
            category=data["category"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            sort=data["sort"] or "date",
        )
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "events/search.html",
        {
            "form": form,
            "query": query,
            "page_obj": page,
            "querystring": params.urlencode(),
            "categories": Category.objects.all(),
        },
    )


@require_POST
def set_view_mode(request):
    mode = request.POST.get("mode")
    response = redirect("events:list")
    if mode in VIEW_MODES:
        response.set_cookie("event_view", mode, max_age=60 * 60 * 24 * 365, samesite="Lax")
    return response
