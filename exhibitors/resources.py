"""Spreadsheet import/export of exhibitors and exhibits (django-import-export).

Translated texts travel as explicit `_vi` / `_en` columns: a plain `name` column would only
write the active language. Rows are matched on their slug, so re-importing a corrected sheet
updates rows instead of duplicating them; every row is validated (full_clean), and the
preview lists each row's errors before anything is saved.
"""

from import_export import fields, resources, widgets

from exhibitors.models import Category, Exhibitor, Product, Sector


class ExhibitorResource(resources.ModelResource):
    sectors = fields.Field(
        attribute="sectors", column_name="sectors", widget=widgets.ManyToManyWidget(Sector, field="slug", separator="|")
    )

    class Meta:
        model = Exhibitor
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "name",
            "country",
            "website",
            "press_contact",
            "description_vi",
            "description_en",
            "sectors",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False


class ProductResource(resources.ModelResource):
    exhibitor = fields.Field(
        attribute="exhibitor", column_name="exhibitor", widget=widgets.ForeignKeyWidget(Exhibitor, field="slug")
    )
    category = fields.Field(
        attribute="category", column_name="category", widget=widgets.ForeignKeyWidget(Category, field="slug")
    )

    class Meta:
        model = Product
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "exhibitor",
            "category",
            "name_vi",
            "name_en",
            "summary_vi",
            "summary_en",
            "description_vi",
            "description_en",
            "display_mode",
            "is_published",
        )
        export_order = fields
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = False

    def get_queryset(self):
        return super().get_queryset().select_related("exhibitor", "category")
