import random

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.messages.views import SuccessMessageMixin
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, TemplateView

from directory.models import Employee

from .models import Announcement

THEMES = ("light", "dark", "high-contrast")
SPOTLIGHT_SIZE = 4


class HomeView(LoginRequiredMixin, TemplateView):
    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["announcements"] = Announcement.objects.published().pinned_first()[:5]
        colleagues = list(Employee.objects.active().exclude(photo="").select_related("department")[:200])
        random.shuffle(colleagues)
        context["spotlight"] = colleagues[:SPOTLIGHT_SIZE]
        return context


class AnnouncementListView(LoginRequiredMixin, ListView):
    model = Announcement
    paginate_by = 20
    template_name = "core/announcement_list.html"

    def get_queryset(self):
        return Announcement.objects.published().select_related("author").pinned_first()


class AnnouncementDetailView(LoginRequiredMixin, DetailView):
    model = Announcement
    template_name = "core/announcement_detail.html"

    def get_queryset(self):
        return Announcement.objects.published().select_related("author")


class AnnouncementCreateView(LoginRequiredMixin, SuccessMessageMixin, CreateView):
    model = Announcement
    fields = ["title", "body"]
    template_name = "form_page.html"
    extra_context = {"page_title": "New announcement"}
    success_message = "Your announcement has been posted."

    def form_valid(self, form):
        form.instance.author = self.request.user
        return super().form_valid(form)


@login_required
@require_POST
def set_theme(request):
    theme = request.POST.get("theme")
    if theme not in THEMES:
        theme = THEMES[0]
    response = redirect("core:home")
    response.set_cookie("intranet_theme", theme, max_age=60 * 60 * 24 * 365, samesite="Lax")
    return response
