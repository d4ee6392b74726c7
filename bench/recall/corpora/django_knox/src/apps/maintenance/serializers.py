from rest_framework import serializers

from apps.leases.models import Lease

from .models import MaintenanceTicket


class MaintenanceTicketSerializer(serializers.ModelSerializer):
    class Meta:
        model = MaintenanceTicket
        fields = ("id", "unit", "title", "description", "priority", "status", "permission_to_enter", "created_at")
        read_only_fields = ("status", "created_at")

    def validate_unit(self, unit):
        user = self.context["request"].user
        if user.is_staff_member:
            if unit.building.portfolio_id != user.portfolio_id:
                raise serializers.ValidationError("Unknown unit.")
        elif not Lease.objects.filter(unit=unit, primary_tenant=user, status=Lease.Status.ACTIVE).exists():
            raise serializers.ValidationError("You can only report issues for your own unit.")
        return unit
