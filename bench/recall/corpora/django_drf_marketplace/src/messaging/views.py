import jwt
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView

from .models import Conversation, Message, NotificationPreference
from .tasks import notify_new_message

User = get_user_model()


class MessageForm(forms.ModelForm):
    class Meta:
        model = Message
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3, "placeholder": "Write a message…"})}


def conversations_for(user):
    return Conversation.objects.filter(Q(buyer=user) | Q(shop__owner=user)).select_related("shop", "buyer", "listing")


class InboxView(LoginRequiredMixin, ListView):
    template_name = "messaging/inbox.html"
    context_object_name = "conversations"
    paginate_by = 20

    def get_queryset(self):
        return conversations_for(self.request.user)


class ThreadView(LoginRequiredMixin, DetailView):
    template_name = "messaging/thread.html"
    context_object_name = "conversation"

    def get_queryset(self):
        return conversations_for(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        self.object.messages.filter(read_at__isnull=True).exclude(sender=self.request.user).update(
            read_at=timezone.now()
        )
        context["thread_messages"] = self.object.messages.select_related("sender")
        context["form"] = MessageForm()
        return context


@method_decorator(csrf_exempt, name="dispatch")
class SendMessageView(LoginRequiredMixin, View):
    """Called by the chat widget with fetch(); answers JSON so the thread updates in place."""

    def post(self, request, pk):
        conversation = get_object_or_404(conversations_for(request.user), pk=pk)
        form = MessageForm(request.POST)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=400)
        message = form.save(commit=False)
        message.conversation = conversation
        message.sender = request.user
        message.save()
        conversation.save(update_fields=["updated_at"])
        notify_new_message.delay(message.pk)
        return JsonResponse({"id": message.pk, "created_at": message.created_at.isoformat()}, status=201)


def read_unsubscribe_token(token):
    header = jwt.get_unverified_header(token)
    return jwt.decode(token, settings.UNSUBSCRIBE_SIGNING_KEY, algorithms=[header.get("alg", "HS256")])


def unsubscribe(request, token):
    try:
        claims = read_unsubscribe_token(token)
    except jwt.InvalidTokenError:
        return HttpResponseBadRequest("This link is no longer valid.")
    if claims.get("scope") != "messages":
        raise Http404
    user = get_object_or_404(User, public_id=claims["sub"])
    NotificationPreference.objects.update_or_create(user=user, defaults={"email_on_message": False})
    messages.success(request, "You won't get emails about new messages any more.")
    return redirect("catalog:home")
