from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from rest_framework import serializers

from chat.models import CannedResponse, Conversation, Message, Tag, Visitor


class VisitorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Visitor
        fields = ["id", "name", "email", "page_url", "page_title", "created_at", "last_seen_at"]


class MessageSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.get_short_name", default=None, read_only=True)

    class Meta:
        model = Message
        fields = ["id", "sender_type", "author", "body", "created_at"]
        read_only_fields = ["sender_type", "author", "created_at"]


class ConversationSerializer(serializers.ModelSerializer):
    visitor = VisitorSerializer(read_only=True)
    assigned_agent = serializers.PrimaryKeyRelatedField(read_only=True)
    tags = serializers.SlugRelatedField(slug_field="name", many=True, queryset=Tag.objects.all(), required=False)

    class Meta:
        model = Conversation
        fields = [
            "id",
            "public_id",
            "subject",
            "status",
            "visitor",
            "assigned_agent",
            "tags",
            "created_at",
            "updated_at",
            "first_response_at",
            "closed_at",
        ]
        read_only_fields = ["public_id", "status", "created_at", "updated_at", "first_response_at", "closed_at"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            fields["tags"].child_relation.queryset = Tag.objects.filter(team_id=request.user.team_id)
        return fields


class ConversationDetailSerializer(ConversationSerializer):
    messages = MessageSerializer(many=True, read_only=True)

    class Meta(ConversationSerializer.Meta):
        fields = ConversationSerializer.Meta.fields + ["messages"]


class CannedResponseSerializer(serializers.ModelSerializer):
    class Meta:
        model = CannedResponse
        fields = ["id", "title", "shortcut", "body", "updated_at"]


class AgentTokenSerializer(serializers.Serializer):
    username = serializers.CharField()
    password = serializers.CharField(style={"input_type": "password"}, trim_whitespace=False, write_only=True)

    def validate(self, attrs):
        user = authenticate(self.context.get("request"), username=attrs["username"], password=attrs["password"])
        if user is None or not user.is_agent:
            raise serializers.ValidationError("Unable to log in with the provided credentials.", code="authorization")
        attrs["user"] = user
        return attrs


class TranscriptShareSerializer(serializers.Serializer):
    password = serializers.CharField(required=False, allow_blank=True, write_only=True, trim_whitespace=False)

    def validate_password(self, value):
        if value:
            validate_password(value)
        return value
