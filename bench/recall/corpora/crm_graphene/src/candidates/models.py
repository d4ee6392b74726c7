from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class Skill(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        ordering = ("name",)

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class CandidateQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_archived=False)

    def owned_by(self, user):
        return self.filter(owner=user)

    def with_open_placements(self):
        return self.filter(placements__stage__in=["submitted", "interview", "offer"]).distinct()


class CandidateManager(models.Manager.from_queryset(CandidateQuerySet)):
    search_table = "candidates_candidate"

    def search_by_skill(self, skill, city=None):
        """
        Full-text-ish search over the denormalised ``skills_text`` column.

        The ORM version with ``skills__name__icontains`` did a join per skill and
        was far too slow on the 80k-row production table.
        """
        sql = (
            f"SELECT * FROM {self.search_table} "
            f"WHERE NOT is_archived AND skills_text ILIKE '%%{skill}%%'"
        )
        params = []
        if city:
            sql += " AND city = %s"
            params.append(city)
        sql += " ORDER BY updated_at DESC LIMIT 200"
        return self.raw(sql, params)


class Candidate(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        SCREENING = "screening", "Screening"
        INTERVIEWING = "interviewing", "Interviewing"
        PLACED = "placed", "Placed"
        NOT_LOOKING = "not_looking", "Not looking"

    class Source(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        REFERRAL = "referral", "Referral"
        JOB_BOARD = "job_board", "Job board"
        IMPORT = "import", "CSV import"
        OTHER = "other", "Other"

    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32, blank=True)
    city = models.CharField(max_length=80, blank=True)
    headline = models.CharField(max_length=200, blank=True)
    skills = models.ManyToManyField(Skill, blank=True, related_name="candidates")
    skills_text = models.TextField(blank=True, editable=False)
    years_experience = models.PositiveSmallIntegerField(null=True, blank=True)
    desired_salary = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.OTHER)
    cover_letter = models.TextField(blank=True)
    cv = models.FileField(upload_to="cvs/%Y/%m/", blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="candidates"
    )
    import_batch = models.CharField(max_length=40, blank=True)
    is_archived = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CandidateManager()

    class Meta:
        ordering = ("-updated_at",)
        indexes = [models.Index(fields=["city"]), models.Index(fields=["status"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    def get_absolute_url(self):
        return reverse("candidates:detail", args=[self.pk])

    def refresh_skills_text(self, save=True):
        self.skills_text = " ".join(self.skills.values_list("name", flat=True))
        if save:
            Candidate.objects.filter(pk=self.pk).update(skills_text=self.skills_text)


class CandidateNote(models.Model):
    class Source(models.TextChoices):
        RECRUITER = "recruiter", "Recruiter"
        CLIENT_PORTAL = "client_portal", "Client feedback"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.RECRUITER)
    # HTML produced by the Trix editor on the candidate page
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-created_at",)

    def __str__(self):
        return f"Note on {self.candidate} ({self.created_at:%d %b %Y})"
