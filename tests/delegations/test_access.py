"""Nothing of the delegations back office opens without the protocol team's permissions."""

import pytest
from django.urls import reverse

from tests.factories import make_delegation, make_member


def every_url(edition):
    delegation = make_delegation(edition)
    member = make_member(delegation)
    urls = [
        reverse("admin:app_list", args=["delegations"]),
        reverse("admin:delegations_delegation_dashboard"),
        reverse("admin:delegations_delegation_clashes"),
        reverse("admin:delegations_delegation_import"),
        reverse("admin:delegations_delegation_import_template"),
        reverse("admin:delegations_delegation_print_list") + "?lang=vi",
        reverse("admin:delegations_delegation_print_movements"),
        reverse("admin:delegations_delegation_itinerary", args=[delegation.pk]),
        reverse("admin:delegations_delegation_badges", args=[delegation.pk]),
        reverse("admin:delegations_member_change", args=[member.pk]),
        reverse("admin:delegations_member_history", args=[member.pk]),
        reverse("admin:delegations_delegation_change", args=[delegation.pk]),
        reverse("admin:delegations_delegation_delete", args=[delegation.pk]),
        reverse("admin:delegations_delegation_history", args=[delegation.pk]),
        reverse("admin:autocomplete") + "?app_label=delegations&model_name=delegation&field_name=head&term=Ng",
        reverse("admin:autocomplete") + "?app_label=delegations&model_name=member&field_name=delegation&term=B",
    ]
    for model in ("delegation", "member", "movement", "engagement", "liaisonofficer", "interpreter", "statuschange"):
        for action in ("changelist", "add"):
            try:
                urls.append(reverse(f"admin:delegations_{model}_{action}"))
            except Exception:  # noqa: S112 (models without their own admin page have no URL to try)
                continue
    return urls


def test_anonymous_visitor_is_sent_to_login_from_every_url(client, edition):
    for url in every_url(edition):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"], url
        assert client.post(url, {"confirm": "1"}).status_code == 302, url


def test_content_editor_gets_nothing(editor_client, edition):
    for url in every_url(edition):
        response = editor_client.get(url)
        assert response.status_code in (403, 404), (url, response.status_code)
        assert b"Nguy" not in response.content
    admin_index = editor_client.get(reverse("admin:index")).content.decode()
    assert "delegations/delegation" not in admin_index


def test_content_editor_cannot_run_actions(editor_client, edition):
    delegation = make_delegation(edition)
    response = editor_client.post(
        reverse("admin:delegations_delegation_changelist"),
        {"action": "invite", "_selected_action": [delegation.pk]},
    )
    assert response.status_code == 403
    delegation.refresh_from_db()
    assert delegation.status == "draft"


@pytest.mark.parametrize("path", ["/vi/delegations/", "/en/delegations/", "/api/delegations"])
def test_nothing_is_public(client, edition, path):
    make_member(make_delegation(edition), "Nguyễn", "Văn Bí Mật")
    response = client.get(path)
    assert response.status_code == 404
    assert "Bí Mật" not in response.content.decode()


def test_sitemap_has_no_delegation(client, edition):
    make_member(make_delegation(edition, organisation="Bộ Tư lệnh Bí Mật"), "Nguyễn", "Văn Bí Mật")
    assert "Bí Mật" not in client.get("/sitemap.xml").content.decode()


def test_only_protocol_holds_delegations_permissions(db):
    from django.contrib.auth.models import Group

    protocol = set(
        Group.objects.get(name="Protocol")
        .permissions.filter(content_type__app_label="delegations")
        .values_list("codename", flat=True)
    )
    assert {"view_sensitive", "change_delegation", "add_member", "delete_engagement", "view_liaisonofficer"} <= protocol
    for name in ("Content editors", "Press office"):
        assert not Group.objects.get(name=name).permissions.filter(content_type__app_label="delegations").exists()
