from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from documents.models import Document
from invoices.models import Invoice

from . import portal
from .forms import PortalLoginForm, PortalResetForm, PortalSetPasswordForm
from .models import ClientContact, PortalSession

PORTAL_COOKIE_MAX_AGE = int(portal.PORTAL_SESSION_TTL.total_seconds())


def portal_login_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.contact = portal.contact_from_request(request)
        if request.contact is None:
            return redirect("portal:login")
        return view(request, *args, **kwargs)

    return wrapper


@ratelimit(key="ip", rate="10/m", method="POST", block=True)
def portal_login(request):
    form = PortalLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = portal.authenticate_contact(
            request.tenant, form.cleaned_data["email"], form.cleaned_data["password"]
        )
        if contact is not None:
            session = portal.start_session(contact)
            response = redirect("portal:home")
            response.set_cookie(portal.PORTAL_COOKIE, session.key, max_age=PORTAL_COOKIE_MAX_AGE)
            return response
        form.add_error(None, "E-mail or password is incorrect.")
    return render(request, "portal/login.html", {"form": form})


@require_POST
def portal_logout(request):
    key = request.COOKIES.get(portal.PORTAL_COOKIE)
    if key:
        PortalSession.objects.filter(key=key).delete()
    response = redirect("portal:login")
    response.delete_cookie(portal.PORTAL_COOKIE)
    return response


@ratelimit(key="ip", rate="5/h", method="POST", block=True)
@ratelimit(key="post:email", rate="3/h", method="POST", block=True)
def portal_forgot_password(request):
    form = PortalResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact = ClientContact.objects.filter(
            client__tenant=request.tenant,
            email__iexact=form.cleaned_data["email"],
            portal_enabled=True,
        ).first()
        if contact is not None:
            token = portal.issue_reset_token(contact)
            link = request.build_absolute_uri(reverse("portal:reset", args=[token]))
            send_mail(
                subject=f"{request.tenant.name}: reset your portal password",
                message=render_to_string("emails/portal_reset.txt", {"contact": contact, "link": link}),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[contact.email],
            )
        messages.info(request, "If the address is registered you will receive an e-mail shortly.")
        return redirect("portal:login")
    return render(request, "portal/forgot.html", {"form": form})


@ratelimit(key="ip", rate="20/h", block=True)
def portal_reset(request, token):
    contact = portal.contact_for_reset_token(request.tenant, token)
    if contact is None:
        return render(request, "portal/reset_invalid.html", status=400)
    form = PortalSetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        portal.set_portal_password(contact, form.cleaned_data["password1"])
        messages.success(request, "Password set. You can now sign in.")
        return redirect("portal:login")
    return render(request, "portal/reset.html", {"form": form, "contact": contact})


@portal_login_required
def portal_home(request):
    client = request.contact.client
    invoices = Invoice.objects.filter(client=client).exclude(status=Invoice.STATUS_DRAFT).order_by("-issue_date")
    documents = Document.objects.filter(client=client, shared_with_client=True).order_by("-created_at")
    return render(
        request,
        "portal/home.html",
        {"client": client, "invoices": invoices[:20], "documents": documents[:20]},
    )


@portal_login_required
def portal_invoice(request, number):
    invoice = get_object_or_404(Invoice, client=request.contact.client, number=number)
    return render(request, "portal/invoice.html", {"invoice": invoice})
