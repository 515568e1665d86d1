"""Catalogue models: NFC text, the folded search column, constraints, demo data."""

import unicodedata

import pytest
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from exhibitors.models import Category, Exhibitor, Product, ProductImage, ProductSpecification, Stand
from tests.factories import make_exhibitor, make_product


def test_text_is_stored_in_nfc(edition, sectors):
    decomposed = unicodedata.normalize("NFD", "Tàu ngầm Đường")
    maker = make_exhibitor("m", decomposed, "VN")
    product = make_product(maker, sectors["submarines"], "p", decomposed, "Submarine")
    maker.refresh_from_db()
    product.refresh_from_db()
    assert maker.name == product.name_vi == unicodedata.normalize("NFC", decomposed)


def test_search_column_follows_every_save(edition, sectors):
    maker = make_exhibitor("m", "Công ty Sông Hồng", "VN")
    product = make_product(maker, sectors["submarines"], "p", "Tàu ngầm", "Submarine")
    # Its own words, then its category's and sector's names (vi, en), then its maker's.
    assert product.search_text == (
        " tau ngam submarine p tau ngam submarine hai quan naval  cong ty song hong m viet nam vietnam "
    )
    assert "viet nam" in maker.search_text and "vietnam" in maker.search_text
    product.summary_en = "Đường hầm"
    product.save()
    assert list(Product.objects.search("DUONG")) == [product]
    maker.name = "Hà Nội Marine"
    maker.save()
    assert list(Product.objects.search("ha noi")) == [product]
    assert list(Exhibitor.objects.search("ha noi")) == [maker]
    assert list(Product.objects.search("hanoi marine")) == []


def test_renaming_a_category_or_a_sector_renames_what_its_exhibits_are_found_by(edition, sectors):
    maker = make_exhibitor("m", "Công ty Sông Hồng", "VN")
    product = make_product(maker, sectors["submarines"], "p", "SH-1", "SH-1")
    category = sectors["submarines"]
    assert list(Product.objects.search("tàu ngầm")) == [product]
    category.name_vi, category.name_en = "Tàu lặn", "Submersibles"
    category.save()
    assert list(Product.objects.search("tàu ngầm")) == []
    assert list(Product.objects.search("submersible")) == [product]
    naval = category.sector
    naval.name_en = "Maritime"
    naval.save()
    assert list(Product.objects.search("naval")) == []
    assert list(Product.objects.search("maritime")) == [product]
    category.sector = sectors["ground"]
    category.save()
    assert list(Product.objects.search("maritime")) == []
    assert list(Product.objects.search("ground forces")) == [product]


def test_stand_code_is_unique_per_hall_and_edition(edition, venues):
    first = make_exhibitor("a", "A", "VN", stand=(venues["A"], "A-01"), edition=edition)
    second = make_exhibitor("b", "B", "VN")
    Stand.objects.create(exhibitor=second, edition=edition, venue=venues["B"], code="A-01")  # another hall: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        Stand.objects.create(exhibitor=make_exhibitor("c", "C", "FR"), edition=edition, venue=venues["A"], code="A-01")
    with pytest.raises(IntegrityError), transaction.atomic():
        Stand.objects.create(exhibitor=first, edition=edition, venue=venues["B"], code="B-09")  # one stand per edition


def counts():
    models = (Exhibitor, Stand, Product, ProductSpecification, ProductImage, Category)
    return {model.__name__: model.objects.count() for model in models}


def test_demo_catalogue_is_varied(demo):
    # That a second `load_demo` changes nothing: tests/expo/test_demo.py.
    first = counts()
    assert first["Exhibitor"] == 40 and first["Stand"] == 40
    assert first["Product"] == 150 and first["ProductSpecification"] == 600 and first["ProductImage"] == 150
    assert Exhibitor.objects.values("country").distinct().count() >= 15
    assert Exhibitor.objects.filter(country="VN", name__contains="Đường").exists()
    assert all(category.products.exists() for category in Category.objects.all())
    image = ProductImage.objects.first()
    assert default_storage.exists(image.image.name)
    assert all(default_storage.exists(r["name"]) for r in image.image_renditions)


def test_demo_catalogue_pages_render(client, demo):
    html = client.get("/vi/exhibits/?q=tau+ngam").content.decode()
    assert "Tàu ngầm diesel-điện" in html
    product = Product.objects.published().first()
    assert product.name_en in client.get(f"/en/exhibits/{product.slug}/").content.decode()
