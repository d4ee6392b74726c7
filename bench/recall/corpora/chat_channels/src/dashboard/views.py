import csv
from datetime import datetime, time, timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DetailView, ListView, UpdateView

from chat import canned, services
from chat.models import CannedResponse, Conversation

from . import reports

User = get_user_model()


class AgentRequiredMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_agent


class SupervisorRequiredMixin(AgentRequiredMixin):
    def test_func(self):
        return super().test_func() and self.request.user.is_supervisor


class InboxView(AgentRequiredMixin, ListView):
    template_name = "dashboard/inbox.html"
    context_object_name = "conversations"
    paginate_by = 40

    def get_queryset(self):
        qs = (
            Conversation.objects.for_agent(self.request.user)
            .select_related("visitor", "assigned_agent", "site")
            .prefetch_related("tags")
        )
        status = self.request.GET.get("status", "open")
        if status in Conversation.Status.values:
            qs = qs.filter(status=status)
        if self.request.GET.get("mine"):
            qs = qs.filter(assigned_agent=self.request.user)
        return qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        context["query"] = query
        context["status"] = self.request.GET.get("status", "open")
        if query:
            context["results"] = services.search_messages(self.request.user, query)
        context["last_seen"] = self.request.session.get("last_seen", {})
        return context


class ConversationDetailView(AgentRequiredMixin, DetailView):
    template_name = "dashboard/conversation.html"
    context_object_name = "conversation"

    def get_queryset(self):
        return Conversation.objects.for_agent(self.request.user).select_related("visitor", "site", "assigned_agent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        conversation = self.object
        context["thread"] = conversation.messages.select_related("author").order_by("created_at")
        context["attachments"] = conversation.attachments.order_by("-uploaded_at")
        context["agents"] = User.objects.filter(team_id=conversation.team_id, is_active=True).exclude(
            pk=conversation.assigned_agent_id
        )
        context["canned_responses"] = CannedResponse.objects.filter(team_id=conversation.team_id)
        last_seen = self.request.session.setdefault("last_seen", {})
        last_seen[str(conversation.pk)] = timezone.now().isoformat()
        self.request.session.modified = True
        return context


@login_required
@require_POST
def transfer_conversation(request, pk):
    conversation = get_object_or_404(Conversation.objects.for_agent(request.user), pk=pk)
    agent = get_object_or_404(User, pk=request.POST.get("agent"), team_id=request.user.team_id, is_active=True)
    services.transfer_conversation(conversation, agent, by=request.user)
    messages.success(request, f"Transferred to {agent.get_short_name()}.")
    return redirect("dashboard:conversation", pk=pk)


@login_required
@require_POST
def close_conversation(request, pk):
    conversation = get_object_or_404(Conversation.objects.for_agent(request.user), pk=pk)
    services.close_conversation(conversation, closed_by=request.user)
    return redirect("dashboard:inbox")


class CannedResponseForm(forms.ModelForm):
    class Meta:
        model = CannedResponse
        fields = ["title", "shortcut", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def clean_body(self):
        body = self.cleaned_data["body"]
        unknown = canned.unknown_placeholders(body)
        if unknown:
            raise forms.ValidationError("Unknown placeholders: " + ", ".join(sorted(unknown)))
        return body


class CannedResponseListView(AgentRequiredMixin, ListView):
    template_name = "dashboard/canned_form.html"
    context_object_name = "responses"

    def get_queryset(self):
        return CannedResponse.objects.filter(team_id=self.request.user.team_id)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = CannedResponseForm()
        return context


class CannedResponseCreateView(SupervisorRequiredMixin, CreateView):
    model = CannedResponse
    form_class = CannedResponseForm
    template_name = "dashboard/canned_form.html"
    success_url = reverse_lazy("dashboard:canned_list")

    def form_valid(self, form):
        form.instance.team_id = self.request.user.team_id
        form.instance.created_by = self.request.user
        return super().form_valid(form)


class CannedResponseUpdateView(SupervisorRequiredMixin, UpdateView):
    form_class = CannedResponseForm
    template_name = "dashboard/canned_form.html"
    success_url = reverse_lazy("dashboard:canned_list")

    def get_queryset(self):
        return CannedResponse.objects.filter(team_id=self.request.user.team_id)


@login_required
def canned_preview(request, pk):
    response = get_object_or_404(CannedResponse, pk=pk, team_id=request.user.team_id)
    conversation_id = request.GET.get("conversation")
    if conversation_id:
        conversation = get_object_or_404(Conversation.objects.for_agent(request.user), pk=conversation_id)
        context = canned.build_context(conversation, request.user)
    else:
        context = canned.sample_context(request.user)
    preview = canned.render(response.body, context)
    return render(request, "dashboard/canned_preview.html", {"canned": response, "preview": preview})


def _parse_range(request) -> tuple[datetime, datetime]:
    today = timezone.localdate()
    try:
        start = datetime.fromisoformat(request.GET["start"]).date() if "start" in request.GET else today - timedelta(days=30)
        end = datetime.fromisoformat(request.GET["end"]).date() if "end" in request.GET else today
    except ValueError as exc:
        raise ValueError("start/end must be ISO dates") from exc
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz),
    )


class ReportDataView(SupervisorRequiredMixin, View):
    """JSON feed for the charts on the reports page."""

    def get(self, request):
        try:
            start, end = _parse_range(request)
        except ValueError:
            return HttpResponseBadRequest("Invalid date range")
        team_id = request.user.team_id
        tag_ids = [int(t) for t in request.GET.getlist("tag") if t.isdigit()]
        data = {
            "agents": reports.agent_performance(team_id, start, end, agent_team=request.GET.get("agent_team")),
            "response_times": reports.response_times(team_id, start, end, sort=request.GET.get("sort", "day")),
            "tags": reports.volume_by_tag(team_id, tag_ids, start, end),
        }
        return JsonResponse(data)


class ReportExportView(SupervisorRequiredMixin, View):
    def get(self, request):
        try:
            start, end = _parse_range(request)
        except ValueError:
            return HttpResponseBadRequest("Invalid date range")
        rows = reports.response_times(request.user.team_id, start, end)
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="response-times-{start:%Y%m%d}.csv"'
        writer = csv.writer(response)
        writer.writerow(["day", "conversations", "avg_first_response", "p90_first_response"])
        for row in rows:
            writer.writerow([row["day"], row["conversations"], row["avg_first_response"], row["p90_first_response"]])
        return response

