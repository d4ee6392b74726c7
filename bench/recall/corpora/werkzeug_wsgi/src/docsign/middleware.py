"""WSGI middleware applied around DocSignApp.wsgi_app."""


class SecurityHeadersMiddleware:
    def __init__(self, app, hsts_seconds=0):
        self.app = app
        self.hsts_seconds = hsts_seconds

    def __call__(self, environ, start_response):
        def _start_response(status, headers, exc_info=None):
            names = {name.lower() for name, _ in headers}
            defaults = [
                ("X-Content-Type-Options", "nosniff"),
                ("X-Frame-Options", "DENY"),
                ("Referrer-Policy", "same-origin"),
                ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"),
            ]
            if self.hsts_seconds:
                defaults.append(
                    ("Strict-Transport-Security", f"max-age={self.hsts_seconds}; includeSubDomains")
                )
            headers.extend(item for item in defaults if item[0].lower() not in names)
            return start_response(status, headers, exc_info)

        return self.app(environ, _start_response)


class CORSMiddleware:
    """CORS for the JSON API (used by the Outlook add-in and the intranet portal)
    and for the public signature verification endpoint."""

    api_prefix = "/api/"
    public_prefix = "/verify/"

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        origin = environ.get("HTTP_ORIGIN")

        def _start_response(status, headers, exc_info=None):
            if origin and path.startswith(self.api_prefix):
                headers.append(("Access-Control-Allow-Origin", origin))
                headers.append(("Access-Control-Allow-Credentials", "true"))
                headers.append(("Access-Control-Allow-Headers", "Authorization, Content-Type"))
                headers.append(("Vary", "Origin"))
            elif path.startswith(self.public_prefix):
                headers.append(("Access-Control-Allow-Origin", "*"))
            return start_response(status, headers, exc_info)

        return self.app(environ, _start_response)
