from rest_framework import serializers

from grades.models import Grade
from timetable.models import Lesson


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False)
    device_id = serializers.CharField(max_length=64)
    platform = serializers.ChoiceField(choices=["ios", "android", "web"], required=False)


class RefreshSerializer(serializers.Serializer):
    refresh = serializers.CharField()


class ResumeSerializer(serializers.Serializer):
    access = serializers.CharField()


class GradeSerializer(serializers.ModelSerializer):
    assessment = serializers.CharField(source="assessment.title")
    subject = serializers.CharField(source="assessment.subject.name")
    term = serializers.CharField(source="assessment.term.code")

    class Meta:
        model = Grade
        fields = ["id", "assessment", "subject", "term", "score", "letter", "comment", "recorded_at"]


class LessonSerializer(serializers.ModelSerializer):
    day = serializers.IntegerField(source="period.day")
    period = serializers.IntegerField(source="period.number")
    starts_at = serializers.TimeField(source="period.starts_at")
    subject = serializers.CharField(source="subject.name")
    teacher = serializers.CharField(source="teacher.user.get_full_name")

    class Meta:
        model = Lesson
        fields = ["id", "day", "period", "starts_at", "subject", "teacher", "room"]


class KioskCheckinSerializer(serializers.Serializer):
    student_number = serializers.CharField(max_length=12)
    pin = serializers.RegexField(regex=r"^\d{4}$")
