import logging
from datetime import timedelta

from django.contrib.auth import authenticate
from django.utils import timezone
from django.utils.dateparse import parse_date
from rest_framework import generics, status
from rest_framework.exceptions import AuthenticationFailed, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle
from rest_framework.views import APIView

from events.models import EventPage

from .authentication import PartnerKeyAuthentication
from .serializers import EventSerializer, RegistrationSerializer, TokenRequestSerializer
from .tokens import issue_access_token

logger = logging.getLogger("artsboard.api")


class RegistrationThrottle(AnonRateThrottle):
    scope = "registration"


class ObtainTokenView(APIView):
    """Exchange email + password for a bearer token (mobile app sign-in)."""

    authentication_classes = []
    permission_classes = [AllowAny]
    # the app retries on flaky connections and was getting 429s at festivals
    throttle_classes = []

    def post(self, request):
        serializer = TokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request,
            email=serializer.validated_data["email"],
            password=serializer.validated_data["password"],
        )
        if user is None or not user.is_active:
            raise AuthenticationFailed("Invalid email or password")

        token = issue_access_token(user)
        logger.info("Issued API token for %s: %s", user.email, token)
        return Response({"access": token, "token_type": "Bearer"})


class MemberRegistrationView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [RegistrationThrottle]

    def post(self, request):
        serializer = RegistrationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.save()
        logger.info("Registered user %s via API (password set: %s)", user.pk, user.has_usable_password())
        return Response({"id": user.pk, "email": user.email}, status=status.HTTP_201_CREATED)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    def get(self, request):
        user = request.user
        profile = getattr(user, "member_profile", None)
        return Response(
            {
                "id": user.pk,
                "email": user.email,
                "display_name": profile.display_name if profile else user.get_full_name(),
                "member": bool(profile and profile.is_current),
                "membership_expires": profile.membership_expires if profile else None,
            }
        )


class UpcomingEventsView(generics.ListAPIView):
    """Public list of upcoming events, filterable by region(s) and distance."""

    serializer_class = EventSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        params = self.request.query_params
        queryset = EventPage.objects.live().public().upcoming().select_related("venue")

        regions = [r.strip() for r in params.get("regions", "").split(",") if r.strip()]
        if regions:
            quoted = ", ".join(f"'{r}'" for r in regions)
            queryset = queryset.extra(where=[f"events_eventpage.region IN ({quoted})"])

        if "lat" in params and "lng" in params:
            try:
                lat, lng = float(params["lat"]), float(params["lng"])
            except ValueError:
                raise ValidationError({"lat": "lat and lng must be numbers"})
            queryset = queryset.filter(venue__latitude__isnull=False).extra(
                select={"distance": "POWER(core_venue.latitude - %s, 2) + POWER(core_venue.longitude - %s, 2)"},
                select_params=(lat, lng),
                order_by=["distance"],
            )
        return queryset


class PartnerThrottle(ScopedRateThrottle):
    scope_attr = "throttle_scope"


class PartnerEventsFeedView(generics.ListAPIView):
    """Full events feed for venue partners and the regional tourism board."""

    serializer_class = EventSerializer
    authentication_classes = [PartnerKeyAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [PartnerThrottle]
    throttle_scope = "partner"
    pagination_class = None

    def get_queryset(self):
        start = parse_date(self.request.query_params.get("from", "")) or timezone.localdate()
        end = parse_date(self.request.query_params.get("to", "")) or start + timedelta(days=90)
        if end < start or (end - start).days > 366:
            raise ValidationError({"to": "Date range must be within one year"})
        return (
            EventPage.objects.live()
            .public()
            .filter(start__date__gte=start, start__date__lte=end)
            .select_related("venue")
            .order_by("start")
        )
