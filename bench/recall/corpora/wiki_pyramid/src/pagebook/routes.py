from .resources import AdminResource, AttachmentResource, PageResource, SpaceResource


def includeme(config):
    config.add_route("home", "/")

    # accounts
    config.add_route("login", "/login")
    config.add_route("login_ldap", "/login/ldap")
    config.add_route("logout", "/logout")
    config.add_route("register", "/register")
    config.add_route("reset_request", "/password/reset")
    config.add_route("reset_confirm", "/password/reset/{token}")

    # search
    config.add_route("search", "/search")
    config.add_route("search_suggest", "/search/suggest")
    config.add_route("random_page", "/random")

    # spaces and pages
    config.add_route("space", "/s/{space}", factory=SpaceResource)
    config.add_route("page_new", "/s/{space}/+new", factory=SpaceResource)
    config.add_route("page", "/s/{space}/{slug}", factory=PageResource)
    config.add_route("page_edit", "/s/{space}/{slug}/edit", factory=PageResource)
    config.add_route("page_delete", "/s/{space}/{slug}/delete", factory=PageResource)
    config.add_route("page_comment", "/s/{space}/{slug}/comments", factory=PageResource)
    config.add_route("page_history", "/s/{space}/{slug}/history", factory=PageResource)
    config.add_route("page_attachments", "/s/{space}/{slug}/attachments", factory=PageResource)

    # attachments
    config.add_route("attachment_delete", "/a/{id}/delete", factory=AttachmentResource)
    config.add_route("attachment_share", "/a/{id}/share", factory=AttachmentResource)
    config.add_route("attachment_link_new", "/a/{id}/link", factory=AttachmentResource)
    config.add_route("attachment_download", "/a/{id}/{filename}", factory=AttachmentResource)
    config.add_route("attachment_shared", "/shared/{token}")
    config.add_route("attachment_link", "/dl/{token}")

    # administration (Chameleon templates)
    config.add_route("admin_users", "/admin/users", factory=AdminResource)
    config.add_route("admin_user_toggle", "/admin/users/{id}/toggle", factory=AdminResource)
    config.add_route("admin_audit", "/admin/audit", factory=AdminResource)

    # JSON API
    config.add_route("api_token", "/api/v1/token")
    config.add_route("api_pages", "/api/v1/pages")
    config.add_route("api_page", "/api/v1/pages/{space}/{slug}", factory=PageResource)
    config.add_route("api_sync", "/api/v1/sync")

    # inbound hooks
    config.add_route("webhook_git", "/hooks/git")
