import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_ratelimit.decorators import ratelimit
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .forms import ResendStatusLinkForm
from .models import GrantApplication, GrantApplicationPage, GrantDraft
from .services import refresh_status_token, status_link_is_current, withdraw
from .tasks import send_status_link

logger = logging.getLogger("artsboard.grants")

DRAFT_FIELDS = {"applicant_name", "organisation", "email", "region", "project_title", "project_summary", "amount_requested"}


@csrf_exempt
@login_required
@require_POST
def autosave_draft(request, round_id):
    """Called every 30s by grant-form.js while an applicant is typing."""
    round_page = get_object_or_404(GrantApplicationPage.objects.live(), pk=round_id)
    try:
        payload = json.loads(request.body or b"{}")
    except ValueError:
        return JsonResponse({"ok": False, "error": "invalid payload"}, status=400)

    data = {key: value for key, value in payload.items() if key in DRAFT_FIELDS}
    draft, _ = GrantDraft.objects.update_or_create(
        user=request.user, round=round_page, defaults={"data": data}
    )
    return JsonResponse({"ok": True, "saved_at": draft.updated_at.isoformat()})


def application_status(request, token):
    application = (
        GrantApplication.objects.select_related("round").filter(status_token=token).first()
    )
    if application is None or not status_link_is_current(application):
        raise Http404("Unknown or expired link")
    return render(request, "grants/status.html", {"application": application})


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
@ratelimit(key="post:email", rate="3/h", method="POST", block=True)
def resend_status_link(request):
    form = ResendStatusLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        application = GrantApplication.objects.filter(
            email__iexact=form.cleaned_data["email"],
            reference=form.cleaned_data["reference"].strip().upper(),
        ).first()
        if application is not None:
            refresh_status_token(application)
            send_status_link.delay(application.pk)
        # same response either way so references can't be probed
        messages.info(request, "If those details match an application, we've emailed you a new link.")
        return redirect("grants:resend_status_link")
    return render(request, "grants/resend_status_link.html", {"form": form})


class WithdrawApplicationView(LoginRequiredMixin, View):
    def post(self, request, pk):
        application = get_object_or_404(GrantApplication, pk=pk)
        if application.applicant_id != request.user.pk:
            raise PermissionDenied
        try:
            withdraw(application, request.user)
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Application {application.reference} has been withdrawn.")
        return redirect("members:dashboard")


class GrantsDashboardView(WagtailAdminTemplateMixin, TemplateView):
    """Admin overview of applications, linked from the Wagtail menu."""

    template_name = "grants/admin_dashboard.html"
    page_title = "Grant applications"
    header_icon = "form"

    SORTABLE = {
        "submitted": "a.submitted_at",
        "amount": "a.amount_requested",
        "region": "a.region",
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("grants.view_grantapplication"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status") or GrantApplication.Status.SUBMITTED
        order_column = self.SORTABLE.get(self.request.GET.get("sort"), "a.submitted_at")
        sql = (
            "SELECT a.id, a.reference, a.project_title, a.amount_requested, a.region, a.submitted_at "
            "FROM grants_grantapplication a "
            "WHERE a.status = %s "
            f"ORDER BY {order_column} DESC"
        )
        context["applications"] = GrantApplication.objects.raw(sql, [status])
        context["status"] = status
        context["statuses"] = GrantApplication.Status.choices
        return context
