"""Certificate post-processing: signed verification links for LinkedIn and PDFs."""
import hashlib
import hmac
import os
from urllib.parse import urlencode

from app.core.config import settings
from app.services import certificate_service
from app.services.mailer import mailer

CERT_SIGNING_KEY = os.getenv("CERT_SIGNING_KEY", "lh-cert-5d1f0b7e9c2a4d68")


def verification_link(code: str) -> str:
    sig = hmac.new(CERT_SIGNING_KEY.encode(), code.encode(), hashlib.sha256).hexdigest()[:32]
    return f"{settings.public_base_url}certificates/{code}?" + urlencode({"sig": sig})


def on_enrolment_completed(session, enrolment, student_email: str) -> None:
    cert = certificate_service.issue_certificate(session, enrolment)
    link = verification_link(cert.code)
    mailer.send(
        to=student_email,
        subject="Your LearnHub certificate is ready",
        html=f'<p>Congratulations! <a href="{link}">View your certificate</a>.</p>',
    )
