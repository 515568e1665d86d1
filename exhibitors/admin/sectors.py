from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from common.admin import FoldedSearchMixin
from exhibitors.models import Category, Sector


class CategoryInline(TranslationTabularInline):
    model = Category
    fields = ("order", "name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    extra = 0


@admin.register(Sector)
class SectorAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    list_display = ("name", "order", "category_count")
    list_editable = ("order",)
    search_fields = ("name_vi", "name_en")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [CategoryInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(category_count=Count("categories"))

    @admin.display(description=_("categories"), ordering="category_count")
    def category_count(self, obj):
        return obj.category_count


@admin.register(Category)
class CategoryAdmin(FoldedSearchMixin, TabbedTranslationAdmin):
    list_display = ("name", "sector", "order")
    list_filter = ("sector",)
    list_select_related = ("sector",)
    search_fields = ("name_vi", "name_en", "sector__name_vi", "sector__name_en")
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("sector", "name", "slug", "order", "description")
