"""The exhibit page: maker, stand and fact sheet come right after the image; images link to full size."""

from exhibitors.models import ProductImage


def test_facts_and_fact_sheet_come_before_the_description_and_images_link_full_size(client, catalogue):
    ProductImage.objects.bulk_create(
        [
            ProductImage(
                product=_sh1(),
                order=0,
                image="catalogue/sh-1.jpg",
                image_width=2400,
                image_height=1600,
                alt_text_en="Submarine",
            )
        ]
    )
    html = client.get("/en/exhibits/sh-1/").content.decode()
    assert '<a href="/media/catalogue/sh-1.jpg" class="gallery__full"' in html
    image, aside, sheet = (
        html.index('class="gallery'),
        html.index('class="exhibit__aside"'),
        html.index("Fact sheet (PDF)"),
    )
    assert image < aside < sheet < html.index('class="exhibit__columns"')


def _sh1():
    from exhibitors.models import Product

    return Product.objects.get(slug="sh-1")
