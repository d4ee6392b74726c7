from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.notifications.tasks import send_document_share
from apps.properties.permissions import IsPortfolioStaff

from .models import Lease, LeaseDocument
from .serializers import LeaseDocumentSerializer, LeaseInviteSerializer, LeaseSerializer, ShareDocumentSerializer
from .services import invite_tenant
from .tokens import issue_share_token, read_share_token


class LeaseViewSet(viewsets.ModelViewSet):
    serializer_class = LeaseSerializer
    permission_classes = (IsPortfolioStaff,)

    def get_queryset(self):
        return Lease.objects.filter(unit__building__portfolio=self.request.user.portfolio).select_related(
            "unit__building", "primary_tenant"
        )

    @action(detail=True, methods=["post"])
    def invites(self, request, pk=None):
        lease = self.get_object()
        serializer = LeaseInviteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invite = invite_tenant(lease, serializer.validated_data["email"])
        return Response(LeaseInviteSerializer(invite).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["get"])
    def documents(self, request, pk=None):
        lease = self.get_object()
        return Response(LeaseDocumentSerializer(lease.documents.all(), many=True).data)

    @action(detail=True, methods=["post"], url_path=r"documents/(?P<doc_id>\d+)/share")
    def share_document(self, request, pk=None, doc_id=None):
        lease = self.get_object()
        document = get_object_or_404(LeaseDocument, pk=doc_id, lease=lease)
        serializer = ShareDocumentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = issue_share_token(document, serializer.validated_data["email"])
        send_document_share.delay(document.pk, serializer.validated_data["email"], token)
        return Response(status=status.HTTP_202_ACCEPTED)


class SharedDocumentView(APIView):
    permission_classes = (permissions.AllowAny,)

    def get(self, request, token):
        try:
            claims = read_share_token(token)
        except Exception:
            raise Http404
        document = get_object_or_404(LeaseDocument, pk=claims["doc"], lease_id=claims["lease"])
        return FileResponse(document.file.open("rb"), filename=f"{document.title}.pdf")


class SigningLinkView(APIView):
    """Landing page for the e-mailed "review and sign" link; no login needed."""

    permission_classes = (permissions.AllowAny,)

    def get(self, request, signing_token):
        from apps.leases.esign import create_signing_session

        document = get_object_or_404(LeaseDocument, signing_token=signing_token, signed_at__isnull=True)
        session_url = create_signing_session(document)
        return Response({"document": document.title, "signing_url": session_url})
