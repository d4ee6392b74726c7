"""Server-rendered public pages: landing, search and shareable opportunity pages."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html_join
from django.views.decorators.http import require_POST

from accounts.models import VolunteerProfile
from volunteering.models import ListingReport, Opportunity, ShiftSignup
from volunteering.services import featured_opportunities
from volunteering.sharing import read_share_token

REPORT_REASONS = {"spam", "misleading", "unsafe", "other"}


def home(request):
    return render(request, "pages/home.html", {"featured": featured_opportunities()})


def search(request):
    query = request.GET.get("q", "").strip()
    results = []
    if query:
        results = list(
            Opportunity.objects.published()
            .select_related("organisation")
            .filter(Q(title__icontains=query) | Q(summary__icontains=query) | Q(city__icontains=query))
            .order_by("-created_at")[:50]
        )
    if request.GET.get("partial") and not results:
        return HttpResponse(f'<p class="empty">No opportunities match <strong>{query}</strong> yet.</p>')
    return render(request, "pages/search.html", {"query": query, "results": results})


def opportunity_detail(request, org_slug, slug):
    opportunity = get_object_or_404(
        Opportunity.objects.select_related("organisation"),
        organisation__slug=org_slug,
        slug=slug,
    )
    if not opportunity.is_published:
        claims = read_share_token(request.GET.get("share", ""))
        if not claims or claims.get("opp") != str(opportunity.pk):
            raise Http404("No such opportunity")

    skills_html = format_html_join(" ", '<span class="tag">{}</span>', ((skill,) for skill in opportunity.skills))
    shifts = opportunity.shifts.filter(starts_at__gte=timezone.now())[:10]
    return render(
        request,
        "pages/opportunity.html",
        {
            "opportunity": opportunity,
            "organisation": opportunity.organisation,
            "skills_html": skills_html,
            "shifts": shifts,
        },
    )


@login_required
@require_POST
def report_listing(request, org_slug, slug):
    opportunity = get_object_or_404(Opportunity, organisation__slug=org_slug, slug=slug)
    reason = request.POST.get("reason", "other")
    ListingReport.objects.create(
        opportunity=opportunity,
        reporter=request.user,
        reason=reason if reason in REPORT_REASONS else "other",
    )
    messages.success(request, "Thanks, our moderators will take a look.")
    return redirect("pages:opportunity", org_slug=org_slug, slug=slug)


def _ics_escape(value):
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_timestamp(value):
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def calendar_feed(request, token):
    profile = get_object_or_404(VolunteerProfile.objects.select_related("user"), calendar_token=token)
    signups = ShiftSignup.objects.select_related("shift__opportunity__organisation").filter(
        volunteer=profile.user, status=ShiftSignup.Status.CONFIRMED
    )
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Helping Hands//Shifts//EN"]
    for signup in signups:
        shift = signup.shift
        lines += [
            "BEGIN:VEVENT",
            f"UID:signup-{signup.pk}@helpinghands.example",
            f"DTSTAMP:{_ics_timestamp(signup.created_at)}",
            f"DTSTART:{_ics_timestamp(shift.starts_at)}",
            f"DTEND:{_ics_timestamp(shift.ends_at)}",
            f"SUMMARY:{_ics_escape(shift.opportunity.title)}",
            f"LOCATION:{_ics_escape(shift.location or shift.opportunity.city)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return HttpResponse("\r\n".join(lines), content_type="text/calendar; charset=utf-8")
