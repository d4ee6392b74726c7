"""Small wrapper so every outgoing mail has a text and an HTML part."""
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

logger = logging.getLogger("libnet.email")


def send_templated_mail(template_prefix, context, to, subject=None):
    """
    Render ``emails/<prefix>.txt`` (required) and ``emails/<prefix>.html``
    (optional) and send them to ``to`` (a string or list of addresses).
    """
    if isinstance(to, str):
        to = [to]
    context = {"site_name": settings.LIBNET["SITE_NAME"], **context}
    text_body = render_to_string(f"emails/{template_prefix}.txt", context)
    if subject is None:
        subject, _, text_body = text_body.partition("\n")
    try:
        html_body = render_to_string(f"emails/{template_prefix}.html", context)
    except TemplateDoesNotExist:
        html_body = None

    message = EmailMultiAlternatives(
        subject=subject.strip(),
        body=text_body.lstrip(),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    sent = message.send(fail_silently=False)
    logger.info("sent %s mail to %d recipient(s)", template_prefix, len(to))
    return sent
