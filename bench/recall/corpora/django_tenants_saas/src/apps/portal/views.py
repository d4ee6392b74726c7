import jwt
from django.contrib import messages
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.decorators import ratelimit

from apps.invoices.models import Invoice, InvoiceComment, Quote

from . import services
from .models import PortalSession
from .tokens import read_invoice_link_token

SESSION_TOKEN_COOKIE = "portal_session"
MIN_PASSWORD_LENGTH = 10


class PortalSessionMixin:
    def dispatch(self, request, *args, **kwargs):
        session = services.session_for_token(request.COOKIES.get(SESSION_TOKEN_COOKIE, ""))
        if session is None:
            return redirect("portal:login")
        request.portal_account = session.account
        return super().dispatch(request, *args, **kwargs)


@method_decorator(ratelimit(key="post:email", rate="5/m", method="POST", block=True), name="post")
@method_decorator(ratelimit(key="ip", rate="20/m", method="POST", block=True), name="post")
class PortalLoginView(View):
    template_name = "portal/login.html"

    def get(self, request):
        return render(request, self.template_name)

    def post(self, request):
        account = services.authenticate(request.POST.get("email", ""), request.POST.get("password", ""))
        if account is None:
            return render(request, self.template_name, {"error": "Wrong e-mail or password."}, status=400)

        session = services.start_session(account)
        response = redirect("portal:invoices")
        response.set_cookie(SESSION_TOKEN_COOKIE, session.token, max_age=int(services.SESSION_LIFETIME.total_seconds()))
        return response


class PortalLogoutView(View):
    def post(self, request):
        token = request.COOKIES.get(SESSION_TOKEN_COOKIE, "")
        if token:
            PortalSession.objects.filter(token=token).delete()
        response = redirect("portal:login")
        response.delete_cookie(SESSION_TOKEN_COOKIE)
        return response


class ForgotPasswordView(View):
    template_name = "portal/login.html"

    def get(self, request):
        return render(request, self.template_name, {"mode": "forgot"})

    def post(self, request):
        services.send_password_reset(request.POST.get("email", "").strip(), request)
        notice = "If that address has a portal account, a reset link is on its way."
        return render(request, self.template_name, {"notice": notice})


class ResetPasswordView(View):
    template_name = "portal/login.html"

    def dispatch(self, request, *args, token, **kwargs):
        self.account = services.account_for_reset_token(token)
        if self.account is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"mode": "reset"})

    def post(self, request):
        password = request.POST.get("password", "")
        if len(password) < MIN_PASSWORD_LENGTH or password != request.POST.get("password2"):
            error = f"Use at least {MIN_PASSWORD_LENGTH} characters and type it twice."
            return render(request, self.template_name, {"mode": "reset", "error": error}, status=400)
        services.set_portal_password(self.account, password)
        messages.success(request, "Password updated. You can sign in now.")
        return redirect("portal:login")


class PortalInvoiceListView(PortalSessionMixin, View):
    def get(self, request):
        invoices = Invoice.objects.filter(customer=request.portal_account.customer).exclude(status=Invoice.DRAFT)
        quotes = Quote.objects.filter(customer=request.portal_account.customer, status=Quote.SENT)
        return render(request, "portal/invoice_list.html", {"invoices": invoices, "quotes": quotes})


class SharedInvoiceView(View):
    def get(self, request, token):
        try:
            claims = read_invoice_link_token(token)
        except jwt.InvalidTokenError:
            raise Http404
        if claims.get("tenant") != connection.schema_name:
            raise Http404

        invoice = get_object_or_404(Invoice.objects.select_related("customer"), public_id=claims["inv"])
        session = services.session_for_token(request.COOKIES.get(SESSION_TOKEN_COOKIE, ""))
        can_comment = session is not None and session.account.customer_id == invoice.customer_id
        return render(request, "portal/invoice.html", {"invoice": invoice, "can_comment": can_comment})


class InvoiceCommentView(PortalSessionMixin, View):
    def post(self, request, public_id):
        account = request.portal_account
        invoice = get_object_or_404(Invoice, public_id=public_id, customer=account.customer)
        body = request.POST.get("body", "").strip()
        if body:
            InvoiceComment.objects.create(
                invoice=invoice, author_name=account.name, author_email=account.email, body=body[:4000]
            )
            messages.success(request, "Thanks, your message was sent.")
        return redirect("portal:invoices")


@method_decorator(csrf_exempt, name="dispatch")
class QuoteDecisionView(PortalSessionMixin, View):
    """Accept or decline a quote; called by the portal page and the embeddable widget."""

    def post(self, request, public_id):
        account = request.portal_account
        quote = get_object_or_404(Quote, public_id=public_id, customer=account.customer, status=Quote.SENT)
        decision = request.POST.get("decision")
        if decision not in {"accept", "decline"}:
            return JsonResponse({"error": "decision must be 'accept' or 'decline'"}, status=400)
        quote.decide(accepted=decision == "accept", by_email=account.email)
        return JsonResponse({"number": quote.number, "status": quote.status})
