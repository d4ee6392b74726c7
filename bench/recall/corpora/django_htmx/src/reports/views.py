import csv
import hashlib
import logging
import traceback

from django.core.cache import cache
from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.views import View
from django.views.generic import FormView

from appointments.mixins import ManagerRequiredMixin

from . import queries
from .forms import DateRangeForm

logger = logging.getLogger(__name__)


def _cache_key(prefix, *parts):
    raw = "|".join(str(p) for p in parts)
    return f"reports:{prefix}:{hashlib.md5(raw.encode(), usedforsecurity=False).hexdigest()}"


class DashboardView(ManagerRequiredMixin, FormView):
    template_name = "reports/dashboard.html"
    form_class = DateRangeForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.GET:
            kwargs["data"] = self.request.GET
        return kwargs

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        context = self.get_context_data(form=form)
        if form.is_valid():
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
            key = _cache_key("no-show", start, end)
            rows = cache.get(key)
            if rows is None:
                rows = queries.no_show_rate(start, end)
                cache.set(key, rows, 300)
            context["no_show_rows"] = rows
            doctors = form.cleaned_data["doctors"]
            if doctors:
                context["load_rows"] = queries.load_by_doctor(start, end, [d.pk for d in doctors])
        template = "reports/partials/tables.html" if request.htmx else self.template_name
        return self.response_class(request=request, template=[template], context=context)


class StatusExportView(ManagerRequiredMixin, View):
    def get(self, request):
        form = DateRangeForm(request.GET)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=400)
        statuses = request.GET.getlist("status") or ["no_show"]
        try:
            rows = queries.appointments_with_status(form.cleaned_data["start"], form.cleaned_data["end"], statuses)
        except DatabaseError as exc:
            return JsonResponse({"error": str(exc), "trace": traceback.format_exc()}, status=500)
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="appointments.csv"'
        writer = csv.DictWriter(response, fieldnames=["id", "starts_at", "status", "last_name", "first_name", "doctor"])
        writer.writeheader()
        writer.writerows(rows)
        return response


class NoShowJsonView(ManagerRequiredMixin, View):
    def get(self, request):
        form = DateRangeForm(request.GET)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=400)
        try:
            rows = queries.no_show_rate(form.cleaned_data["start"], form.cleaned_data["end"])
        except DatabaseError:
            logger.exception("No-show report failed")
            return JsonResponse({"error": "The report could not be generated. Please try again later."}, status=500)
        return JsonResponse({"rows": rows})
