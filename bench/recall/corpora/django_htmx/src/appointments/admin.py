from django.contrib import admin

from .models import Appointment, ClinicalNote


class ClinicalNoteInline(admin.TabularInline):
    model = ClinicalNote
    extra = 0


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ("starts_at", "patient", "doctor", "status")
    list_filter = ("status", "doctor")
    date_hierarchy = "starts_at"
    inlines = [ClinicalNoteInline]
