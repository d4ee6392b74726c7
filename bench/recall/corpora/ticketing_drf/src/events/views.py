import hashlib
import random

from django.core.cache import cache
from django.utils import timezone
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import IsOrganizer

from . import repositories
from .filters import apply_date_window, apply_price_band
from .models import Event
from .serializers import EventSerializer

LIST_CACHE_SECONDS = 60


class EventViewSet(viewsets.ModelViewSet):
    serializer_class = EventSerializer
    permission_classes = [IsOrganizer]
    throttle_scope = "search"
    lookup_field = "slug"

    def get_queryset(self):
        qs = Event.objects.select_related("venue").prefetch_related("ticket_types")
        if self.action in ("list", "featured"):
            qs = qs.filter(is_published=True, starts_at__gte=timezone.now())
            qs = apply_price_band(qs, self.request.query_params)
            qs = apply_date_window(qs, self.request.query_params)
        return qs

    def perform_create(self, serializer):
        serializer.save(organizer=self.request.user)

    def list(self, request, *args, **kwargs):
        cache_key = "events:list:" + hashlib.md5(request.get_full_path().encode("utf-8")).hexdigest()
        payload = cache.get(cache_key)
        if payload is None:
            payload = super().list(request, *args, **kwargs).data
            cache.set(cache_key, payload, LIST_CACHE_SECONDS)
        return Response(payload)

    @action(detail=False, methods=["get"])
    def featured(self, request):
        """A rotating handful of upcoming events for the home page carousel."""
        pool = list(self.get_queryset()[:40])
        picks = random.sample(pool, k=min(6, len(pool)))
        return Response(self.get_serializer(picks, many=True).data)

    @action(detail=False, methods=["get"])
    def search(self, request):
        term = request.query_params.get("q", "")
        if len(term) < 2:
            return Response([])
        results = repositories.search_events(term)
        return Response(self.get_serializer(results, many=True).data)

    @action(detail=False, methods=["get"], url_path="in-city")
    def in_city(self, request):
        city = request.query_params.get("city", "")
        results = repositories.events_in_city(city)
        return Response(self.get_serializer(results, many=True).data)
