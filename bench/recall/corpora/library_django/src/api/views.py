import logging

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from catalogue.models import Branch, Copy, Title
from catalogue.search import normalise_isbn
from circulation.models import Hold, Loan
from circulation.services import (
    CirculationError,
    cancel_hold,
    collect_with_code,
    issue_loan,
    place_hold,
    renew_loan,
)

from .authentication import (
    KioskDeviceAuthentication,
    KioskSessionAuthentication,
    PartnerJWTAuthentication,
)
from .kiosk import issue_kiosk_token
from .permissions import IsKioskDevice, IsKioskSession, IsLockerDevice, IsOwner, IsPartner
from .serializers import (
    AvailabilityQuerySerializer,
    BranchSerializer,
    HoldSerializer,
    KioskCheckoutSerializer,
    KioskLoginSerializer,
    LoanSerializer,
    LockerCollectSerializer,
    TitleSerializer,
)
from .throttling import KioskPinThrottle

logger = logging.getLogger("libnet.api")


class AuthTokenObtainView(TokenObtainPairView):
    throttle_scope = "auth"


class AuthTokenRefreshView(TokenRefreshView):
    throttle_scope = "auth"


class BranchViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Branch.objects.filter(is_active=True)
    serializer_class = BranchSerializer
    lookup_field = "code"
    pagination_class = None


class TitleViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TitleSerializer
    search_fields = ["title", "author", "isbn", "subjects"]
    filterset_fields = ["format", "year"]

    def get_queryset(self):
        qs = Title.objects.annotate(
            available_copies=Count("copies", filter=Q(copies__status=Copy.Status.AVAILABLE))
        )
        branch_ids = self.request.query_params.getlist("branch")
        if branch_ids:
            # ?branch=3&branch=7 : titles held at any of those branches
            qs = qs.extra(
                where=[
                    "catalogue_title.id IN (SELECT title_id FROM catalogue_copy "
                    "WHERE branch_id IN (%s))" % ",".join(branch_ids)
                ]
            )
        return qs


class LoanViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LoanSerializer
    permission_classes = [permissions.IsAuthenticated, IsOwner]

    def get_queryset(self):
        return Loan.objects.open().for_patron(self.request.user).select_related("copy__title")

    @action(detail=True, methods=["post"])
    def renew(self, request, pk=None):
        loan = self.get_object()
        try:
            loan = renew_loan(loan)
        except CirculationError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(LoanSerializer(loan).data)


class HoldViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = HoldSerializer
    permission_classes = [permissions.IsAuthenticated, IsOwner]

    def get_queryset(self):
        return Hold.objects.filter(patron=self.request.user).select_related("title")

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            hold = place_hold(data["title"], self.request.user, data["pickup_branch"])
        except CirculationError as exc:
            from rest_framework.exceptions import ValidationError

            raise ValidationError({"detail": str(exc)})
        serializer.instance = hold

    def perform_destroy(self, instance):
        cancel_hold(instance)


class KioskLoginView(APIView):
    authentication_classes = [KioskDeviceAuthentication]
    permission_classes = [IsKioskDevice]
    throttle_classes = [KioskPinThrottle]

    def post(self, request):
        serializer = KioskLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        device = request.auth
        card = serializer.validated_data["card_number"].replace(" ", "")
        patron = get_user_model().objects.filter(card_number=card, is_active=True).first()
        if patron is None or not patron.check_kiosk_pin(serializer.validated_data["pin"]):
            logger.info("kiosk %s: rejected PIN for a card", device.pk)
            return Response({"detail": "Card number or PIN not recognised."},
                            status=status.HTTP_401_UNAUTHORIZED)
        token = issue_kiosk_token(patron, device)
        logger.info(
            "kiosk session opened",
            extra={"device": device.pk, "patron": patron.pk, "kiosk_token": token},
        )
        return Response({"token": token, "name": patron.first_name})


class KioskCheckoutView(APIView):
    authentication_classes = [KioskSessionAuthentication]
    permission_classes = [IsKioskSession]

    def post(self, request):
        serializer = KioskCheckoutSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        copy = Copy.objects.filter(barcode=serializer.validated_data["barcode"]).first()
        if copy is None:
            return Response({"detail": "Unknown item."}, status=status.HTTP_404_NOT_FOUND)
        try:
            loan = issue_loan(copy, request.user)
        except CirculationError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(LoanSerializer(loan).data, status=status.HTTP_201_CREATED)


class LockerCollectView(APIView):
    authentication_classes = [KioskDeviceAuthentication]
    permission_classes = [IsLockerDevice]

    def post(self, request):
        serializer = LockerCollectSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            loan = collect_with_code(serializer.validated_data["pickup_code"], request.auth.branch)
        except CirculationError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_404_NOT_FOUND)
        return Response(
            {"compartment_for": loan.copy.barcode, "due_date": loan.due_date},
            status=status.HTTP_201_CREATED,
        )


class PartnerAvailabilityView(APIView):
    authentication_classes = [PartnerJWTAuthentication]
    permission_classes = [IsPartner]
    throttle_scope = "partner"

    def post(self, request):
        serializer = AvailabilityQuerySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        partner = request.auth["partner"]
        isbns = [i for i in (normalise_isbn(v) for v in serializer.validated_data["isbns"]) if i]
        copies = Copy.objects.filter(title__isbn__in=isbns, status=Copy.Status.AVAILABLE)
        branch_ids = list(partner.branches.values_list("pk", flat=True))
        if branch_ids:
            copies = copies.filter(branch_id__in=branch_ids)
        counts = copies.values("title__isbn").annotate(n=Count("pk"))
        found = {row["title__isbn"]: row["n"] for row in counts}
        return Response({"availability": {isbn: found.get(isbn, 0) for isbn in isbns}})
