import logging
import traceback

from django.db import DatabaseError
from django.utils.dateparse import parse_date
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.properties.permissions import IsPortfolioStaff

from .embedding import DASHBOARDS, embed_url
from .services import build_arrears, build_occupancy, build_rent_roll

logger = logging.getLogger(__name__)


class RentRollView(APIView):
    permission_classes = (IsPortfolioStaff,)

    def get(self, request):
        sort = request.query_params.get("sort", "building")
        return Response(build_rent_roll(request.user.portfolio, sort=sort))


class ArrearsView(APIView):
    permission_classes = (IsPortfolioStaff,)

    def get(self, request):
        as_of = parse_date(request.query_params.get("as_of", "") or "") or None
        order = request.query_params.get("order", "balance")
        try:
            rows = build_arrears(request.user.portfolio, as_of=as_of, order=order)
        except DatabaseError as exc:
            logger.exception("Arrears report failed for portfolio %s", request.user.portfolio_id)
            return Response(
                {"detail": "Report failed", "error": str(exc), "trace": traceback.format_exc()},
                status=status.HTTP_500_INTERNAL_SERVER_ERROR,
            )
        return Response({"rows": rows})


class OccupancyView(APIView):
    permission_classes = (IsPortfolioStaff,)

    def get(self, request):
        return Response({"buildings": build_occupancy(request.user.portfolio)})


class AnalyticsEmbedView(APIView):
    permission_classes = (IsPortfolioStaff,)

    def get(self, request, dashboard):
        if dashboard not in DASHBOARDS:
            return Response(status=status.HTTP_404_NOT_FOUND)
        return Response({"url": embed_url(dashboard, request.user.portfolio_id)})
