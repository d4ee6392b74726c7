import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from api.tokens import issue_access_token
from core.models import REGION_CHOICES
from events.models import EventPage, EventRSVP

from .forms import InviteForm, ProfileForm
from .invitations import accept_invitation, create_invitation, send_invitation_email
from .mixins import member_can_view
from .models import MemberProfile

logger = logging.getLogger("artsboard.members")

FRONTEND_TOKEN_COOKIE = "ab_api_token"
REGION_COOKIE = "ab_region"


def _safe_next(request, value, fallback):
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return fallback


@login_required
def dashboard(request):
    profile = MemberProfile.objects.filter(user=request.user).first()
    context = {
        "profile": profile,
        "is_member": member_can_view(request.user),
        "applications": request.user.grant_applications.select_related("round")[:10],
        "rsvps": request.user.event_rsvps.select_related("event").order_by("event__start")[:10],
        "invite_form": InviteForm(),
    }
    return render(request, "members/dashboard.html", context)


@login_required
def profile_edit(request):
    profile, _ = MemberProfile.objects.get_or_create(
        user=request.user, defaults={"display_name": request.user.get_full_name() or request.user.email}
    )
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been updated.")
        return redirect("members:dashboard")
    return render(request, "members/profile_edit.html", {"form": form})


@method_decorator(csrf_exempt, name="dispatch")
class EventRSVPView(LoginRequiredMixin, View):
    """RSVP from the event page; also called by the mobile app's web view."""

    def post(self, request, event_id):
        event = get_object_or_404(EventPage.objects.live(), pk=event_id, members_rsvp=True)
        if not member_can_view(request.user):
            return JsonResponse({"ok": False, "error": "Membership required"}, status=403)
        try:
            guests = max(0, min(3, int(request.POST.get("guests", 0))))
        except ValueError:
            return HttpResponseBadRequest("guests must be a number")
        if event.is_full:
            return JsonResponse({"ok": False, "error": "This event is full"}, status=409)

        rsvp, created = EventRSVP.objects.update_or_create(
            event=event, user=request.user, defaults={"guests": guests}
        )
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"ok": True, "created": created, "guests": rsvp.guests})
        messages.success(request, f"You're on the list for {event.title}.")
        return redirect(event.url)

    def delete(self, request, event_id):
        EventRSVP.objects.filter(event_id=event_id, user=request.user).delete()
        return JsonResponse({"ok": True})


@login_required
@require_POST
@ratelimit(key="user", rate="20/d", method="POST", block=True)
def send_invite(request):
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please enter a valid email address.")
        return redirect("members:dashboard")
    invitation = create_invitation(request.user, form.cleaned_data["email"])
    send_invitation_email(invitation)
    messages.success(request, f"Invitation sent to {invitation.email}.")
    return redirect("members:dashboard")


def accept_invite(request, code):
    invitation = accept_invitation(code)
    if invitation is None:
        messages.error(request, "That invitation has expired or was already used.")
        return redirect("account_signup")
    request.session["invited_email"] = invitation.email
    return redirect(reverse("account_signup") + "?" + urlencode({"email": invitation.email}))


@login_required
def connect_frontend(request):
    """
    Hand the logged-in member a token for the Next.js members area, which
    calls /api/ directly, then send them on to the frontend.
    """
    token = issue_access_token(request.user)
    response = redirect(_safe_next(request, request.GET.get("next"), "/members/"))
    response.set_cookie(FRONTEND_TOKEN_COOKIE, token, max_age=60 * 60 * 24 * 30, domain=".artsboard.org")
    return response


@require_POST
def set_region(request):
    region = request.POST.get("region", "")
    if region not in dict(REGION_CHOICES):
        return HttpResponseBadRequest("unknown region")
    response = redirect(_safe_next(request, request.POST.get("next"), "/"))
    response.set_cookie(
        REGION_COOKIE,
        region,
        max_age=60 * 60 * 24 * 365,
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response
