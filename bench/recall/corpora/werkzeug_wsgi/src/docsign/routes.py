from werkzeug.routing import Map, Rule


def build_url_map():
    return Map(
        [
            Rule("/", endpoint="documents.index"),
            # auth
            Rule("/login", endpoint="auth.login", methods=["GET", "POST"]),
            Rule("/logout", endpoint="auth.logout", methods=["POST"]),
            Rule("/register", endpoint="auth.register", methods=["GET", "POST"]),
            Rule("/register/verify/<token>", endpoint="auth.verify_signup"),
            Rule("/password/reset", endpoint="auth.reset_request", methods=["GET", "POST"]),
            Rule("/password/reset/confirm", endpoint="auth.reset_confirm", methods=["GET", "POST"]),
            # documents
            Rule("/documents/new", endpoint="documents.create", methods=["GET", "POST"]),
            Rule("/documents/<int:doc_id>", endpoint="documents.detail"),
            Rule("/documents/<int:doc_id>/delete", endpoint="documents.delete", methods=["POST"]),
            Rule("/documents/<int:doc_id>/share", endpoint="documents.share", methods=["POST"]),
            Rule("/documents/<int:doc_id>/signers", endpoint="documents.invite", methods=["POST"]),
            Rule("/documents/<int:doc_id>/export", endpoint="documents.export"),
            Rule("/s/<token>", endpoint="documents.shared"),
            # account
            Rule("/account", endpoint="account.settings"),
            Rule("/account/notifications", endpoint="account.update_notification_email", methods=["POST"]),
            Rule("/account/theme", endpoint="account.set_theme", methods=["POST"]),
            # external signers
            Rule("/sign/<token>", endpoint="signing.sign", methods=["GET", "POST"]),
            Rule("/receipt/<token>", endpoint="signing.receipt"),
            Rule("/verify/<fingerprint>", endpoint="signing.verify"),
            # admin
            Rule("/admin/users", endpoint="admin.user_list"),
            Rule("/admin/audit", endpoint="admin.audit_log"),
            # JSON API
            Rule("/api/token", endpoint="api.token", methods=["POST"]),
            Rule("/api/documents", endpoint="api.list_documents"),
            Rule("/api/documents/<int:doc_id>", endpoint="api.get_document"),
            # integrations
            Rule("/hooks/timestamp", endpoint="webhooks.timestamp_authority", methods=["POST"]),
        ],
        strict_slashes=False,
    )
