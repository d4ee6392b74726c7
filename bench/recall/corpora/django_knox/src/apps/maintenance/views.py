from django.db.models import Q
from rest_framework import mixins, viewsets

from .models import MaintenanceTicket
from .serializers import MaintenanceTicketSerializer


class MaintenanceTicketViewSet(
    mixins.CreateModelMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    serializer_class = MaintenanceTicketSerializer

    def get_queryset(self):
        user = self.request.user
        qs = MaintenanceTicket.objects.select_related("unit__building")
        if user.is_staff_member:
            return qs.filter(unit__building__portfolio=user.portfolio)
        return qs.filter(Q(reported_by=user) | Q(unit__leases__primary_tenant=user)).distinct()

    def perform_create(self, serializer):
        serializer.save(reported_by=self.request.user)
