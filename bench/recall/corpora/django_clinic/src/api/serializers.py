from rest_framework import serializers

from appointments.models import Appointment, Clinician


class ClinicianSerializer(serializers.ModelSerializer):
    class Meta:
        model = Clinician
        fields = ["id", "display_name", "specialty", "room", "slot_minutes"]


class AppointmentSerializer(serializers.ModelSerializer):
    clinician_name = serializers.CharField(source="clinician.display_name", read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "clinician",
            "clinician_name",
            "starts_at",
            "duration_minutes",
            "status",
            "reason",
            "patient_notes",
        ]
        read_only_fields = ["status", "duration_minutes"]


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(write_only=True, trim_whitespace=False)


class RefreshRequestSerializer(serializers.Serializer):
    refresh = serializers.CharField()


class AvailabilityQuerySerializer(serializers.Serializer):
    clinician = serializers.PrimaryKeyRelatedField(queryset=Clinician.objects.all())
    day = serializers.DateField()
