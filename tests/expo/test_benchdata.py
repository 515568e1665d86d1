"""`generate_bench_data`: seeded, repeatable, searchable, and through the real delegation import."""

from io import StringIO

import pytest
from django.core.management import call_command

from delegations.models import Delegation, Member
from exhibitors.models import Exhibitor, Product, ProductImage, ProductSpecification, Stand
from expo.models import ProgrammeItem

SMALL = ["--exhibitors", "30", "--exhibits", "120", "--images", "2", "--delegations", "6", "--members", "30",
         "--programme", "16"]  # fmt: skip


def bench_counts():
    return {
        "exhibitors": Exhibitor.objects.filter(slug__startswith="bench-").count(),
        "stands": Stand.objects.filter(exhibitor__slug__startswith="bench-").count(),
        "exhibits": Product.objects.filter(slug__startswith="bench-").count(),
        "specifications": ProductSpecification.objects.filter(product__slug__startswith="bench-").count(),
        "programme": ProgrammeItem.objects.filter(slug__startswith="bench-").count(),
        "delegations": Delegation.objects.filter(organisation__startswith="Bench").count(),
        "members": Member.objects.filter(delegation__organisation__startswith="Bench").count(),
    }


@pytest.mark.django_db(transaction=True)
def test_bench_data_is_generated_at_the_asked_scale_and_repeatably(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command("generate_bench_data", *SMALL, stdout=out)
    first = bench_counts()
    assert first == {
        "exhibitors": 30,
        "stands": 30,
        "exhibits": 120,
        "specifications": 480,
        "programme": 16,
        "delegations": 6,
        "members": 30,
    }
    assert "timing: delegation import of 30 member rows:" in out.getvalue()
    # Images go through the upload path: sizes and thumbnails, as the catalogue cards need.
    images = list(ProductImage.objects.filter(product__slug__startswith="bench-"))
    assert len(images) == 2
    assert all(image.image_width == 960 and image.image_height == 640 for image in images)
    assert all(image.image_renditions and image.thumbnail()[1] < 960 for image in images)
    names = list(Product.objects.filter(slug__startswith="bench-").order_by("slug").values_list("name_vi", flat=True))
    call_command("generate_bench_data", *SMALL, stdout=StringIO())
    assert bench_counts() == first
    again = list(Product.objects.filter(slug__startswith="bench-").order_by("slug").values_list("name_vi", flat=True))
    assert again == names  # same seed, same rows


@pytest.mark.django_db(transaction=True)
def test_bench_rows_are_found_by_accent_free_search(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("generate_bench_data", *SMALL, stdout=StringIO())
    product = Product.objects.filter(slug__startswith="bench-", category__slug="submarines").first()
    assert product.name_vi.startswith("Tàu ngầm")
    assert Product.objects.search("tau ngam").filter(pk=product.pk).exists()
