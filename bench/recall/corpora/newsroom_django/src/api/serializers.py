from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from rest_framework import serializers

from articles.models import Article, Author, Comment, Section
from subscribers.models import Subscriber

User = get_user_model()


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["id", "name", "slug"]


class AuthorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Author
        fields = ["display_name", "slug", "role"]


class ArticleListSerializer(serializers.ModelSerializer):
    section = SectionSerializer(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ["id", "headline", "slug", "standfirst", "section", "is_premium", "published_at", "url"]

    def get_url(self, obj):
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class ArticleDetailSerializer(ArticleListSerializer):
    authors = AuthorSerializer(many=True, read_only=True)
    body_html = serializers.SerializerMethodField()

    class Meta(ArticleListSerializer.Meta):
        fields = ArticleListSerializer.Meta.fields + ["authors", "body_html", "reading_minutes", "lead_image"]

    def get_body_html(self, obj):
        if not obj.requires_subscription:
            return obj.body_html
        request = self.context.get("request")
        if request is None:
            return None
        if getattr(request, "partner", None) is not None:
            return obj.body_html
        subscriber = getattr(request.user, "subscriber", None) if request.user.is_authenticated else None
        if subscriber is not None and subscriber.has_active_plan:
            return obj.body_html
        return None


class CommentSerializer(serializers.ModelSerializer):
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = Comment
        fields = ["id", "article", "body", "author_name", "created_at"]
        read_only_fields = ["created_at"]

    def get_author_name(self, obj):
        return obj.author.first_name or "Reader"

    def validate_article(self, article):
        if not article.allow_comments:
            raise serializers.ValidationError("Comments are closed on this story.")
        return article


class RegisterSerializer(serializers.ModelSerializer):
    password = serializers.CharField(write_only=True, min_length=10, style={"input_type": "password"})

    class Meta:
        model = User
        fields = ["username", "email", "password", "first_name", "last_name"]
        extra_kwargs = {"email": {"required": True}}

    def validate_email(self, value):
        value = value.lower()
        if User.objects.filter(email__iexact=value).exists():
            raise serializers.ValidationError("An account with this email already exists.")
        return value

    def validate_password(self, value):
        validate_password(value)
        return value

    def create(self, validated_data):
        user = User.objects.create(**validated_data)
        Subscriber.objects.update_or_create(
            email=user.email,
            defaults={"user": user, "first_name": user.first_name, "last_name": user.last_name},
        )
        return user


class DeviceTokenSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(write_only=True, style={"input_type": "password"})
    device_id = serializers.CharField(max_length=64)


class MeSerializer(serializers.ModelSerializer):
    subscription = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name", "subscription"]

    def get_subscription(self, user):
        subscriber = getattr(user, "subscriber", None)
        if subscriber is None:
            return None
        return {
            "plan": subscriber.plan,
            "expires": subscriber.plan_expires_at,
            "newsletters": list(subscriber.newsletters.values_list("slug", flat=True)),
        }
