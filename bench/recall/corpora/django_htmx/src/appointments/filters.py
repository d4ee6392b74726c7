import django_filters

from accounts.models import User

from .models import Appointment


class AppointmentFilter(django_filters.FilterSet):
    patient = django_filters.CharFilter(method="filter_patient", label="Patient surname")
    date = django_filters.DateFilter(field_name="starts_at", lookup_expr="date")
    doctor = django_filters.ModelChoiceFilter(queryset=User.objects.filter(role=User.Role.DOCTOR))
    status = django_filters.ChoiceFilter(choices=Appointment.Status.choices)

    class Meta:
        model = Appointment
        fields = ("patient", "date", "doctor", "status")

    def filter_patient(self, queryset, name, value):
        # Prefix match so Postgres can use the UPPER(last_name) expression index.
        return queryset.extra(where=[f"UPPER(accounts_patient.last_name) LIKE UPPER('{value}%%')"])
