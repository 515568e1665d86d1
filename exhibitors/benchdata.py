"""Design-scale catalogue for `make bench`: exhibitors with stands, exhibits with specifications."""

from io import BytesIO

from django.core.files.base import ContentFile

from common import bench_registry
from common.text import nfc
from exhibitors.demo import _drawing
from exhibitors.models import Category, Exhibitor, Product, ProductImage, ProductSpecification, Sector, Stand
from expo.models import Venue

COMPANY_VI = ["Công ty", "Tổng công ty", "Viện", "Nhà máy"]
COMPANY_EN = ["Ltd", "JSC", "Corporation", "Industries", "Group"]
SPEC_LABELS = [("Tầm bắn", "Range", "km"), ("Kíp lái", "Crew", ""), ("Tốc độ tối đa", "Top speed", "km/h"),
               ("Khối lượng", "Weight", "t")]  # fmt: skip
BATCH = 1000


def _exhibitor_name(rng, n, country):
    if country == "VN":
        return nfc(f"{rng.choice(COMPANY_VI)} {bench_registry.vi_name(rng, 3)} {n}")
    return f"{bench_registry.en_name(rng)} {rng.choice(COMPANY_EN)} {n}"


@bench_registry.register(order=10, label="Catalogue: exhibitors, stands, exhibits, specifications, images")
def generate_catalogue(*, edition, counts, rng, progress):
    Product.objects.filter(slug__startswith=bench_registry.PREFIX).delete()
    Exhibitor.objects.filter(slug__startswith=bench_registry.PREFIX).delete()
    sectors = list(Sector.objects.all())
    categories = list(Category.objects.select_related("sector"))
    halls = list(Venue.objects.filter(edition=edition, kind__in=[Venue.Kind.HALL, Venue.Kind.STATIC_DISPLAY]))

    exhibitors = []
    for n in range(counts["exhibitors"]):
        country = bench_registry.COUNTRIES[n % len(bench_registry.COUNTRIES)]
        exhibitor = Exhibitor(
            slug=f"{bench_registry.PREFIX}exhibitor-{n}",
            name=_exhibitor_name(rng, n, country),
            country=country,
            description_vi=nfc(f"Đơn vị giả định phục vụ đo hiệu năng, chuyên về {bench_registry.vi_name(rng, 4)}."),
            description_en=f"Invented exhibitor for benchmarks, working on {bench_registry.en_name(rng, 3)}.",
        )
        exhibitor.refresh_search_text()
        exhibitors.append(exhibitor)
    Exhibitor.objects.bulk_create(exhibitors, batch_size=BATCH)
    exhibitors = list(Exhibitor.objects.filter(slug__startswith=bench_registry.PREFIX).order_by("pk"))
    Stand.objects.bulk_create(
        [
            Stand(
                exhibitor=e,
                edition=edition,
                venue=halls[n % len(halls)],
                code=f"{halls[n % len(halls)].code}-{n + 1:04d}",
            )
            for n, e in enumerate(exhibitors)
        ],
        batch_size=BATCH,
    )
    Through = Exhibitor.sectors.through
    Through.objects.bulk_create(
        [Through(exhibitor=e, sector=s) for e in exhibitors for s in rng.sample(sectors, rng.randint(1, 2))],
        batch_size=BATCH,
    )

    products = []
    for n in progress.iterate(range(counts["exhibits"]), total=counts["exhibits"], label="exhibits"):
        category = categories[n % len(categories)]
        product = Product(
            exhibitor=exhibitors[rng.randrange(len(exhibitors))] if exhibitors else None,
            slug=f"{bench_registry.PREFIX}exhibit-{n}",
            category=category,
            name_vi=nfc(f"{category.name_vi} {bench_registry.vi_name(rng)} {n}"),
            name_en=f"{category.name_en} {bench_registry.en_name(rng)} {n}",
            summary_vi=nfc(f"{category.name_vi} thế hệ mới, thiết kế {bench_registry.vi_name(rng, 3)}."),
            summary_en=f"A new-generation {category.name_en.lower()}, designed by {bench_registry.en_name(rng)}.",
            display_mode=rng.choice(Product.DisplayMode.values),
            is_published=rng.random() < 0.9,
        )
        product.refresh_search_text()
        products.append(product)
    Product.objects.bulk_create(products, batch_size=BATCH)
    products = list(
        Product.objects.filter(slug__startswith=bench_registry.PREFIX).select_related("category").order_by("pk")
    )
    ProductSpecification.objects.bulk_create(
        [
            ProductSpecification(
                product=p, order=i, label_vi=label_vi, label_en=label_en, value=f"{rng.randint(2, 400)} {unit}".strip()
            )
            for p in products
            for i, (label_vi, label_en, unit) in enumerate(SPEC_LABELS)
        ],
        batch_size=BATCH,
    )
    with_images = rng.sample(products, min(counts["images"], len(products)))
    for product in progress.iterate(with_images, total=len(with_images), label="images"):
        buffer = BytesIO()
        palette = ((31, 77, 58), (200, 210, 200))
        _drawing((960, 640), palette, (product.name_vi[:40], product.name_en[:40]), product.category.sector.slug).save(
            buffer, "JPEG"
        )
        image = ProductImage(product=product, alt_text_vi=product.name_vi, alt_text_en=product.name_en)
        # An uncommitted file, as an upload is: save() then stores it with its size and thumbnails
        # (FieldFile.save() would commit it first, and save() would leave it unprocessed).
        image.image = ContentFile(buffer.getvalue(), name=f"{product.slug}.jpg")
        image.save()
    return (
        f"{len(exhibitors)} exhibitors from {len(set(bench_registry.COUNTRIES[: len(exhibitors)]))} countries, "
        f"{len(products)} exhibits, {len(products) * len(SPEC_LABELS)} specifications, {len(with_images)} images"
    )
