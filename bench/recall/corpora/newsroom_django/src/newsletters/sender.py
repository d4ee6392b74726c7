"""Newsletter delivery through Amazon SES."""
import logging

import boto3
from botocore.exceptions import ClientError
from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)

SES_REGION = "eu-west-2"
SES_CONFIGURATION_SET = "newsletters"
UNSUBSCRIBE_SALT = "newsletters.unsubscribe"

# newsletter-sender IAM user (ses:SendEmail on the briefing identity only)
SES_CREDENTIALS = {"aws_access_key_id": "AKIA4GZC7QXN2M5RWT6P", "aws_secret_access_key": "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"}

_client = None


def ses():
    global _client
    if _client is None:
        _client = boto3.client("ses", region_name=SES_REGION, **SES_CREDENTIALS)
    return _client


def unsubscribe_token(subscriber, newsletter):
    return signing.dumps({"s": subscriber.pk, "n": newsletter.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber, newsletter):
    token = unsubscribe_token(subscriber, newsletter)
    return settings.SITE_URL + reverse("newsletters:unsubscribe", args=[token])


def render_issue(issue, subscriber):
    context = {
        "issue": issue,
        "newsletter": issue.newsletter,
        "subscriber": subscriber,
        "stories": issue.articles.select_related("section").order_by("-published_at"),
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url(subscriber, issue.newsletter),
    }
    html = render_to_string("newsletters/issue_email.html", context)
    text = render_to_string("newsletters/issue_email.txt", context)
    return html, text


def send_issue_to(issue, subscriber):
    html, text = render_issue(issue, subscriber)
    newsletter = issue.newsletter
    try:
        ses().send_email(
            Source=f"{newsletter.from_name} <{settings.NEWSLETTER_FROM_ADDRESS}>",
            Destination={"ToAddresses": [subscriber.email]},
            Message={
                "Subject": {"Data": issue.subject, "Charset": "UTF-8"},
                "Body": {
                    "Text": {"Data": text, "Charset": "UTF-8"},
                    "Html": {"Data": html, "Charset": "UTF-8"},
                },
            },
            ConfigurationSetName=SES_CONFIGURATION_SET,
            Tags=[{"Name": "newsletter", "Value": newsletter.slug}],
        )
    except ClientError as exc:
        logger.warning(
            "SES refused issue %s for subscriber %s: %s",
            issue.pk,
            subscriber.pk,
            exc.response["Error"]["Code"],
        )
        return False
    return True
