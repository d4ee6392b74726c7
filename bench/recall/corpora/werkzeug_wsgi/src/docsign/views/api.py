import logging

from werkzeug.exceptions import Forbidden, NotFound, Unauthorized

from docsign.sessions import csrf_exempt
from docsign.services.tokens import InvalidToken
from docsign.utils import json_response, row_to_dict
from docsign.views.base import Handler

log = logging.getLogger(__name__)

DOCUMENT_FIELDS = ("id", "title", "status", "created_at", "content_sha256")


class ApiHandler(Handler):
    def _principal(self, request):
        header = request.headers.get(self.config.API_TOKEN_HEADER, "")
        if header.startswith("Bearer "):
            try:
                claims = self.tokens.verify(header[len("Bearer "):])
            except InvalidToken:
                raise Unauthorized()
            scopes = claims.get("scope", "").split()
            if claims["sub"].startswith("svc:"):
                return {"owner_id": None, "scopes": scopes}
            client = self.clients.by_client_id(claims["sub"])
            if client is None:
                raise Unauthorized()
            return {"owner_id": client["owner_id"], "scopes": scopes}
        if request.user is not None:
            # the intranet portal and the Outlook add-in reuse the browser session
            return {"owner_id": request.user["id"], "scopes": ["documents:read"]}
        raise Unauthorized()

    @csrf_exempt
    def token(self, request):
        client_id = request.form.get("client_id", "")
        client_secret = request.form.get("client_secret", "")
        client = self.clients.by_client_id(client_id)
        if client is None or client["secret"] != client_secret:
            return json_response({"error": "invalid_client"}, 401)
        token = self.tokens.issue(client)
        log.info("issued API token for client %s (expires in %ss)", client_id, self.config.API_TOKEN_TTL)
        return json_response(
            {"access_token": token, "token_type": "Bearer", "expires_in": self.config.API_TOKEN_TTL}
        )

    def list_documents(self, request):
        principal = self._principal(request)
        owner_id = principal["owner_id"]
        if owner_id is None:
            if "documents:read:all" not in principal["scopes"]:
                raise Forbidden()
            owner_id = request.args.get("owner", type=int)
            if owner_id is None:
                raise NotFound()
        docs = self.documents.for_owner(owner_id, sort=request.args.get("sort", "created"))
        return json_response({"documents": [row_to_dict(d, DOCUMENT_FIELDS) for d in docs]})

    def get_document(self, request, doc_id):
        principal = self._principal(request)
        doc = self.documents.get(doc_id)
        if doc is None:
            raise NotFound()
        if principal["owner_id"] not in (None, doc["owner_id"]):
            raise NotFound()
        if principal["owner_id"] is None and "documents:read:all" not in principal["scopes"]:
            raise Forbidden()
        data = row_to_dict(doc, DOCUMENT_FIELDS)
        data["signers"] = [
            {"name": s["name"], "signed_at": s["signed_at"]} for s in self.signers.for_document(doc_id)
        ]
        return json_response(data)
