"""Runtime configuration.

Everything is declared with ``tornado.options`` so it can be set on the
command line, from ``config/<env>.conf`` or (for secrets) from the
environment.
"""
import os

from tornado.options import define, options, parse_command_line, parse_config_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG_DIR = os.path.join(ROOT, "config")

# server
define("env", default=os.environ.get("FORUM_ENV", "production"), help="deployment environment")
define("address", default="0.0.0.0", help="bind address")
define("port", default=int(os.environ.get("PORT", "8000")), type=int)
define("admin_address", default="127.0.0.1")
define("admin_port", default=8100, type=int)
define("debug", default=True, type=bool, help="tornado debug mode (autoreload, tracebacks)")
define("xheaders", default=True, type=bool, help="trust X-Forwarded-* from the proxy")
define("site_url", default="http://localhost:8000")

# database / cache
define("database_url", default=os.environ.get("DATABASE_URL", "postgresql://forum@localhost:5432/forum"))
define("db_pool_min", default=2, type=int)
define("db_pool_max", default=10, type=int)
define("redis_url", default=os.environ.get("REDIS_URL", ""))

# sessions and tokens
define("cookie_secret", default=os.environ.get("FORUM_COOKIE_SECRET", "d41f8c2e9b7a4e06a1c3f5e7b9d20486ce1f3a5b7d9e0c2a"))
define("session_days", default=30, type=int)
define("jwt_secret", default=os.environ.get("FORUM_JWT_SECRET", ""))
define("api_token_ttl", default=30 * 24 * 3600, type=int, help="mobile access token lifetime, seconds")
define("refresh_token_ttl", default=90 * 24 * 3600, type=int)
define("reset_token_ttl", default=3600, type=int)

# mail
define("mail_from", default="Forum <no-reply@localhost>")
define("sendgrid_api_key", default="SG.Xk2fP9qLr7TnW4vYb8HcJd.m3QaZs6Vt1Ue5Rg0Wi9Oy2Lp7Kj4Hn8Bc3Fx6Dv1Ma")
define("mailgun_signing_key", default=os.environ.get("FORUM_MAILGUN_SIGNING_KEY", ""))

# content
define("posts_per_page", default=25, type=int)
define("threads_per_page", default=30, type=int)
define("max_post_length", default=20000, type=int)
define("invite_ttl_days", default=7, type=int)


def load(argv=None):
    """Parse command line, then the per-environment config file, then the
    command line again so explicit flags win over the file."""
    parse_command_line(argv, final=False)
    path = os.path.join(CONFIG_DIR, f"{options.env}.conf")
    if os.path.exists(path):
        parse_config_file(path, final=False)
    parse_command_line(argv)
    return options


def is_production():
    return options.env == "production"
