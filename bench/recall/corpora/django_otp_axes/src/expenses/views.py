import logging
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required, user_passes_test
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import linebreaks_filter as linebreaks
from django.urls import reverse_lazy
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, UpdateView
from django_otp.decorators import otp_required

from . import reports, services
from .forms import ApprovalForm, ClaimForm, ClaimLineFormSet, ClaimSearchForm
from .models import Claim

logger = logging.getLogger(__name__)

SORTABLE_FIELDS = {
    "newest": "-created_at",
    "oldest": "created_at",
    "title": "title",
    "status": "status",
}


class OwnClaimMixin(LoginRequiredMixin):
    def get_queryset(self):
        return Claim.objects.filter(owner=self.request.user).prefetch_related("lines")


class ClaimListView(OwnClaimMixin, ListView):
    template_name = "expenses/claim_list.html"
    paginate_by = 25

    def get_queryset(self):
        qs = super().get_queryset()
        self.form = ClaimSearchForm(self.request.GET or None)
        if self.form.is_valid():
            q = self.form.cleaned_data.get("q")
            if q:
                qs = qs.extra(where=["title LIKE '%%%s%%'" % q])
            if self.form.cleaned_data.get("status"):
                qs = qs.filter(status=self.form.cleaned_data["status"])
            sort_key = self.form.cleaned_data.get("sort") or "newest"
            qs = qs.order_by(SORTABLE_FIELDS.get(sort_key, "-created_at"))
        return qs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["search_form"] = self.form
        return ctx


class ClaimDetailView(OwnClaimMixin, DetailView):
    template_name = "expenses/claim_detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["description_html"] = linebreaks(self.object.description, autoescape=True)
        ctx["category_totals"] = reports.category_totals(self.request.user)
        return ctx


class ClaimCreateView(LoginRequiredMixin, CreateView):
    model = Claim
    form_class = ClaimForm
    template_name = "expenses/claim_form.html"

    def form_valid(self, form):
        form.instance.owner = self.request.user
        messages.success(self.request, "Draft claim created.")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse_lazy("expenses:claim-lines", args=[self.object.pk])


class ClaimUpdateView(OwnClaimMixin, UpdateView):
    form_class = ClaimForm
    template_name = "expenses/claim_form.html"

    def get_queryset(self):
        return super().get_queryset().filter(status=Claim.Status.DRAFT)

    def get_success_url(self):
        return reverse_lazy("expenses:claim-detail", args=[self.object.pk])


@login_required
def edit_lines(request, pk):
    claim = get_object_or_404(Claim, pk=pk, owner=request.user, status=Claim.Status.DRAFT)
    formset = ClaimLineFormSet(request.POST or None, instance=claim)
    if request.method == "POST" and formset.is_valid():
        formset.save()
        return redirect("expenses:claim-detail", pk=claim.pk)
    return render(request, "expenses/claim_lines.html", {"claim": claim, "formset": formset})


@login_required
@require_POST
def submit_claim(request, pk):
    claim = get_object_or_404(Claim, pk=pk, owner=request.user)
    try:
        services.submit_claim(claim)
    except services.ClaimWorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Claim submitted for approval.")
    return redirect("expenses:claim-detail", pk=claim.pk)


class ApproverRequiredMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_authenticated and self.request.user.is_approver


class ApprovalQueueView(LoginRequiredMixin, ApproverRequiredMixin, ListView):
    template_name = "expenses/approval_queue.html"

    def get_queryset(self):
        return Claim.objects.filter(approver=self.request.user, status=Claim.Status.SUBMITTED)


class ApproveClaimView(LoginRequiredMixin, ApproverRequiredMixin, UpdateView):
    form_class = ApprovalForm
    template_name = "expenses/claim_form.html"
    success_url = reverse_lazy("expenses:approval-queue")

    def get_queryset(self):
        return Claim.objects.filter(approver=self.request.user, status=Claim.Status.SUBMITTED)

    def form_valid(self, form):
        try:
            services.decide_claim(
                self.object, self.request.user, form.cleaned_data["decision"], form.cleaned_data["approver_notes"]
            )
        except services.ClaimWorkflowError as exc:
            messages.error(self.request, str(exc))
        return redirect(self.success_url)


@csrf_exempt
@login_required
@require_POST
def bulk_approve(request):
    if not request.user.is_approver:
        raise PermissionDenied
    ids = request.POST.getlist("claim_ids")
    approved = 0
    for claim in Claim.objects.filter(pk__in=ids, approver=request.user, status=Claim.Status.SUBMITTED):
        services.decide_claim(claim, request.user, Claim.Status.APPROVED)
        approved += 1
    return JsonResponse({"approved": approved})


def is_finance(user):
    return user.is_authenticated and user.is_finance


@otp_required
@user_passes_test(is_finance)
def department_report(request):
    dept = request.GET.get("dept", "")
    start = date.fromisoformat(request.GET.get("start", date.today().replace(day=1).isoformat()))
    end = date.fromisoformat(request.GET.get("end", date.today().isoformat()))
    rows = reports.department_spend(dept, start, end) if dept else []
    breakdown = reports.status_breakdown(Claim.Status.SUBMITTED)
    return render(
        request,
        "reports/department.html",
        {"rows": rows, "breakdown": breakdown, "dept": dept, "start": start, "end": end},
    )


@login_required
def export_claim_csv(request, pk):
    claim = get_object_or_404(Claim, pk=pk, owner=request.user)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="claim-{claim.pk}.csv"'
    response.write("date,merchant,category,amount,currency\n")
    for line in claim.lines.select_related("category"):
        response.write(f"{line.spent_on},{line.merchant},{line.category.name},{line.amount},{line.currency}\n")
    return response


@login_required
def merchant_lookup(request):
    term = request.GET.get("merchant", "")
    count = Claim.objects.filter(owner=request.user, lines__merchant__iexact=term).distinct().count()
    if not count:
        return HttpResponse(f"<p class='muted'>No claims found for <strong>{term}</strong>.</p>")
    return HttpResponse(f"<p>{count} claim(s) with <strong>{escape(term)}</strong>.</p>")


@login_required
def receipt_scan(request):
    if request.method == "POST" and request.FILES.get("receipt"):
        receipt, created = services.store_receipt(request.user, request.FILES["receipt"])
        if created:
            messages.success(request, "Receipt stored.")
        else:
            messages.info(request, "That receipt was already uploaded.")
        return redirect("expenses:receipt-scan")
    return render(request, "expenses/receipt_scan.html")
