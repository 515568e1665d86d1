"""What the browser tests share: a page checker that collects CSP violations and console errors,
runs axe and takes screenshots at two widths."""

import os


class PageChecker:
    """Collects CSP violations and console errors; runs axe; takes screenshots."""

    def __init__(self, page, output_path):
        self.page = page
        self.output_path = output_path
        self.csp_violations = []
        self.console_errors = []
        self.failed_requests = []
        page.on("console", self._on_console)
        page.on("response", self._on_response)

    def _on_response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed_requests.append(f"{response.status} {response.url}")

    def _on_console(self, message):
        text = message.text
        if "Content Security Policy" in text or "Content-Security-Policy" in text:
            self.csp_violations.append(text)
        elif message.type == "error":
            self.console_errors.append(text)

    def check(self, name):
        """Accessibility and CSP check of the current page, plus screenshots at two widths."""
        from axe_playwright_python.sync_playwright import Axe  # only where a browser runs

        # A check right after a click may catch the page between two documents; axe then finds no
        # document at all. The caller waits for what the new page shows; this waits for it to load.
        self.page.wait_for_load_state("load")
        results = Axe().run(self.page)
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], f"axe on {self.page.url}: {serious}"
        assert self.csp_violations == [], f"CSP violations on {self.page.url}: {self.csp_violations}"
        assert self.failed_requests == [], f"failed sub-requests on {self.page.url}: {self.failed_requests}"
        os.makedirs(self.output_path, exist_ok=True)
        original = self.page.viewport_size
        for width in (390, 1280):
            self.page.set_viewport_size({"width": width, "height": 900})
            self.page.screenshot(path=os.path.join(self.output_path, f"{name}-{width}.png"), full_page=True)
        self.page.set_viewport_size(original)


def admin_sign_in(page, base_url, username, password, next_url=""):
    """Sign in to the admin in the browser as a person does: the password, then, when the admin
    asks, the code of the account's TOTP device (read from the database the live server shares,
    computed as the app computes it); an account without one enrolls first."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.accounts import unused_totp_code

    page.goto(f"{base_url}/admin/login/" + (f"?next={next_url}" if next_url else ""))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("input[type=submit]").click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)
    if "/admin/second-factor/" not in page.url:
        return
    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user).order_by("-confirmed", "pk").first()
    page.fill("#id_code", unused_totp_code(device))
    page.locator("#login-form input[type=submit]").click()
    page.wait_for_url(lambda url: "/admin/second-factor/" not in url)
