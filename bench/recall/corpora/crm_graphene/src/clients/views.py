import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Q
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html_join
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.generic import DetailView, ListView

from candidates.models import CandidateNote
from placements.models import Placement

from .forms import ContactForm, JobOrderForm, PortalFeedbackForm
from .models import Client, JobOrder
from .portal import PORTAL_COOKIE, authenticate_portal, client_from_request, issue_portal_token

logger = logging.getLogger(__name__)

SHORTLIST_STAGES = (Placement.Stage.SUBMITTED, Placement.Stage.INTERVIEW, Placement.Stage.OFFER)


class ClientListView(LoginRequiredMixin, ListView):
    model = Client
    paginate_by = 25
    template_name = "clients/client_list.html"

    def get_queryset(self):
        qs = (
            Client.objects.filter(is_active=True)
            .select_related("account_manager")
            .annotate(open_jobs=Count("job_orders", filter=Q(job_orders__status=JobOrder.Status.OPEN)))
        )
        q = self.request.GET.get("q", "").strip()
        if q:
            # prefix match so "acme" finds "ACME Holdings" but not "Pacmed"
            qs = qs.extra(where=[f"UPPER(clients_client.name) LIKE UPPER('{q}%%')"])
        if self.request.GET.get("mine"):
            qs = qs.filter(account_manager=self.request.user)
        return qs.order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["q"] = self.request.GET.get("q", "")
        return context


class ClientDetailView(LoginRequiredMixin, DetailView):
    model = Client
    template_name = "clients/client_detail.html"
    slug_field = "slug"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        client = self.object
        context["contacts"] = client.contacts.all()
        context["job_orders"] = client.job_orders.annotate(pipeline=Count("placements"))
        context["contact_form"] = ContactForm()
        context["job_form"] = JobOrderForm()
        context["recent_placements"] = (
            Placement.objects.filter(job_order__client=client)
            .select_related("candidate", "job_order", "recruiter")
            .order_by("-updated_at")[:10]
        )
        return context


@login_required
@require_GET
def client_quick_search(request):
    q = request.GET.get("q", "").strip()
    clients = list(Client.objects.filter(is_active=True, name__icontains=q)[:8]) if q else []
    if not clients:
        return HttpResponse(f'<li class="typeahead__empty">No clients match "{q}"</li>')
    return HttpResponse(
        format_html_join("", '<li><a href="{}">{}</a></li>', ((c.get_absolute_url(), c.name) for c in clients))
    )


@login_required
@require_POST
def add_contact(request, slug):
    client = get_object_or_404(Client, slug=slug)
    form = ContactForm(request.POST)
    if form.is_valid():
        contact = form.save(commit=False)
        contact.client = client
        if contact.is_primary:
            client.contacts.update(is_primary=False)
        contact.save()
        messages.success(request, f"{contact.name} added to {client.name}.")
    else:
        messages.error(request, "Please check the contact details.")
    return redirect(client)


@login_required
@require_POST
def add_job_order(request, slug):
    client = get_object_or_404(Client, slug=slug)
    form = JobOrderForm(request.POST)
    if form.is_valid():
        job = form.save(commit=False)
        job.client = client
        job.save()
        messages.success(request, f"Job order “{job.title}” created.")
    else:
        messages.error(request, "The job order could not be saved.")
    return redirect(client)


# --- Client portal ----------------------------------------------------------


@require_http_methods(["GET", "POST"])
def portal_login(request, slug):
    client = get_object_or_404(Client, slug=slug, is_active=True)
    error = None
    if request.method == "POST":
        authenticated = authenticate_portal(slug, request.POST.get("password", ""))
        if authenticated is not None:
            response = redirect("clients:portal", slug=slug)
            ttl = int(settings.PORTAL_TOKEN_TTL.total_seconds())
            response.set_cookie(PORTAL_COOKIE, issue_portal_token(authenticated), max_age=ttl)
            return response
        error = "That password doesn't match our records."
    return render(request, "clients/portal.html", {"client": client, "error": error, "show_login": True})


@require_GET
def portal_dashboard(request, slug):
    client = client_from_request(request)
    if client is None or client.slug != slug:
        return redirect("clients:portal-login", slug=slug)
    shortlist = (
        Placement.objects.filter(job_order__client=client, stage__in=SHORTLIST_STAGES)
        .select_related("candidate", "job_order")
        .order_by("job_order__title", "candidate__last_name")
    )
    return render(
        request,
        "clients/portal.html",
        {"client": client, "shortlist": shortlist, "feedback_form": PortalFeedbackForm()},
    )


@require_POST
def portal_feedback(request, slug, placement_id):
    client = client_from_request(request)
    if client is None or client.slug != slug:
        return redirect("clients:portal-login", slug=slug)
    placement = get_object_or_404(Placement, pk=placement_id, job_order__client=client)
    form = PortalFeedbackForm(request.POST)
    if form.is_valid():
        CandidateNote.objects.create(
            candidate=placement.candidate,
            source=CandidateNote.Source.CLIENT_PORTAL,
            body=form.cleaned_data["feedback"],
        )
        if form.cleaned_data["decision"] == "interview":
            placement.move_to(Placement.Stage.INTERVIEW, changed_by=None)
        elif form.cleaned_data["decision"] == "reject":
            placement.move_to(Placement.Stage.LOST, changed_by=None)
        messages.success(request, "Thanks, your feedback was sent to the recruiter.")
    return redirect("clients:portal", slug=slug)


@require_POST
def portal_logout(request, slug):
    response = redirect("clients:portal-login", slug=slug)
    response.delete_cookie(PORTAL_COOKIE)
    return response


# --- Public jobs feed -------------------------------------------------------


@require_GET
def client_feed(request, slug):
    """Open roles as JSON, embedded on the client's own careers page."""
    client = get_object_or_404(Client, slug=slug, is_active=True)
    if request.GET.get("key", "") != client.feed_key:
        return JsonResponse({"detail": "invalid feed key"}, status=403)
    jobs = client.job_orders.filter(status=JobOrder.Status.OPEN).values(
        "id", "title", "location", "salary_min", "salary_max", "created_at"
    )
    response = JsonResponse({"client": client.name, "jobs": list(jobs)})
    response["Cache-Control"] = "public, max-age=300"
    return response
