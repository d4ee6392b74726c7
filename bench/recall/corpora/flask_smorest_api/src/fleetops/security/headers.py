from flask import Flask, redirect, request
from werkzeug.middleware.proxy_fix import ProxyFix


def init_security_headers(app: Flask) -> None:
    enforce_https = app.config.get("ENFORCE_HTTPS", False)
    if enforce_https:
        # TLS terminates at the load balancer; trust one hop of X-Forwarded-*.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)

        @app.before_request
        def _redirect_to_https():
            if not request.is_secure:
                return redirect(request.url.replace("http://", "https://", 1), code=301)

    @app.after_request
    def _set_headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if enforce_https:
            response.headers.setdefault(
                "Strict-Transport-Security", f"max-age={app.config['HSTS_MAX_AGE']}; includeSubDomains"
            )
        return response
