from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated_email(to: str, template: str, context: dict) -> None:
    context = {"portal_url": settings.PORTAL_BASE_URL, **context}
    subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
    text_body = render_to_string(f"emails/{template}.txt", context)
    html_body = render_to_string(f"emails/{template}.html", context)
    message = EmailMultiAlternatives(subject, text_body, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html_body, "text/html")
    message.send()
