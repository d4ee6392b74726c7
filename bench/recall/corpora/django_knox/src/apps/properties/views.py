from django.db.models import Count
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Building, Unit
from .permissions import IsPortfolioStaff
from .selectors import units_for_building, vacant_units_in_city
from .serializers import BuildingSerializer, ShowingPassSerializer, ShowingRequestSerializer, UnitSerializer
from .services import create_showing_pass


class BuildingViewSet(viewsets.ModelViewSet):
    serializer_class = BuildingSerializer
    permission_classes = (IsPortfolioStaff,)

    def get_queryset(self):
        return Building.objects.filter(portfolio=self.request.user.portfolio).annotate(unit_count=Count("units"))

    def perform_create(self, serializer):
        serializer.save(portfolio=self.request.user.portfolio)

    @action(detail=True, methods=["get"])
    def units(self, request, pk=None):
        building = self.get_object()
        return Response(UnitSerializer(units_for_building(building.pk), many=True).data)


class UnitViewSet(viewsets.ModelViewSet):
    serializer_class = UnitSerializer
    permission_classes = (IsPortfolioStaff,)
    filterset_fields = ("status", "building", "is_listed")

    def get_queryset(self):
        return Unit.objects.filter(building__portfolio=self.request.user.portfolio).select_related(
            "building", "listing"
        )

    @action(detail=False, methods=["get"])
    def vacant(self, request):
        city = request.query_params.get("city", "")
        bedrooms = int(request.query_params.get("bedrooms", 0))
        units = vacant_units_in_city(request.user.portfolio_id, city, bedrooms)
        return Response(self.get_serializer(units, many=True).data)

    @action(detail=True, methods=["post"], url_path="showings")
    def schedule_showing(self, request, pk=None):
        unit = self.get_object()
        serializer = ShowingRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        showing = create_showing_pass(unit, **serializer.validated_data)
        return Response(ShowingPassSerializer(showing).data, status=status.HTTP_201_CREATED)
