"""Customer chat widget authentication.

Customer sites embed the chat widget and mint a short JWT on their own
backend identifying the visitor. Sites choose between a shared HMAC secret
and an RSA key pair when they register.
"""
import jwt

WIDGET_AUDIENCE = "helpdesk-widget"


class WidgetSite:
    def __init__(self, site_id: str, verification_key: str, team_id: int) -> None:
        self.site_id = site_id
        self.verification_key = verification_key
        self.team_id = team_id


async def load_site(pool, site_id: str) -> WidgetSite | None:
    row = await pool.fetchrow(
        "SELECT site_id, verification_key, team_id FROM widget_sites WHERE site_id = $1",
        site_id,
    )
    return WidgetSite(**row) if row else None


def visitor_claims(token: str, site: WidgetSite) -> dict:
    header = jwt.get_unverified_header(token)
    algorithm = header.get("alg", "HS256")
    return jwt.decode(token, site.verification_key, algorithms=[algorithm], audience=WIDGET_AUDIENCE)
