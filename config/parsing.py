"""Environment values as settings: each parser gets the variable's name and its raw value and
either returns the setting or stops start-up (ImproperlyConfigured) naming the variable."""

import datetime
import re
import zoneinfo
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}

# A host as Django's ALLOWED_HOSTS understands it: a name, ".name" for subdomains, "*",
# an IPv4 address or a bracketed IPv6 address. Anything with a scheme, path or port is a mistake.
_HOST_RE = re.compile(r"^(\*|\.?[a-z0-9-]+(\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])$", re.IGNORECASE)


def boolean(name, raw, default=False):
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {raw!r}).")


def hosts(name, raw):
    found = [h.strip() for h in (raw or "").split(",") if h.strip()]
    bad = [h for h in found if not _HOST_RE.match(h)]
    if bad:
        raise ImproperlyConfigured(
            f"{name} holds {', '.join(repr(b) for b in bad)}: give bare host names separated by "
            "commas, without scheme, port or path (e.g. 'expo.example.vn,.example.vn')."
        )
    return found


def site_url(name, raw):
    """The site's public address, scheme://host[:port] without path, or "" when unset."""
    raw = (raw or "").strip().rstrip("/")
    if not raw:
        return ""
    parts = urlsplit(raw)
    try:
        parts.port  # noqa: B018 (raises on a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ImproperlyConfigured(
            f"{name} must be the site's public address: scheme and host, optionally a port, no path "
            f"(e.g. 'https://expo.example.vn'); got {raw!r}."
        )
    if parts.username or parts.password or parts.fragment:
        raise ImproperlyConfigured(f"{name} must not carry a user name, password or fragment; got {raw!r}.")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def database(raw, var_dir):
    """DATABASE_URL (postgres://…, sqlite:///…) as Django's DATABASES["default"]; a SQLite file
    under var/ when unset."""
    raw = (raw or "").strip()
    if raw:
        try:
            config = dj_database_url.parse(raw, conn_max_age=60, conn_health_checks=True)
        except (ValueError, KeyError) as exc:
            raise ImproperlyConfigured(
                f"DATABASE_URL is not a database URL Django can use ({exc}). "
                "Expected e.g. postgres://user:password@host:5432/name or sqlite:////path/to/file.sqlite3."
            ) from exc
        if not config.get("ENGINE") or (config["ENGINE"].endswith("sqlite3") is False and not config.get("NAME")):
            raise ImproperlyConfigured("DATABASE_URL names no database (expected …/database_name at the end).")
    else:
        config = {"ENGINE": "django.db.backends.sqlite3", "NAME": var_dir / "expo.sqlite3"}
    if config["ENGINE"].endswith("sqlite3"):
        # WAL lets readers go on while the demo loader or an import writes.
        config.setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        config["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    return config


def email_settings(url, var_dir, *, webhook_secret=""):
    """EMAIL_URL as the e-mail settings (README "Messages"); unset, mail is written to files
    under var/mail (one .eml file per message) so the demo needs no mail server."""
    url = (url or "").strip()
    if not url:
        return {"EMAIL_BACKEND": "common.mail.EmlFileBackend", "EMAIL_FILE_PATH": var_dir / "mail"}
    parts = urlsplit(url)
    scheme, query = parts.scheme.lower(), parse_qs(parts.query)
    if scheme in {"smtp", "smtps", "submission"}:
        try:
            port = parts.port
        except ValueError as exc:
            raise ImproperlyConfigured(f"EMAIL_URL has a bad port ({exc}).") from exc
        port = port or {"smtp": 25, "smtps": 465, "submission": 587}[scheme]
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": port,
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            # smtps:// is TLS from the first byte; port 587 (or ?tls=1) upgrades with STARTTLS.
            "EMAIL_USE_SSL": scheme == "smtps",
            "EMAIL_USE_TLS": scheme != "smtps" and (port == 587 or query.get("tls", ["0"])[0] in TRUE),
            "EMAIL_TIMEOUT": 30,
        }
    if scheme == "file":
        return {"EMAIL_BACKEND": "common.mail.EmlFileBackend", "EMAIL_FILE_PATH": parts.path}
    if scheme.startswith("anymail+"):
        # anymail+mailgun://API_KEY@  (any provider django-anymail supports; webhooks under /anymail/).
        esp = scheme.removeprefix("anymail+")
        return {
            "EMAIL_BACKEND": f"anymail.backends.{esp}.EmailBackend",
            "ANYMAIL": {f"{esp.upper()}_API_KEY": unquote(parts.username or ""), "WEBHOOK_SECRET": webhook_secret},
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL scheme {scheme!r} is not understood: use smtp://user:password@host:587, smtps://…, "
        "file:///path or anymail+<provider>://API_KEY@ (no console backend: bodies never go to a log)."
    )


