from markupsafe import Markup

_LEASE_STATUS = {
    "active": ("success", "Active"),
    "notice": ("warning", "Notice given"),
    "ended": ("secondary", "Ended"),
}


def lease_status_badge(status: str) -> Markup:
    css, label = _LEASE_STATUS.get(status, ("light", status))
    return Markup('<span class="badge text-bg-{}">{}</span>').format(css, label)
