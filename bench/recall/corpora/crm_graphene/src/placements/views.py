import csv
import json
import logging
from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.decorators import ratelimit

from candidates.models import Candidate
from clients.models import Contact, JobOrder

from . import reports
from .models import Placement
from .tasks import send_shortlist_email

logger = logging.getLogger(__name__)


@login_required
@require_POST
def create_placement(request, candidate_pk):
    candidate = get_object_or_404(Candidate, pk=candidate_pk)
    job = get_object_or_404(JobOrder, pk=request.POST.get("job_order"), status=JobOrder.Status.OPEN)
    placement, created = Placement.objects.get_or_create(
        candidate=candidate, job_order=job, defaults={"recruiter": request.user}
    )
    if created:
        messages.success(request, f"{candidate.full_name} submitted to {job}.")
    else:
        messages.info(request, f"{candidate.full_name} is already in the pipeline for {job}.")
    return redirect(candidate)


@method_decorator(csrf_exempt, name="dispatch")
class PlacementStageUpdateView(LoginRequiredMixin, View):
    """Called by the drag-and-drop pipeline board (fetch() with a JSON body)."""

    def post(self, request, pk):
        placement = get_object_or_404(Placement.objects.select_related("candidate"), pk=pk)
        if placement.recruiter_id != request.user.pk and not request.user.is_manager:
            raise PermissionDenied
        try:
            stage = json.loads(request.body or b"{}").get("stage") or request.POST.get("stage")
        except ValueError:
            return HttpResponseBadRequest("invalid JSON")
        if stage not in Placement.Stage.values:
            return HttpResponseBadRequest("unknown stage")
        placement.move_to(stage, changed_by=request.user)
        return HttpResponse(
            format_html('<span class="stage stage--{}">{}</span>', stage, placement.get_stage_display())
        )


@login_required
@require_GET
def offer_letter(request, pk):
    placement = get_object_or_404(
        Placement.objects.select_related("candidate", "job_order__client", "recruiter"), pk=pk
    )
    if placement.stage not in (Placement.Stage.OFFER, Placement.Stage.PLACED):
        messages.warning(request, "Offer letters are only available once an offer has been made.")
        return redirect(placement.candidate)
    return render(request, "placements/offer_letter.html", {"placement": placement, "today": date.today()})


@login_required
@require_GET
def pipeline_report(request):
    stages = request.GET.getlist("stage")
    if request.user.is_manager:
        recruiter_id = request.GET.get("recruiter") or None
    else:
        recruiter_id = request.user.pk
    rows = reports.stage_breakdown(stages=stages, recruiter_id=recruiter_id)

    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="pipeline-{date.today():%Y%m%d}.csv"'
    writer = csv.DictWriter(response, fieldnames=["stage", "total", "pipeline_salary"])
    writer.writeheader()
    writer.writerows(rows)
    return response


@login_required
@require_GET
def revenue_report(request):
    if not request.user.is_manager:
        raise PermissionDenied
    today = date.today()
    try:
        start = date.fromisoformat(request.GET.get("start", "")) if request.GET.get("start") else today.replace(day=1)
        end = date.fromisoformat(request.GET.get("end", "")) if request.GET.get("end") else today
    except ValueError:
        return JsonResponse({"detail": "start and end must be YYYY-MM-DD"}, status=400)
    if end - start > timedelta(days=366):
        return JsonResponse({"detail": "range is limited to one year"}, status=400)
    rows = reports.revenue_by_recruiter(start, end, sort=request.GET.get("sort", "fees"))
    return JsonResponse({"start": start, "end": end, "rows": rows})


@login_required
@require_POST
@ratelimit(key="user", rate="20/h", method="POST", block=True)
def send_shortlist(request, job_pk):
    job = get_object_or_404(JobOrder.objects.select_related("client"), pk=job_pk)
    contact = get_object_or_404(Contact, pk=request.POST.get("contact"), client=job.client)
    placement_ids = list(
        job.placements.filter(stage__in=[Placement.Stage.SUBMITTED, Placement.Stage.INTERVIEW]).values_list(
            "pk", flat=True
        )
    )
    if not placement_ids:
        messages.warning(request, "There is nobody on the shortlist yet.")
        return redirect(job.client)
    send_shortlist_email.delay(placement_ids, contact.pk, request.user.pk)
    messages.success(request, f"Shortlist for {job.title} queued for {contact.name}.")
    return redirect(job.client)
