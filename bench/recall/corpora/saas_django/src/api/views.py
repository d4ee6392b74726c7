import logging

from django.contrib.auth import authenticate
from django.http import HttpResponse
from rest_framework import mixins, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView, exception_handler

from clients.models import Client
from documents.models import Document
from invoices import services as invoice_services
from invoices.models import Invoice
from invoices.pdf import render_invoice_pdf
from tenants.models import Tenant

from .jwt import MobileTokenIssuer
from .authentication import HasKeyScope, IsFirmAdmin, IsTenantMember
from .serializers import (
    ClientSerializer,
    DocumentSerializer,
    InvoiceSerializer,
    MobileLoginSerializer,
    PaymentSerializer,
)

logger = logging.getLogger("ledgerly.api")


def ledgerly_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        return response
    view = context.get("view")
    logger.exception("Unhandled API error in %s", view.__class__.__name__ if view else "?")
    return Response(
        {"detail": "Something went wrong on our side. The error has been logged."},
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


class TenantScopedViewSetMixin:
    permission_classes = [IsTenantMember, HasKeyScope]

    def get_queryset(self):
        return super().get_queryset().filter(tenant=self.request.tenant)

    def perform_create(self, serializer):
        serializer.save(tenant=self.request.tenant)


class ClientViewSet(TenantScopedViewSetMixin, viewsets.ModelViewSet):
    queryset = Client.objects.all()
    serializer_class = ClientSerializer
    filterset_fields = ["client_type", "assigned_to"]
    required_scopes = {"read": "clients:read", "write": "clients:write"}

    def get_queryset(self):
        qs = super().get_queryset().prefetch_related("contacts").with_open_balance()
        if self.action == "list" and not self.request.query_params.get("include_archived"):
            qs = qs.active()
        return qs

    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        client = self.get_object()
        client.archive()
        return Response(self.get_serializer(client).data)

    @action(detail=False, methods=["get"])
    def search(self, request):
        term = request.query_params.get("q", "")
        qs = self.get_queryset().filter(name__icontains=term)[:20]
        return Response(self.get_serializer(qs, many=True).data)


class InvoiceViewSet(TenantScopedViewSetMixin, viewsets.ModelViewSet):
    queryset = Invoice.objects.select_related("client").prefetch_related("items")
    serializer_class = InvoiceSerializer
    filterset_fields = ["status", "client", "currency"]
    required_scopes = {"read": "invoices:read", "write": "invoices:write"}

    def perform_destroy(self, instance):
        invoice_services.void(instance)

    @action(detail=True, methods=["post"])
    def finalize(self, request, pk=None):
        invoice = self.get_object()
        try:
            invoice_services.finalize(invoice)
        except invoice_services.InvoiceStateError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(invoice).data)

    @action(detail=True, methods=["post"], url_path="payments")
    def record_payment(self, request, pk=None):
        invoice = self.get_object()
        serializer = PaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            invoice_services.mark_paid(invoice, serializer.validated_data.get("amount_cents"), user=request.user)
        except invoice_services.InvoiceStateError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(invoice).data)

    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        invoice = self.get_object()
        response = HttpResponse(render_invoice_pdf(invoice), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{invoice.number}.pdf"'
        return response


class DocumentViewSet(TenantScopedViewSetMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Document.objects.select_related("client")
    serializer_class = DocumentSerializer
    filterset_fields = ["client", "source", "shared_with_client"]
    required_scopes = {"read": "documents:read", "write": "documents:write"}

    @action(detail=True, methods=["post"], permission_classes=[IsTenantMember, IsFirmAdmin])
    def share(self, request, pk=None):
        doc = self.get_object()
        return Response({"token": doc.share_token()})


class TokenLoginView(ObtainAuthToken):
    """DRF token for scripts and the desktop import tool."""

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    def post(self, request, *args, **kwargs):
        serializer = self.serializer_class(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "user_id": user.pk})


class MobileLoginView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    def post(self, request):
        serializer = MobileLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = authenticate(request, username=data["email"], password=data["password"])
        tenant = Tenant.objects.filter(slug=data["tenant"], is_active=True).first()
        if user is None or tenant is None or not tenant.has_member(user):
            return Response({"detail": "Invalid credentials."}, status=status.HTTP_401_UNAUTHORIZED)
        return Response(MobileTokenIssuer().issue_pair(user, tenant))
