import logging

from django.conf import settings
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page

logger = logging.getLogger("artsboard.grants")


class GrantApplicationPage(Page):
    """A funding round. Applicants fill in the hand-written form on this page."""

    intro = RichTextField(blank=True)
    eligibility = RichTextField(blank=True)
    opens = models.DateField()
    closes = models.DateField()
    max_award = models.PositiveIntegerField(help_text="Maximum award in pounds")
    confirmation_text = RichTextField(blank=True)
    officer_email = models.EmailField(default="grants@artsboard.org")

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("eligibility"),
        MultiFieldPanel([FieldPanel("opens"), FieldPanel("closes"), FieldPanel("max_award")], heading="Round"),
        FieldPanel("confirmation_text"),
        FieldPanel("officer_email"),
    ]

    api_fields = [APIField("intro"), APIField("eligibility"), APIField("opens"), APIField("closes"), APIField("max_award")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    def is_open(self):
        from django.utils import timezone

        today = timezone.localdate()
        return self.opens <= today <= self.closes

    def serve(self, request, *args, **kwargs):
        from .forms import GrantApplicationForm
        from .services import submit_application

        if request.method == "POST":
            if is_ratelimited(request, group="grant-apply", key="ip", rate="10/h", method="POST", increment=True):
                return HttpResponse("Too many submissions from your network. Please try again later.", status=429)

            form = GrantApplicationForm(request.POST, request.FILES, round_page=self)
            if form.is_valid():
                try:
                    application = submit_application(self, form.cleaned_data, user=request.user)
                except Exception:
                    logger.exception("Could not save grant application for page %s", self.pk)
                    form.add_error(None, "Sorry, something went wrong saving your application. Please try again.")
                else:
                    request.session["last_grant_application"] = application.pk
                    return redirect("grants:status", token=application.status_token)
        else:
            initial = {}
            if request.user.is_authenticated:
                initial = {"applicant_name": request.user.get_full_name(), "email": request.user.email}
            form = GrantApplicationForm(initial=initial, round_page=self)

        return TemplateResponse(
            request,
            self.get_template(request),
            {**self.get_context(request), "form": form, "is_open": self.is_open()},
        )


class GrantApplication(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        IN_REVIEW = "in_review", "In review"
        AWARDED = "awarded", "Awarded"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    round = models.ForeignKey(GrantApplicationPage, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="grant_applications"
    )
    reference = models.CharField(max_length=20, unique=True)
    applicant_name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200, blank=True)
    email = models.EmailField()
    region = models.CharField(max_length=20)
    project_title = models.CharField(max_length=200)
    project_summary = models.TextField()
    amount_requested = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    status_token = models.CharField(max_length=64, db_index=True)
    status_token_created = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    officer_notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.reference} {self.project_title}"


class GrantAttachment(models.Model):
    application = models.ForeignKey(GrantApplication, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="grant-attachments/%Y/%m/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class GrantDraft(models.Model):
    """Autosaved, unsubmitted form state for a logged-in applicant."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grant_drafts")
    round = models.ForeignKey(GrantApplicationPage, on_delete=models.CASCADE, related_name="drafts")
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("user", "round")]
