"""Anonymous pages come from the cache; edits make them fresh; staff never get cached pages."""

from django.conf import settings as django_settings
from django.test import Client


def test_second_anonymous_request_is_served_from_cache(client, edition, page_cache, django_assert_num_queries):
    first = client.get("/en/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/en/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_languages_and_query_strings_are_cached_apart(client, edition, page_cache):
    assert "Peace, Friendship" in client.get("/en/").content.decode()
    assert "Hòa bình, Hữu nghị" in client.get("/vi/").content.decode()
    assert client.get("/en/?a=1")["X-Cache"] == "MISS"
    assert client.get("/en/?a=1")["X-Cache"] == "HIT"


def test_an_edit_makes_the_page_fresh_at_once(client, edition, page_cache, django_capture_on_commit_callbacks):
    client.get("/en/")
    assert client.get("/en/")["X-Cache"] == "HIT"
    edition.theme_en = "Peace and Friendship, edited"
    with django_capture_on_commit_callbacks(execute=True):  # the version bumps when the save commits
        edition.save()
    response = client.get("/en/")
    assert response["X-Cache"] == "MISS"
    assert "Peace and Friendship, edited" in response.content.decode()


def test_staff_with_a_session_never_get_cached_pages(admin_client, edition, page_cache):
    anonymous = Client()
    anonymous.get("/en/")
    assert anonymous.get("/en/")["X-Cache"] == "HIT"
    response = admin_client.get("/en/")
    assert "X-Cache" not in response
    assert django_settings.SESSION_COOKIE_NAME in admin_client.cookies


def test_admin_and_unprefixed_urls_are_not_cached(client, db, page_cache):
    assert "X-Cache" not in client.get("/healthz")
    assert "X-Cache" not in client.get("/admin/login/")


def test_errors_are_not_cached(client, edition, page_cache):
    client.get("/en/nothing/")
    assert "X-Cache" not in client.get("/en/nothing/")


def test_page_cache_can_be_switched_off(client, edition, settings, django_assert_max_num_queries):
    settings.EXPO_PAGE_CACHE_SECONDS = 0
    client.get("/en/")
    response = client.get("/en/")
    assert "X-Cache" not in response
    edition.theme_en = "Changed"
    type(edition).objects.filter(pk=edition.pk).update(theme_en="Changed without save()")
    assert "Changed without save()" in client.get("/en/").content.decode()


def test_pages_with_a_csrf_token_are_not_cached(client, db, page_cache, settings):
    # A public form page (such as the press accreditation form) renders a CSRF token.
    from django.middleware.csrf import get_token
    from django.test import RequestFactory

    from common.page_cache import AnonymousPageCacheMiddleware

    def view_with_form(request):
        from django.http import HttpResponse

        return HttpResponse(f'<form><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')

    middleware = AnonymousPageCacheMiddleware(view_with_form)
    request = RequestFactory().get("/en/press/accreditation/")
    response = middleware(request)
    assert "X-Cache" not in response
    assert "X-Cache" not in middleware(RequestFactory().get("/en/press/accreditation/"))


def _middleware_around(view):
    from django.test import RequestFactory

    from common.page_cache import AnonymousPageCacheMiddleware

    middleware = AnonymousPageCacheMiddleware(view)
    return lambda: middleware(RequestFactory().get("/en/press/"))


def test_views_can_shorten_or_refuse_caching(db, page_cache):
    from django.http import HttpResponse
    from django.utils.cache import patch_cache_control

    def private_page(request):
        response = HttpResponse("one applicant's status")
        patch_cache_control(response, private=True, no_store=True)
        return response

    get = _middleware_around(private_page)
    assert "X-Cache" not in get()
    assert "X-Cache" not in get()

    def until_embargo(request):
        response = HttpResponse("releases")
        patch_cache_control(response, max_age=0)
        return response

    get = _middleware_around(until_embargo)
    assert "X-Cache" not in get() and "X-Cache" not in get()
