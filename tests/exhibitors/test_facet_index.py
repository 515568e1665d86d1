"""The in-process facet index gives exactly the SQL reference's facet counts, order and matches,
over generated bench data, for many filter combinations, in both languages."""

import itertools
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.paginator import Paginator
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from exhibitors.catalogue import PER_PAGE, ExhibitorCatalogue, Filters, ProductCatalogue
from exhibitors.catalogue.order import kept_order
from exhibitors.models import Category, Exhibitor, Product, Sector
from expo.models import Edition
from sitesearch.selectors import EXHIBITOR_COLUMNS, PER_SECTION, PRODUCT_COLUMNS
from tests.exhibitors import reference

SMALL = ["--exhibitors", "40", "--exhibits", "240", "--images", "0", "--delegations", "0", "--members", "0",
         "--programme", "0"]  # fmt: skip


@pytest.fixture(scope="module")
def generated_edition(django_db_setup, django_db_blocker, tmp_path_factory):
    """The bench data, generated once for this module in a transaction rolled back at its end:
    each test runs in a savepoint of it, so its edits are undone before the next."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("bench-media")),
        transaction.atomic(),
    ):
        call_command("generate_bench_data", *SMALL, stdout=StringIO())
        # Some unpublished exhibits and a maker without any, so the edges are covered too.
        Product.objects.filter(pk__in=Product.objects.order_by("pk").values("pk")[:30]).update(is_published=False)
        Exhibitor.objects.create(slug="bare", name="Đơn vị không có sản phẩm", country="LA")
        yield Edition.objects.current().pk
        transaction.set_rollback(True)


@pytest.fixture
def generated(generated_edition, db):
    return Edition.objects.get(pk=generated_edition)


def combinations():
    sector = Sector.objects.order_by("order").first().slug
    category = Category.objects.order_by("order").last().slug
    other_sector_category = Category.objects.exclude(sector__slug=sector).first().slug
    words = " ".join(Product.objects.order_by("pk").first().search_text.split()[:1])
    maker = Exhibitor.objects.order_by("pk").first().name
    return [
        {},
        {"sector": sector},
        {"category": category},
        {"sector": sector, "category": other_sector_category},  # a category outside the sector
        {"country": "VN"},
        {"country": "LA"},
        {"country": "ZZ"},
        {"hall": "hall-a"},
        {"hall": "no-such-hall"},
        {"sector": sector, "country": "VN", "hall": "hall-a"},
        {"q": "tau ngam"},
        {"q": words},
        {"q": words, "country": "VN", "sort": "country"},
        {"q": "zzz"},
        # As visitors type: accents and capitals, decomposed (NFD), a word start, one letter,
        # the words in another order, a maker's name, punctuation only.
        {"q": "Tàu NG"},
        {"q": unicodedata.normalize("NFD", "tàu ngầm")},
        {"q": "t"},
        {"q": "ngam tau"},
        {"q": maker},
        {"q": "!!! ?"},
    ]


def test_index_counts_equal_the_sql_reference(generated, django_assert_max_num_queries):
    for language, params in itertools.product(("vi", "en"), combinations()):
        with translation.override(language):
            for catalogue_class, expected in (
                (ExhibitorCatalogue, reference.exhibitor_facet_rows),
                (ProductCatalogue, reference.product_facet_rows),
            ):
                catalogue = catalogue_class(Filters(**params), edition=generated)
                assert catalogue.facet_table() == expected(catalogue), (catalogue_class.__name__, language, params)
                facets, unknown, count = catalogue._compute()
                expected_count = 0 if unknown else reference.filtered(catalogue).count()
                assert count == expected_count, (catalogue_class.__name__, params)
                # The API's check() agrees on unknown values and the count.
                checked = catalogue_class(Filters(**params), edition=generated)
                checked.check()
                assert (sorted(checked.unknown), checked.count()) == (sorted(unknown), count)


def test_index_follows_an_edit_at_once(generated, django_capture_on_commit_callbacks):
    params = Filters(country="VN")
    before = ProductCatalogue(params, edition=generated)
    before_count = before.count()
    product = Product.objects.published().filter(exhibitor__country="VN").first()
    product.is_published = False
    with django_capture_on_commit_callbacks(execute=True):
        product.save()  # bumps the content version on commit: the next request rebuilds the index
    after = ProductCatalogue(params, edition=generated)
    assert after.count() == before_count - 1
    assert after.facet_table() == reference.product_facet_rows(after)


def test_index_is_built_once_per_content_version(generated, django_assert_num_queries, settings):
    settings.EXPO_FRAGMENT_CACHE_SECONDS = 0  # every request computes its facets
    ProductCatalogue(Filters(), edition=generated).facets()  # builds the index
    with django_assert_num_queries(0):
        ProductCatalogue(Filters(sector="naval", country="VN"), edition=generated).facets()
        ExhibitorCatalogue(Filters(hall="hall-a"), edition=generated).facets()
    with django_assert_num_queries(1):  # the first search reads the exhibits' search columns
        ProductCatalogue(Filters(q="tau ngam", country="VN"), edition=generated).facets()
    with django_assert_num_queries(0):  # and later ones, any words, are answered in process
        ProductCatalogue(Filters(q="radar tau"), edition=generated).facets()
        ProductCatalogue(Filters(q="ngam", sector="naval"), edition=generated).facets()


def page_rows(page):
    """What a list card and the API read of each row of a page, in order."""
    return [
        (row.pk, getattr(row, "stand_code", None), getattr(row, "stand_venue", None), getattr(row, "sort_name", None))
        for row in page.object_list
    ]


@pytest.mark.parametrize("fragment_seconds", [0, 600])
def test_index_results_equal_the_sql_order(generated, settings, fragment_seconds):
    # With the shared fragments on, the second catalogue of a state takes its facets from the
    # cache, so a search's matches are not known yet when its rows are read.
    settings.EXPO_FRAGMENT_CACHE_SECONDS = fragment_seconds
    # Equal names (the primary key breaks the tie) and exhibits without an English name.
    twin = Product.objects.published().order_by("pk").last()
    twin.pk, twin.slug = None, "twin"
    twin.save()
    Product.objects.filter(pk__in=Product.objects.order_by("-pk").values("pk")[:20]).update(name_en="")
    # Both words of "tau ngam", apart: first by name, but after the phrase matches in a search.
    apart = Product.objects.published().order_by("pk").first()
    apart.pk, apart.slug, apart.name_vi, apart.name_en = None, "apart", "A ngầm, tàu", "A apart"
    apart.save()
    assert reference.results(ProductCatalogue(Filters(q="tau ngam"), edition=generated))[0].slug != "apart"
    # Before an order is kept, small results are ordered by the database over their rows; once it
    # is, every page is read from it.
    # The shared fragments change nothing but a search's way to its matches: with them on, the
    # searches alone are walked again.
    walked = [params for params in combinations() if fragment_seconds == 0 or "q" in params]
    for kept, language, params, sort in itertools.product((False, True), ("vi", "en"), walked, ("name", "country")):
        with translation.override(language):
            for catalogue_class in (ExhibitorCatalogue, ProductCatalogue):
                filters = Filters(**{**params, "sort": sort})
                state = (kept, catalogue_class.__name__, language, filters)
                expected = reference.results(catalogue_class(filters, edition=generated))
                catalogue = catalogue_class(filters, edition=generated)
                side = catalogue.side(catalogue.index())
                assert (kept_order(catalogue, side, build=kept) is not None) == kept
                assert [row.pk for row in catalogue.results()[0 : len(expected)]] == [row.pk for row in expected]
                paginator = catalogue.paginator()
                assert paginator.count == len(expected), state
                pages = Paginator(expected, PER_PAGE)
                for number in {1, 2, paginator.num_pages, paginator.num_pages + 1, "x"}:
                    got, want = paginator.get_page(number), pages.get_page(number)
                    assert page_rows(got) == page_rows(want), (state, number)
                    assert (got.number, got.has_next()) == (want.number, want.has_next())


def test_index_results_read_one_page(generated, django_assert_num_queries):
    ProductCatalogue(Filters(), edition=generated).facets()  # builds the index
    with translation.override("en"):
        catalogue = ProductCatalogue(Filters(country="VN", sort="country"), edition=generated)
        catalogue.facets()
        with django_assert_num_queries(2):  # a small result: the database orders its rows; their images
            assert len(catalogue.paginator().get_page(1).object_list) == PER_PAGE
        # Every exhibit in this order, kept until the next edit: made from the name order (one
        # query over every exhibit, kept too) and the countries' order (one row per country).
        with django_assert_num_queries(2):
            kept_order(catalogue, catalogue.side(catalogue.index()))
        by_name = ProductCatalogue(Filters(sort="name"), edition=generated)
        with django_assert_num_queries(0):
            kept_order(by_name, by_name.side(by_name.index()))
        catalogue = ProductCatalogue(Filters(sector="naval", sort="country"), edition=generated)
        catalogue.facets()
        with django_assert_num_queries(2):  # the page's rows by primary key; their images
            assert len(catalogue.paginator().get_page(1).object_list) == PER_PAGE


def test_site_search_sections_equal_the_sql_search(generated):
    """The site search's exhibitor and exhibit sections (first five and total) from the index."""
    queries = [params["q"] for params in combinations() if "q" in params] + ["viet", "a b", "radar 1"]
    for kept, language, query in itertools.product((False, True), ("vi", "en"), queries):
        with translation.override(language):
            for catalogue_class, columns in (
                (ExhibitorCatalogue, EXHIBITOR_COLUMNS),
                (ProductCatalogue, PRODUCT_COLUMNS),
            ):
                catalogue = catalogue_class(Filters(q=query), edition=generated)
                kept_order(catalogue, catalogue.side(catalogue.index()), build=kept)
                rows, total = catalogue.first(PER_SECTION, columns)
                expected = reference.results(catalogue_class(Filters(q=query), edition=generated))
                assert [row.pk for row in rows] == [row.pk for row in expected[:PER_SECTION]], (kept, language, query)
                assert total == expected.count(), (language, query)
