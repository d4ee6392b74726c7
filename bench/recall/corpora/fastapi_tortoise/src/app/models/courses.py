from tortoise import fields, models


class Course(models.Model):
    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=200)
    slug = fields.CharField(max_length=220, unique=True)
    language = fields.CharField(max_length=32, db_index=True)
    level = fields.CharField(max_length=8)
    description = fields.TextField(default="")
    summary_md = fields.TextField(default="")
    summary_html = fields.TextField(default="")
    tags = fields.JSONField(default=list)
    price_cents = fields.IntField(default=0)
    teacher = fields.ForeignKeyField("models.User", related_name="courses_taught")
    is_archived = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "courses"
        ordering = ["title"]


class Lesson(models.Model):
    id = fields.IntField(primary_key=True)
    course = fields.ForeignKeyField("models.Course", related_name="lessons")
    title = fields.CharField(max_length=200)
    starts_at = fields.DatetimeField()
    duration_minutes = fields.IntField(default=60)
    room_token = fields.CharField(max_length=64, null=True)
    room_password_hash = fields.CharField(max_length=128, null=True)
    is_live = fields.BooleanField(default=False)

    class Meta:
        table = "lessons"
        ordering = ["starts_at"]


class Enrollment(models.Model):
    id = fields.IntField(primary_key=True)
    student = fields.ForeignKeyField("models.User", related_name="enrollments")
    course = fields.ForeignKeyField("models.Course", related_name="enrollments")
    status = fields.CharField(max_length=16, default="active")
    completed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "enrollments"
        unique_together = (("student", "course"),)


class Comment(models.Model):
    id = fields.IntField(primary_key=True)
    lesson = fields.ForeignKeyField("models.Lesson", related_name="comments")
    author = fields.ForeignKeyField("models.User", related_name="comments")
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "comments"
        ordering = ["-created_at"]


class Invite(models.Model):
    id = fields.IntField(primary_key=True)
    course = fields.ForeignKeyField("models.Course", related_name="invites")
    created_by = fields.ForeignKeyField("models.User", related_name="invites_created")
    code = fields.CharField(max_length=16, unique=True)
    max_uses = fields.IntField(default=30)
    uses = fields.IntField(default=0)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "invites"


class Payment(models.Model):
    id = fields.IntField(primary_key=True)
    enrollment = fields.ForeignKeyField("models.Enrollment", related_name="payments", null=True)
    provider_ref = fields.CharField(max_length=64, unique=True)
    amount_cents = fields.IntField()
    currency = fields.CharField(max_length=3, default="EUR")
    paid_at = fields.DatetimeField()

    class Meta:
        table = "payments"


class QuizQuestion(models.Model):
    id = fields.IntField(primary_key=True)
    lesson = fields.ForeignKeyField("models.Lesson", related_name="quiz_questions")
    prompt = fields.TextField()
    options = fields.JSONField(default=list)
    answer_index = fields.IntField()

    class Meta:
        table = "quiz_questions"
