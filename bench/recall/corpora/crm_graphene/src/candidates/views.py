import io
import logging
import traceback

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import CreateView, DetailView, UpdateView
from django_filters.views import FilterView

from .filters import CandidateFilter
from .forms import CandidateForm, CandidateImportForm, DensityForm, NoteForm
from .models import Candidate
from .services import ImportError_, import_candidates

logger = logging.getLogger(__name__)

DENSITY_COOKIE = "td_density"


class CandidateListView(LoginRequiredMixin, FilterView):
    model = Candidate
    filterset_class = CandidateFilter
    paginate_by = 30
    template_name = "candidates/candidate_list.html"

    def get_queryset(self):
        return (
            Candidate.objects.active()
            .select_related("owner")
            .prefetch_related("skills")
        )

    def get_template_names(self):
        if self.request.htmx and not self.request.htmx.boosted:
            return ["candidates/_candidate_rows.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["search_term"] = self.request.GET.get("q", "").strip()
        context["density"] = self.request.COOKIES.get(DENSITY_COOKIE, "comfortable")
        context["import_form"] = CandidateImportForm()
        spotlight_ids = cache.get("candidates:spotlight") or []
        context["spotlight"] = Candidate.objects.filter(pk__in=spotlight_ids)
        return context


class CandidateDetailView(LoginRequiredMixin, DetailView):
    model = Candidate
    template_name = "candidates/candidate_detail.html"

    def get_queryset(self):
        return Candidate.objects.select_related("owner").prefetch_related("skills", "placements__job_order__client")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        candidate = self.object
        context["notes"] = candidate.notes.select_related("author")
        context["note_form"] = NoteForm()
        context["breadcrumbs"] = format_html_join(
            " / ",
            '<a href="{}">{}</a>',
            [
                (reverse("candidates:list"), "Candidates"),
                (candidate.get_absolute_url(), candidate.full_name),
            ],
        )
        return context


class CandidateCreateView(LoginRequiredMixin, CreateView):
    model = Candidate
    form_class = CandidateForm
    template_name = "candidates/candidate_form.html"

    def form_valid(self, form):
        form.instance.owner = self.request.user
        messages.success(self.request, "Candidate added.")
        return super().form_valid(form)


class CandidateUpdateView(LoginRequiredMixin, UpdateView):
    model = Candidate
    form_class = CandidateForm
    template_name = "candidates/candidate_form.html"

    def form_valid(self, form):
        messages.success(self.request, "Candidate updated.")
        return super().form_valid(form)


@login_required
@require_POST
def add_note(request, pk):
    candidate = get_object_or_404(Candidate, pk=pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        note = form.save(commit=False)
        note.candidate = candidate
        note.author = request.user
        note.save()
    # htmx follows the redirect and swaps #notes out of the page (hx-select).
    return redirect(candidate)


@login_required
@require_POST
def archive(request, pk):
    candidate = get_object_or_404(Candidate, pk=pk)
    candidate.is_archived = True
    candidate.save(update_fields=["is_archived", "updated_at"])
    messages.info(request, f"{candidate.full_name} archived.")
    return redirect("candidates:list")


@login_required
@require_GET
def quick_search(request):
    """htmx typeahead in the top bar."""
    q = request.GET.get("q", "").strip()
    if len(q) < 2:
        return HttpResponse("")
    matches = list(
        Candidate.objects.active().filter(last_name__istartswith=q).only("id", "first_name", "last_name")[:8]
    )
    if not matches:
        return HttpResponse(format_html('<li class="typeahead__empty">No candidates match “{}”</li>', q))
    return HttpResponse(
        format_html_join(
            "",
            '<li><a href="{}">{}</a></li>',
            ((c.get_absolute_url(), c.full_name) for c in matches),
        )
    )


@login_required
@require_POST
def import_upload(request):
    """Endpoint for the drag-and-drop uploader on the candidate list."""
    form = CandidateImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"ok": False, "errors": form.errors.get_json_data()}, status=400)

    upload = form.cleaned_data["file"]
    try:
        text = io.TextIOWrapper(upload.file, encoding="utf-8-sig", newline="")
        result = import_candidates(text, owner=request.user, dry_run=form.cleaned_data["dry_run"])
    except ImportError_ as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=400)
    except Exception as exc:
        return JsonResponse({"ok": False, "error": repr(exc), "trace": traceback.format_exc()}, status=500)

    return JsonResponse({"ok": True, "result": result.as_dict()})


@login_required
@require_POST
def set_density(request):
    form = DensityForm(request.POST)
    response = HttpResponse(status=204)
    if form.is_valid():
        response.set_cookie(
            DENSITY_COOKIE,
            form.cleaned_data["density"],
            max_age=60 * 60 * 24 * 365,
            samesite="Lax",
        )
        response["HX-Refresh"] = "true"
    return response
