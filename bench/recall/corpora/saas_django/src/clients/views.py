import json

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from tenants.mixins import TenantScopedQuerysetMixin, tenant_member_required

from .forms import ClientContactForm, ClientForm
from .models import Client

DENSITY_COOKIE = "ledgerly_density"


class ClientFormKwargsMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["tenant"] = self.request.tenant
        return kwargs


class ClientListView(TenantScopedQuerysetMixin, ListView):
    model = Client
    template_name = "clients/client_list.html"
    context_object_name = "clients"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().active().with_open_balance()
        query = self.request.GET.get("q", "")
        if query:
            qs = qs.search(query)
        if self.request.GET.get("mine"):
            qs = qs.filter(assigned_to=self.request.user)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.request.GET.get("q", "")
        context["compact"] = self.request.COOKIES.get(DENSITY_COOKIE) == "compact"
        return context


class ClientDetailView(TenantScopedQuerysetMixin, DetailView):
    model = Client
    template_name = "clients/client_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        client = self.object
        context["invoices"] = client.invoices.order_by("-issue_date")[:25]
        context["documents"] = client.documents.order_by("-created_at")[:25]
        context["contacts"] = client.contacts.all()
        context["contact_form"] = ClientContactForm()
        return context


class ClientCreateView(TenantScopedQuerysetMixin, ClientFormKwargsMixin, CreateView):
    model = Client
    form_class = ClientForm
    template_name = "clients/client_form.html"

    def get_success_url(self):
        messages.success(self.request, "Client created.")
        return reverse("clients:detail", args=[self.object.pk])


class ClientUpdateView(TenantScopedQuerysetMixin, ClientFormKwargsMixin, UpdateView):
    model = Client
    form_class = ClientForm
    template_name = "clients/client_form.html"

    def get_success_url(self):
        return reverse("clients:detail", args=[self.object.pk])


@tenant_member_required
def add_contact(request, pk):
    client = get_object_or_404(Client, pk=pk, tenant=request.tenant)
    if request.method == "POST":
        form = ClientContactForm(request.POST)
        if form.is_valid():
            contact = form.save(commit=False)
            contact.client = client
            contact.save()
            messages.success(request, f"{contact.name} added.")
            return redirect("clients:detail", pk=client.pk)
    else:
        form = ClientContactForm()
    return render(request, "clients/contact_form.html", {"form": form, "client": client})


@tenant_member_required
@require_POST
def bulk_archive(request):
    """Called by the selection toolbar on the client list (fetch + JSON body, X-CSRFToken header)."""
    try:
        ids = [int(pk) for pk in json.loads(request.body).get("ids", [])]
    except (ValueError, TypeError, AttributeError):
        return HttpResponseBadRequest("Expected {\"ids\": [...]}")

    with transaction.atomic():
        updated = (
            Client.objects.filter(tenant=request.tenant, pk__in=ids, archived_at__isnull=True)
            .update(archived_at=timezone.now())
        )
    return JsonResponse({"archived": updated})


@tenant_member_required
@require_POST
def set_density(request):
    value = "compact" if request.POST.get("density") == "compact" else "comfortable"
    response = redirect("clients:list")
    response.set_cookie(DENSITY_COOKIE, value, max_age=60 * 60 * 24 * 365)
    return response
