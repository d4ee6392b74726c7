from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, ListView, TemplateView

from catalogue.models import Copy, Title
from core.payments import create_fines_checkout

from .forms import CheckinForm, OverdueReportForm, PlaceHoldForm
from .models import Fine, Hold, Loan
from .services import CirculationError, cancel_hold, place_hold, renew_loan, return_copy


class LoanListView(LoginRequiredMixin, ListView):
    template_name = "circulation/loan_list.html"
    context_object_name = "loans"

    def get_queryset(self):
        return (
            Loan.objects.open()
            .for_patron(self.request.user)
            .select_related("copy__title", "branch")
        )


class RenewLoanView(LoginRequiredMixin, View):
    def post(self, request, pk):
        loan = get_object_or_404(Loan, pk=pk, patron=request.user, returned_at__isnull=True)
        try:
            loan = renew_loan(loan)
        except CirculationError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Renewed until {loan.due_date:%d %B}.")
        return redirect("circulation:loans")


class HoldListView(LoginRequiredMixin, ListView):
    template_name = "circulation/hold_list.html"
    context_object_name = "holds"

    def get_queryset(self):
        return (
            Hold.objects.filter(
                patron=self.request.user,
                status__in=[Hold.Status.WAITING, Hold.Status.READY],
            )
            .select_related("title", "pickup_branch")
        )


class PlaceHoldView(LoginRequiredMixin, FormView):
    template_name = "circulation/place_hold.html"
    form_class = PlaceHoldForm
    success_url = reverse_lazy("circulation:holds")

    def dispatch(self, request, *args, **kwargs):
        self.title = get_object_or_404(Title, pk=kwargs["title_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"pickup_branch": self.request.user.home_branch_id}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, **kwargs)

    def form_valid(self, form):
        try:
            place_hold(self.title, self.request.user, form.cleaned_data["pickup_branch"])
        except CirculationError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        messages.success(self.request, f"Reserved {self.title.title}.")
        return super().form_valid(form)


@method_decorator(csrf_exempt, name="dispatch")
class HoldCancelView(LoginRequiredMixin, View):
    """Called from the holds page and from the fetch() in static/js/holds.js."""

    def post(self, request, pk):
        hold = get_object_or_404(Hold, pk=pk, patron=request.user)
        try:
            cancel_hold(hold)
        except CirculationError as exc:
            if request.headers.get("Accept") == "application/json":
                return JsonResponse({"ok": False, "error": str(exc)}, status=409)
            messages.error(request, str(exc))
            return redirect("circulation:holds")
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"ok": True})
        messages.success(request, "Reservation cancelled.")
        return redirect("circulation:holds")


class FinesView(LoginRequiredMixin, TemplateView):
    template_name = "circulation/fines.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["fines"] = Fine.objects.filter(patron=self.request.user, paid=False)
        ctx["total"] = self.request.user.outstanding_fines_pence()
        return ctx

    def post(self, request):
        fines = list(Fine.objects.filter(patron=request.user, paid=False))
        url = create_fines_checkout(request, request.user, fines)
        if url is None:
            messages.info(request, "You have nothing to pay.")
            return redirect("circulation:fines")
        return redirect(url)


class CheckinView(PermissionRequiredMixin, FormView):
    permission_required = "circulation.change_loan"
    template_name = "circulation/checkin.html"
    form_class = CheckinForm
    success_url = reverse_lazy("circulation:checkin")

    def form_valid(self, form):
        copy = Copy.objects.filter(barcode=form.cleaned_data["barcode"].strip()).first()
        if copy is None:
            form.add_error("barcode", "Unknown barcode.")
            return self.form_invalid(form)
        branch = self.request.user.home_branch
        try:
            loan, hold = return_copy(copy, branch)
        except CirculationError as exc:
            form.add_error("barcode", str(exc))
            return self.form_invalid(form)
        if hold:
            messages.info(self.request, f"Put on the hold shelf: slip code {hold.pickup_code}.")
        else:
            messages.success(self.request, f"{copy.barcode} returned.")
        return super().form_valid(form)


class OverdueReportView(PermissionRequiredMixin, TemplateView):
    permission_required = "circulation.view_loan"
    template_name = "circulation/overdue_report.html"

    def get(self, request, *args, **kwargs):
        form = OverdueReportForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        branch = filters.get("branch")
        rows = Loan.objects.overdue_report(
            branch_id=branch.pk if branch else None,
            min_days=filters.get("min_days") or 1,
            sort=filters.get("sort") or "days",
        )
        area = request.GET.get("area", "").strip()
        letters = Loan.objects.outreach_letters(area) if area else []

        ctx = self.get_context_data(form=form, rows=rows, area=area, letters=letters)
        return self.render_to_response(ctx)
