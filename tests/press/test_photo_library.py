"""The media library: release photos and exhibit images with captions, credits, full-size links."""

from model_bakery import baker

from press.models import ReleasePhoto
from tests.factories import make_release


def _photo(release, n):
    ReleasePhoto.objects.bulk_create(
        [
            ReleasePhoto(
                release=release,
                order=n,
                image=f"press/photos/p{n}.jpg",
                image_width=2400,
                image_height=1600,
                caption_vi=f"Ảnh lễ khai mạc {n}",
                caption_en=f"Opening photo {n}",
                credit="Ảnh: TTXVN",
            )
        ]
    )


def _exhibit_image(product, n):
    baker.make(
        "exhibitors.ProductImage",
        product=product,
        order=n,
        image=f"catalogue/x{n}.jpg",
        image_width=1200,
        image_height=800,
        alt_text_vi="Hình",
        alt_text_en="Picture",
        caption_vi="Chú thích",
    )


def test_library_lists_release_photos_and_exhibit_images_with_credits_and_downloads(client, catalogue, edition):
    published = make_release(edition, "khai-mac", hours=-2)
    embargoed = make_release(edition, "chua", hours=5)
    _photo(published, 1)
    ReleasePhoto.objects.bulk_create(
        [
            ReleasePhoto(
                release=embargoed,
                order=0,
                image="press/photos/secret.jpg",
                caption_vi="Bí mật",
                caption_en="Secret",
                credit="x",
            )
        ]
    )
    from exhibitors.models import Product

    product = Product.objects.published().get(slug="sh-1")
    _exhibit_image(product, 0)
    html = client.get("/vi/press/photos/").content.decode()
    assert "Ảnh lễ khai mạc 1" in html and "Nguồn: Ảnh: TTXVN" in html
    assert 'href="/media/press/photos/p1.jpg" download>Ảnh gốc (2400×1600 px)' in html
    assert "Bí mật" not in html  # a photo of an embargoed release stays hidden
    assert "Tàu ngầm SH-1" in html and "Nguồn: Do Công ty Cơ khí Sông Hồng cung cấp" in html
    # Filtered by sector: only that sector's exhibit images, no release photos.
    naval = client.get("/vi/press/photos/?sector=naval").content.decode()
    assert "Tàu ngầm SH-1" in naval and "Ảnh lễ khai mạc 1" not in naval
    assert "Tàu ngầm SH-1" not in client.get("/vi/press/photos/?sector=ground-forces").content.decode()
    assert "Opening photo 1" in client.get("/en/press/photos/").content.decode()


def test_library_query_count_is_flat(client, catalogue, edition, django_assert_num_queries):
    from exhibitors.models import Product

    release = make_release(edition, "khai-mac", hours=-2)
    for n in range(3):
        _photo(release, n)
    for n, product in enumerate(Product.objects.published()):
        _exhibit_image(product, n)
    # edition, sectors, release photos, image count, image page
    with django_assert_num_queries(5):
        client.get("/en/press/photos/?sector=naval")
    with django_assert_num_queries(6):  # + the next embargo time
        client.get("/en/press/photos/")
