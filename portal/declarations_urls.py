from django.urls import path

from portal import declarations_views as views

urlpatterns = [
    path("exhibitor/declarations/", views.declarations, name="declarations"),
    path("exhibitor/declarations/<int:product_id>/", views.declaration, name="declaration"),
    path(
        "exhibitor/declarations/<int:pk>/certificate.pdf",
        views.document,
        {"document": "deactivation_certificate"},
        name="declaration_certificate",
    ),
    path(
        "exhibitor/declarations/<int:pk>/licence.pdf",
        views.document,
        {"document": "export_licence"},
        name="declaration_licence",
    ),
    path("exhibitor/deadlines/", views.deadlines_page, name="deadlines"),
]
