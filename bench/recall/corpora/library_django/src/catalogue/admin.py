from django.contrib import admin

from .models import Branch, Copy, Review, Title


class CopyInline(admin.TabularInline):
    model = Copy
    extra = 0


@admin.register(Title)
class TitleAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "isbn", "format", "year")
    search_fields = ("title", "author", "isbn")
    inlines = [CopyInline]


admin.site.register(Branch)
admin.site.register(Review)
