"""Every time in the delegations admin is the event's local time, with its zone named."""

from django.urls import reverse

from tests.factories import local, make_delegation, make_movement


def test_times_in_the_admin_are_local_and_labelled(protocol_client, edition):
    delegation = make_delegation(edition, country="FR", organisation="Ministère des Armées")
    movement = make_movement(delegation, "arrival", local(edition, 0, 10), flight="AF100")
    assert str(movement) == "Arrival 19/12/2024 10:00 (UTC+7) AF100"
    html = protocol_client.get(
        reverse("admin:delegations_delegation_change", args=[delegation.pk]), headers={"accept-language": "vi"}
    ).content.decode()
    assert "19/12/2024 10:00 (UTC+7)" in html and "03:00" not in html
    assert 'value="19/12/2024"' in html  # the date field itself, day-first