def mail_address(name, raw, default):
    """`Name <address>` or a bare address (the display name may be Vietnamese), else `default`."""
    from email.utils import parseaddr

    value = " ".join((raw or "").split())
    if not value:
        return default
    _display, address = parseaddr(value)
    local, _at, domain = address.rpartition("@")
    if not local or "." not in domain and domain != "localhost":
        raise ImproperlyConfigured(
            f"{name} must be an e-mail address, optionally with a name: 'VIDE Protocol <protocol@example.vn>'; "
            f"got {raw!r}."
        )
    return value


def mail_senders(environ, *, fallback_from):
    """Who each team's mail comes from and where replies go (README "Messages"): protocol mail
    (letters to delegations, which ask for a reply) and press mail. Unset, the demo's addresses."""
    senders = {}
    for team, variable, demo_name in (
        ("protocol", "PROTOCOL", "VIDE Protocol"),
        ("press", "PRESS", "VIDE Press Centre"),
    ):
        demo_address = f"{team}@vide.example.vn"
        sender = mail_address(f"EXPO_{variable}_MAIL_FROM", environ.get(f"EXPO_{variable}_MAIL_FROM"), "")
        senders[team] = {
            "from": sender or fallback_from or f"{demo_name} <{demo_address}>",
            "reply_to": mail_address(
                f"EXPO_{variable}_REPLY_TO", environ.get(f"EXPO_{variable}_REPLY_TO"), demo_address
            ),
        }
    return senders


def letter_settings(environ):
    """The signatory of letters to delegations and the letters' number symbol (README "Delegations")."""
    return {
        "signatory": environ.get("EXPO_LETTER_SIGNATORY", "").strip() or "Nguyễn Văn Minh (demo)",
        "title_vi": environ.get("EXPO_LETTER_SIGNATORY_TITLE_VI", "").strip() or "Trưởng Ban Tổ chức",
        "title_en": environ.get("EXPO_LETTER_SIGNATORY_TITLE_EN", "").strip() or "Head of the Organising Committee",
        "symbol": environ.get("EXPO_LETTER_SYMBOL", "").strip() or "GM-BTC",
    }


def demo_now(raw, *, demo_on):
    """EXPO_DEMO_NOW: the moment the demo pretends it is (ISO date or date and time, read in Hanoi
    time unless it names its offset); None when unset. Only the demo may move the clock: set
    without the demo (EXPO_DEMO=1 or DJANGO_DEBUG=1) it stops the process with this message."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if not demo_on:
        raise ImproperlyConfigured(
            "EXPO_DEMO_NOW moves the site's clock and is honoured only in the demo (EXPO_DEMO=1, set by "
            "`make run`) or with DJANGO_DEBUG=1: unset it in production."
        )
    try:
        moment = datetime.datetime.fromisoformat(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"EXPO_DEMO_NOW={raw!r} is not an ISO date or date and time, e.g. 2026-12-20 or 2026-12-20T10:30."
        ) from None
    if len(raw) == 10:
        return moment.date()
    return moment if moment.tzinfo else moment.replace(tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))
