"""The exhibit catalogue (re-exported so `from exhibitors.models import X` works)."""

from exhibitors.models.exhibitor import Exhibitor, ExhibitorQuerySet, Stand
from exhibitors.models.product import Product, ProductImage, ProductQuerySet, ProductSpecification
from exhibitors.models.sectors import Category, Sector

__all__ = [
    "Category",
    "Exhibitor",
    "ExhibitorQuerySet",
    "Product",
    "ProductImage",
    "ProductQuerySet",
    "ProductSpecification",
    "Sector",
    "Stand",
]
