from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from . import services
from .models import Article, Author, Comment, GiftLink, Section, Tag

admin.site.register(Tag, search_fields=["name"], prepopulated_fields={"slug": ["name"]})
admin.site.register(Author, search_fields=["display_name", "email"], prepopulated_fields={"slug": ["display_name"]})
admin.site.register(GiftLink, list_display=["article", "created_by", "uses", "expires_at"], raw_id_fields=["article", "created_by"])


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "is_premium"]
    list_editable = ["position", "is_premium"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["headline", "section", "status", "source", "is_premium", "published_at", "view_count"]
    list_filter = ["status", "source", "section", "is_premium"]
    search_fields = ["headline", "standfirst", "wire_guid"]
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["authors", "tags"]
    date_hierarchy = "published_at"
    readonly_fields = ["view_count", "gifts_shared", "wire_guid", "created_at", "updated_at", "preview_links"]
    actions = ["publish_now"]

    @admin.display(description="Gift links")
    def gifts_shared(self, obj):
        return services.engagement_count("gifts", obj.pk) if obj.pk else 0

    @admin.display(description="Embargo preview")
    def preview_links(self, obj):
        if not obj.pk:
            return "-"
        url = reverse("articles:preview-links", args=[obj.pk])
        return format_html('<a class="button" href="{}">Send preview links</a>', url)

    @admin.action(description="Publish selected stories now")
    def publish_now(self, request, queryset):
        updated = queryset.exclude(status=Article.Status.KILLED).update(
            status=Article.Status.PUBLISHED, published_at=timezone.now()
        )
        self.message_user(request, f"Published {updated} stories.")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["article", "author", "is_approved", "created_at"]
    list_filter = ["is_approved"]
    search_fields = ["body", "author__email"]
    actions = ["approve"]

    @admin.action(description="Approve selected comments")
    def approve(self, request, queryset):
        queryset.update(is_approved=True)
