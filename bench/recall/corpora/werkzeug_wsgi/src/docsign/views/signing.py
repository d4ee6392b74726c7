from werkzeug.exceptions import NotFound
from werkzeug.utils import redirect
from werkzeug.wrappers import Response

from docsign.services.tokens import InvalidLink
from docsign.services.signing import SigningError
from docsign.utils import json_response
from docsign.views.base import Handler


class SigningHandler(Handler):
    """Pages used by external signers; they have no DocSign account."""

    def sign(self, request, token):
        try:
            signer, doc = self.signing.signer_for(token)
        except SigningError:
            raise NotFound()
        if request.method == "GET" and request.args.get("pdf"):
            return Response(self.storage.read(doc["storage_key"]), mimetype="application/pdf")

        error = None
        if request.method == "POST":
            try:
                self.signing.sign(signer, doc, request.form.get("typed_name", ""))
            except SigningError as exc:
                error = str(exc)
            else:
                return redirect(f"/receipt/{self.links.issue(doc['id'], signer['id'])}")
        return self.render(request, "signing/sign.html", signer=signer, document=doc, error=error, token=token)

    def receipt(self, request, token):
        try:
            claims = self.links.read_claims(token)
        except InvalidLink:
            raise NotFound()
        doc = self.documents.get(claims.get("doc"))
        signer = self.signers.get(claims.get("sid"))
        if doc is None or signer is None:
            raise NotFound()
        if request.args.get("download"):
            return Response(
                self.storage.read(doc["storage_key"]),
                mimetype="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="signed-{doc["id"]}.pdf"'},
            )
        return self.render(request, "signing/receipt.html", signer=signer, document=doc, token=token)

    def verify(self, request, fingerprint):
        row = self.signers.by_fingerprint(fingerprint.lower())
        if row is None:
            return json_response({"valid": False}, 404)
        return json_response(
            {"valid": True, "document": row["title"], "signer": row["name"], "signed_at": row["signed_at"]}
        )
