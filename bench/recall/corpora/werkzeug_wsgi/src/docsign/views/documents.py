import csv
import io

from werkzeug.exceptions import NotFound
from werkzeug.utils import redirect
from werkzeug.wrappers import Response

from docsign.sessions import csrf_exempt
from docsign.services.documents import DocumentError
from docsign.utils import json_response, render_notes
from docsign.views.base import Handler, login_required

STATUSES = ("draft", "pending", "completed")


class DocumentsHandler(Handler):
    def _owned_or_404(self, request, doc_id):
        doc = self.document_service.owned(request.user, doc_id)
        if doc is None:
            raise NotFound()
        return doc

    @login_required
    def index(self, request):
        query = request.args.get("q", "").strip()
        status = request.args.get("status")
        status = status if status in STATUSES else None
        sort = request.args.get("sort", "created")
        docs = self.document_service.list_for(request.user, query=query, status=status, sort=sort)
        return self.render(
            request, "documents/list.html", documents=docs, query=query, status=status,
            sort=sort, statuses=STATUSES,
        )

    @login_required
    def create(self, request):
        error = None
        if request.method == "POST":
            try:
                doc_id = self.document_service.create(
                    request.user,
                    request.form.get("title", "Untitled"),
                    request.form.get("description", ""),
                    request.form.get("notes", ""),
                    request.files.get("file"),
                )
            except DocumentError as exc:
                error = str(exc)
            else:
                return redirect(f"/documents/{doc_id}")
        return self.render(request, "documents/new.html", error=error, form=request.form)

    @login_required
    def detail(self, request, doc_id):
        doc = self._owned_or_404(request, doc_id)
        return self.render(
            request,
            "documents/detail.html",
            document=doc,
            signers=self.signers.for_document(doc_id),
            notes_html=render_notes(doc["notes"]),
        )

    @csrf_exempt
    @login_required
    def delete(self, request, doc_id):
        doc = self._owned_or_404(request, doc_id)
        self.document_service.delete(request.user, doc)
        return json_response({"deleted": doc_id})

    @login_required
    def share(self, request, doc_id):
        doc = self._owned_or_404(request, doc_id)
        token = self.document_service.create_share_link(request.user, doc)
        self.flash(request, f"Share link: {self.config.PUBLIC_BASE_URL}/s/{token}")
        return redirect(f"/documents/{doc_id}")

    @login_required
    def invite(self, request, doc_id):
        doc = self._owned_or_404(request, doc_id)
        email = request.form.get("email", "").strip()
        name = request.form.get("name", "").strip()
        if not email or not name:
            self.flash(request, "Signer name and e-mail are required.", "error")
        else:
            self.signing.invite(request.user, doc, email, name, request.form.get("message", ""))
            self.flash(request, f"Invitation sent to {email}.")
        return redirect(f"/documents/{doc_id}")

    @login_required
    def export(self, request, doc_id):
        doc = self._owned_or_404(request, doc_id)
        fmt = request.args.get("format", "pdf")
        if fmt == "pdf":
            return Response(
                self.storage.read(doc["storage_key"]),
                mimetype="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="document-{doc_id}.pdf"'},
            )
        if fmt == "signers-csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            writer.writerow(["name", "email", "signed_at", "fingerprint"])
            for signer in self.signers.for_document(doc_id):
                writer.writerow([signer["name"], signer["email"], signer["signed_at"] or "", signer["fingerprint"] or ""])
            return Response(buffer.getvalue(), mimetype="text/csv")
        return Response(
            f"<h1>Export failed</h1><p>Unsupported export format: {fmt}</p>",
            status=400,
            mimetype="text/html",
        )

    def shared(self, request, token):
        doc = self.documents.by_share_token(token)
        if doc is None:
            raise NotFound()
        return Response(self.storage.read(doc["storage_key"]), mimetype="application/pdf")
