"""Leads arrive from two places: the public contact form that marketing embeds
on the website, and connected systems pushing them through the API."""
import colander
from cornice import Service
from cornice.validators import colander_body_validator
from pyramid.response import Response
from pyramid.view import view_config

from crm.api import API_PREFIX
from crm.security import INTEGRATION_KEY_HEADER
from crm.services.leads import authenticate_integration, create_lead
from crm.services.throttle import throttle, throttle_validator


@view_config(route_name="lead_embed", request_method="GET", renderer="crm:templates/leads/embed.jinja2")
def lead_embed(request):
    return {"source": request.params.get("source", "website")[:50]}


@view_config(
    route_name="lead_submit",
    request_method="POST",
    require_csrf=False,
    decorator=throttle("lead-form", limit=20, window=3600),
)
def lead_submit(request):
    """Anonymous, session-less contact form: there is no user session to ride on."""
    post = request.POST
    name = post.get("name", "").strip()[:200]
    email = post.get("email", "").strip()[:255]
    if not name or "@" not in email or post.get("website"):
        return Response("Please fill in your name and e-mail address.", status=400, content_type="text/plain")
    create_lead(
        request.dbsession,
        name=name,
        email=email,
        company=post.get("company"),
        message=post.get("message", "")[:5000],
        source=post.get("source", "website")[:50],
    )
    return Response(f"Thank you {name}, a member of our team will contact you shortly.", content_type="text/plain")


leads_service = Service(
    name="api_leads",
    path=f"{API_PREFIX}/leads",
    description="Inbound leads pushed by connected systems (web shop, webinar tool)",
)


class LeadSchema(colander.MappingSchema):
    name = colander.SchemaNode(colander.String(), validator=colander.Length(1, 200))
    email = colander.SchemaNode(colander.String(), validator=colander.Email())
    company = colander.SchemaNode(colander.String(), validator=colander.Length(max=200), missing=None)
    message = colander.SchemaNode(colander.String(), validator=colander.Length(max=5000), missing="")


def integration_validator(request, **kwargs):
    integration = authenticate_integration(
        request.dbsession,
        request.headers.get("X-Integration-Id"),
        request.headers.get(INTEGRATION_KEY_HEADER, ""),
    )
    if integration is None:
        request.errors.add("header", INTEGRATION_KEY_HEADER, "Unknown integration or wrong key.")
        request.errors.status = 401
        return
    request.validated["integration"] = integration


@leads_service.post(
    schema=LeadSchema(),
    validators=(
        throttle_validator("api-leads", limit=600, window=3600),
        integration_validator,
        colander_body_validator,
    ),
)
def push_lead(request):
    data = request.validated
    lead = create_lead(
        request.dbsession,
        name=data["name"],
        email=data["email"],
        company=data["company"],
        message=data["message"],
        source="integration",
        integration=data["integration"],
    )
    request.dbsession.flush()
    request.response.status = 201
    return {"id": lead.id, "assigned_to": lead.assigned_to_id}
