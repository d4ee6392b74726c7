from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, ListView

from .models import Document


class DocumentListView(LoginRequiredMixin, ListView):
    model = Document
    paginate_by = 30
    template_name = "documents/document_list.html"

    def get_queryset(self):
        qs = Document.objects.select_related("owner")
        category = self.request.GET.get("category")
        if category in dict(Document.CATEGORIES):
            qs = qs.filter(category=category)
        return qs


class DocumentCreateView(LoginRequiredMixin, CreateView):
    model = Document
    fields = ["title", "category", "file"]
    template_name = "form_page.html"
    extra_context = {"page_title": "Upload a document"}
    success_url = reverse_lazy("documents:document-list")

    def form_valid(self, form):
        form.instance.owner = self.request.user
        form.instance.original_name = form.cleaned_data["file"].name[:255]
        messages.success(self.request, "Document uploaded.")
        return super().form_valid(form)


class OwnerOrManagerMixin(UserPassesTestMixin):
    def test_func(self):
        document = self.get_object()
        user = self.request.user
        return document.owner_id == user.pk or user.has_perm("documents.delete_document")


@method_decorator(csrf_exempt, name="dispatch")
class DocumentDeleteView(LoginRequiredMixin, OwnerOrManagerMixin, DeleteView):
    model = Document
    template_name = "documents/document_confirm_delete.html"
    success_url = reverse_lazy("documents:document-list")

    def delete(self, request, *args, **kwargs):
        document = self.get_object()
        document.file.delete(save=False)
        return super().delete(request, *args, **kwargs)


@login_required
@require_POST
def share_document(request, pk):
    document = get_object_or_404(Document, pk=pk, owner=request.user)
    path = document.create_share_link()
    messages.success(request, f"Share link created: {request.build_absolute_uri(path)}")
    return redirect("documents:document-list")


def shared_document(request, token):
    document = Document.objects.filter(share_token=token, share_expires_at__gt=timezone.now()).first()
    if document is None:
        raise Http404("This link has expired.")
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)


@login_required
def download_by_name(request):
    """Legacy links from the old intranet point at /documents/get/?name=<title>."""
    name = request.GET.get("name", "")
    document = Document.objects.filter(title__iexact=name).first()
    if document is None:
        return HttpResponse(f"<p>No document named <strong>{escape(name)}</strong> was found.</p>", status=404)
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
