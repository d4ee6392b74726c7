from jinja2 import Environment, PackageLoader, StrictUndefined
from pyramid_mailer import get_mailer
from pyramid_mailer.message import Message

# Notification e-mails are sent as text/plain only.
_loader = PackageLoader("crm", "templates/emails")
_text_env = Environment(loader=_loader, autoescape=False, undefined=StrictUndefined, keep_trailing_newline=True)


def render_text(template_name, **context):
    return _text_env.get_template(template_name).render(**context)


def send_template_mail(request, to, subject, template, **context):
    body = render_text(template, **context)
    message = Message(subject=subject, recipients=[to], body=body)
    # pyramid_mailer joins the request transaction: nothing is sent if the
    # request fails after this point.
    get_mailer(request).send(message)
