from django.conf import settings
from django.shortcuts import get_object_or_404
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle, SimpleRateThrottle
from rest_framework.views import APIView

from notifications.tasks import send_organiser_message

from .filters import OpportunityFilter
from .models import Membership, Opportunity, Organisation, Shift, ShiftSignup
from .permissions import IsCoordinator, IsCoordinatorOrReadOnly, is_coordinator
from .serializers import (
    AcceptInvitationSerializer,
    ContactOrganiserSerializer,
    InvitationSerializer,
    KioskPasscodeSerializer,
    OpportunitySerializer,
    OrganisationSerializer,
    ShiftSerializer,
    SignupSerializer,
)
from .services import invite_member, opportunities_near, rotate_api_key
from .sharing import make_share_token


class ContactOrganiserThrottle(SimpleRateThrottle):
    """One budget per sender, whether or not they are signed in."""

    scope = "contact"

    def get_cache_key(self, request, view):
        ident = request.user.pk if request.user.is_authenticated else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class OrganisationViewSet(viewsets.ModelViewSet):
    queryset = Organisation.objects.all()
    serializer_class = OrganisationSerializer
    permission_classes = [IsAuthenticatedOrReadOnly, IsCoordinatorOrReadOnly]
    lookup_field = "slug"

    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated, IsCoordinator])
    def invite(self, request, slug=None):
        organisation = self.get_object()
        serializer = InvitationSerializer(data=request.data, context={"organisation": organisation})
        serializer.is_valid(raise_exception=True)
        invitation = invite_member(
            organisation,
            email=serializer.validated_data["email"],
            role=serializer.validated_data.get("role", Membership.Role.MEMBER),
            invited_by=request.user,
        )
        return Response(InvitationSerializer(invitation).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], url_path="rotate-api-key", permission_classes=[IsAuthenticated, IsCoordinator])
    def rotate_api_key(self, request, slug=None):
        organisation = self.get_object()
        return Response({"api_key": rotate_api_key(organisation)})

    @action(detail=True, methods=["put"], url_path="kiosk-passcode", permission_classes=[IsAuthenticated, IsCoordinator])
    def kiosk_passcode(self, request, slug=None):
        organisation = self.get_object()
        serializer = KioskPasscodeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        organisation.set_kiosk_passcode(serializer.validated_data["passcode"])
        organisation.save(update_fields=["kiosk_passcode_hash"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class OpportunityViewSet(viewsets.ModelViewSet):
    serializer_class = OpportunitySerializer
    permission_classes = [IsAuthenticatedOrReadOnly, IsCoordinatorOrReadOnly]
    filterset_class = OpportunityFilter

    def get_queryset(self):
        queryset = Opportunity.objects.select_related("organisation").prefetch_related("shifts")
        if self.action in ("list", "retrieve", "nearby", "contact"):
            return queryset.published()
        return queryset

    def perform_create(self, serializer):
        if not is_coordinator(self.request.user, serializer.validated_data["organisation"]):
            raise PermissionDenied("Only coordinators can post opportunities for this organisation.")
        serializer.save()

    @action(detail=False, methods=["get"], permission_classes=[AllowAny])
    def nearby(self, request):
        lat = request.query_params.get("lat")
        lng = request.query_params.get("lng")
        if not lat or not lng:
            raise ValidationError({"detail": "lat and lng are required."})
        try:
            radius_km = min(float(request.query_params.get("radius_km", 25)), 200.0)
        except ValueError:
            raise ValidationError({"radius_km": "Must be a number."})
        results = opportunities_near(lat, lng, radius_km)
        data = self.get_serializer(results, many=True).data
        for row, opportunity in zip(data, results):
            row["distance_km"] = round(opportunity.distance_km, 1)
        return Response(data)

    @action(
        detail=True,
        methods=["post"],
        permission_classes=[AllowAny],
        throttle_classes=[ContactOrganiserThrottle],
    )
    def contact(self, request, pk=None):
        opportunity = self.get_object()
        serializer = ContactOrganiserSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        send_organiser_message.delay(opportunity.pk, **serializer.validated_data)
        return Response({"detail": "Your message is on its way."}, status=status.HTTP_202_ACCEPTED)

    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def share(self, request, pk=None):
        opportunity = get_object_or_404(Opportunity.objects.select_related("organisation"), pk=pk)
        if not is_coordinator(request.user, opportunity.organisation):
            raise PermissionDenied()
        token = make_share_token(opportunity, request.user)
        path = f"/o/{opportunity.organisation.slug}/{opportunity.slug}/?share={token}"
        return Response({"url": f"{settings.SITE_URL}{path}"})


class ShiftViewSet(viewsets.ModelViewSet):
    queryset = Shift.objects.select_related("opportunity__organisation")
    serializer_class = ShiftSerializer
    permission_classes = [IsAuthenticatedOrReadOnly, IsCoordinatorOrReadOnly]

    def perform_create(self, serializer):
        if not is_coordinator(self.request.user, serializer.validated_data["opportunity"].organisation):
            raise PermissionDenied()
        serializer.save()

    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def signup(self, request, pk=None):
        shift = self.get_object()
        if ShiftSerializer().get_spaces_left(shift) == 0:
            raise ValidationError({"detail": "This shift is full."})
        signup, created = ShiftSignup.objects.get_or_create(shift=shift, volunteer=request.user)
        if not created and signup.status == ShiftSignup.Status.DECLINED:
            signup.status = ShiftSignup.Status.CONFIRMED
            signup.save(update_fields=["status"])
        return Response(SignupSerializer(signup).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class MySignupViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = SignupSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return ShiftSignup.objects.filter(volunteer=self.request.user).select_related("shift")

    def perform_destroy(self, instance):
        instance.status = ShiftSignup.Status.DECLINED
        instance.save(update_fields=["status"])


class AcceptInvitationView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "invitations"

    def post(self, request):
        serializer = AcceptInvitationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.save()
        return Response({"email": user.email}, status=status.HTTP_201_CREATED)
