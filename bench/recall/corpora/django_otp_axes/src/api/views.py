import logging
import traceback

from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework import generics, permissions, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.authtoken.models import Token
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from expenses.models import Claim, ClaimLine
from expenses.services import store_receipt

from .authentication import MobileSessionAuthentication, UploadLinkAuthentication
from .serializers import ClaimSerializer, LoginSerializer, ReceiptSerializer, ReceiptUploadSerializer
from .tokens import create_upload_link, issue_mobile_session

logger = logging.getLogger(__name__)


class MobileLoginView(APIView):
    """Exchange a username/password for a DRF token on the mobile uploader."""

    authentication_classes = []
    permission_classes = [permissions.AllowAny]
    throttle_classes = []

    def post(self, request):
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = get_user_model().objects.filter(username=serializer.validated_data["username"], is_active=True).first()
        if user is None or not user.check_password(serializer.validated_data["password"]):
            return Response({"detail": "Invalid credentials."}, status=status.HTTP_401_UNAUTHORIZED)
        token, _ = Token.objects.get_or_create(user=user)
        return Response({"token": token.key, "session": issue_mobile_session(user)})


class ClaimListAPIView(generics.ListAPIView):
    authentication_classes = [TokenAuthentication, MobileSessionAuthentication]
    serializer_class = ClaimSerializer

    def get_queryset(self):
        return Claim.objects.filter(owner=self.request.user).prefetch_related("lines__category")


class ReceiptUploadView(APIView):
    authentication_classes = [TokenAuthentication, MobileSessionAuthentication, UploadLinkAuthentication]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "receipt_upload"

    def post(self, request):
        logger.debug("receipt upload from %s headers=%s", request.user.pk, dict(request.headers))
        serializer = ReceiptUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        line = None
        if serializer.validated_data.get("line_id"):
            line = ClaimLine.objects.filter(pk=serializer.validated_data["line_id"], claim__owner=request.user).first()
        try:
            receipt, created = store_receipt(request.user, serializer.validated_data["image"], line=line)
        except Exception as exc:
            return Response(
                {"detail": f"Upload failed: {exc}", "trace": traceback.format_exc()},
                status=status.HTTP_500_INTERNAL_SERVER_ERROR,
            )
        link = getattr(request, "upload_link", None)
        if link is not None:
            link.used_at = timezone.now()
            link.save(update_fields=["used_at"])
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(ReceiptSerializer(receipt).data, status=code)


class UploadLinkView(APIView):
    """Called from the web portal to text the user a link for their phone."""

    def post(self, request):
        claim = Claim.objects.filter(pk=request.data.get("claim"), owner=request.user).first()
        try:
            link, signed = create_upload_link(request.user, claim)
        except Exception:
            logger.exception("could not create upload link for user %s", request.user.pk)
            return Response({"detail": "Could not create link, please retry."}, status=503)
        return Response({"url": request.build_absolute_uri(f"/m/upload/?t={signed}"), "id": link.pk})
