from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from tenants.mixins import TenantScopedQuerysetMixin, tenant_member_required

from .forms import DocumentUploadForm
from .models import Document

PREVIEWABLE = ("application/pdf", "image/jpeg", "image/png")


class DocumentListView(TenantScopedQuerysetMixin, ListView):
    model = Document
    template_name = "documents/document_list.html"
    context_object_name = "documents"
    paginate_by = 50

    def get_queryset(self):
        qs = super().get_queryset().select_related("client", "uploaded_by")
        if client_id := self.request.GET.get("client"):
            qs = qs.filter(client_id=client_id)
        if self.request.GET.get("inbox"):
            qs = qs.filter(client__isnull=True)
        return qs


@tenant_member_required
def document_upload(request):
    if request.method == "POST":
        form = DocumentUploadForm(request.POST, request.FILES, tenant=request.tenant)
        if form.is_valid():
            doc = form.save(commit=False)
            doc.tenant = request.tenant
            doc.uploaded_by = request.user
            doc.original_name = request.FILES["file"].name
            doc.content_type = request.FILES["file"].content_type
            doc.size = request.FILES["file"].size
            doc.compute_checksum()
            doc.save()
            messages.success(request, f"{doc.original_name} uploaded.")
            return redirect("documents:list")
    else:
        form = DocumentUploadForm(tenant=request.tenant, initial={"client": request.GET.get("client")})
    return render(request, "documents/upload.html", {"form": form})


@tenant_member_required
def document_preview(request, pk):
    doc = get_object_or_404(Document, pk=pk, tenant=request.tenant)
    if doc.content_type in PREVIEWABLE:
        return redirect(doc.file.url)
    return HttpResponse(f'<p class="text-muted">No preview available for {escape(doc.original_name)}.</p>')


@tenant_member_required
def document_picker(request):
    """HTMX fragment for the "attach document" picker on invoices."""
    query = request.GET.get("q", "").strip()
    documents = Document.objects.filter(tenant=request.tenant, original_name__icontains=query)[:10]
    if not documents:
        return HttpResponse(f'<li class="list-group-item empty">No documents match "{query}"</li>')
    return render(request, "documents/_picker_results.html", {"documents": documents})


@tenant_member_required
@require_POST
def create_share_link(request, pk):
    doc = get_object_or_404(Document, pk=pk, tenant=request.tenant)
    url = request.build_absolute_uri(reverse("documents:shared", args=[doc.share_token()]))
    return render(request, "documents/share.html", {"document": doc, "share_url": url})


def shared_document(request, token):
    try:
        doc = Document.from_share_token(token)
    except (signing.BadSignature, Document.DoesNotExist):
        raise Http404("This link is invalid or has expired.")
    if request.tenant is not None and doc.tenant_id != request.tenant.pk:
        raise Http404
    return redirect(doc.file.url)
