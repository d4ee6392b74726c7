import csv
import logging

from django.contrib.auth.mixins import UserPassesTestMixin
from django.contrib.admin.views.decorators import staff_member_required
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.generic import TemplateView

from grades.models import Term

from . import queries

logger = logging.getLogger(__name__)


@staff_member_required
def term_averages(request):
    term_code = request.GET.get("term", "")
    rows = queries.term_averages_by_section(term_code) if term_code else []
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="term-averages.csv"'
        writer = csv.DictWriter(response, fieldnames=["section", "subject", "average", "entries"])
        writer.writeheader()
        writer.writerows(rows)
        return response
    terms = Term.objects.order_by("-starts_on")
    return render(request, "reports/term_averages.html", {"rows": rows, "terms": terms, "term_code": term_code})


class AtRiskReportView(UserPassesTestMixin, TemplateView):
    template_name = "reports/at_risk.html"

    def test_func(self):
        return self.request.user.is_staff

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        term = get_object_or_404(Term, pk=self.kwargs["term_id"])
        try:
            threshold = float(self.request.GET.get("threshold", "40"))
        except ValueError:
            threshold = 40.0
        ctx.update(term=term, threshold=threshold, rows=queries.students_at_risk(term.pk, threshold))
        return ctx


@staff_member_required
def ranking(request, term_id):
    term = get_object_or_404(Term, pk=term_id)
    order = request.GET.get("order", "average")
    try:
        rows = queries.student_ranking(term.pk, order_key=order)
    except DatabaseError:
        logger.exception("Ranking report failed for term %s", term.code)
        return render(
            request,
            "reports/error.html",
            {"message": "The ranking could not be produced right now. Please try again later."},
            status=500,
        )
    return render(request, "reports/ranking.html", {"term": term, "rows": rows, "order": order})
