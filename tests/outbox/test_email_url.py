"""EMAIL_URL: how the deployment names its mail relay or provider."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import email_settings

VAR = Path("/srv/expo/var")


def test_unset_writes_mail_to_files_for_the_demo():
    assert email_settings("", VAR) == {
        "EMAIL_BACKEND": "common.mail.EmlFileBackend",
        "EMAIL_FILE_PATH": VAR / "mail",
    }


def test_submission_port_uses_starttls_and_decodes_the_password():
    config = email_settings("smtp://press%40vide.vn:p%C3%A1ss%2Fword@relay.example.vn:587", VAR)
    assert config["EMAIL_HOST"] == "relay.example.vn" and config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "press@vide.vn" and config["EMAIL_HOST_PASSWORD"] == "páss/word"
    assert config["EMAIL_USE_TLS"] is True and config["EMAIL_USE_SSL"] is False


def test_smtps_is_tls_from_the_start():
    config = email_settings("smtps://u:p@relay.example.vn", VAR)
    assert (config["EMAIL_PORT"], config["EMAIL_USE_SSL"], config["EMAIL_USE_TLS"]) == (465, True, False)


def test_provider_through_anymail():
    config = email_settings("anymail+mailgun://key-123@", VAR)
    assert config["EMAIL_BACKEND"] == "anymail.backends.mailgun.EmailBackend"
    assert config["ANYMAIL"]["MAILGUN_API_KEY"] == "key-123"


@pytest.mark.parametrize("url", ["console://", "http://relay.example.vn", "smtp://relay:notaport"])
def test_anything_else_stops_start_up_with_a_message(url):
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        email_settings(url, VAR)
