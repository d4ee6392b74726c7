from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import engines
from django.utils.html import strip_tags


def render_email(template_name, context):
    template = engines["emails"].get_template(template_name)
    html = template.render({"site_url": settings.SITE_URL, "frontend_url": settings.FRONTEND_URL, **context})
    return strip_tags(html).strip(), html


def send_templated_email(to, subject, template_name, context, reply_to=None):
    text, html = render_email(template_name, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to] if isinstance(to, str) else list(to),
        reply_to=[reply_to] if reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    message.send()
