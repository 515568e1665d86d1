"""The release editor's import map under the strict CSP.

django-prose-editor loads ES modules through an inline `<script type="importmap">`. Rather
than allowing inline scripts, admin pages that carry exactly the import map the editor's own
media renders get that map's SHA-256 added to `script-src`; any other inline script is still
refused. The map names our static files only (no CDN).
"""

import base64
import hashlib
import re

from django_prose_editor.widgets import prose_editor_media

_IMPORTMAP = re.compile(r'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


def editor_importmap_hash():
    # Computed per response: the static URLs are hashed names once collectstatic has run.
    match = _IMPORTMAP.search(str(prose_editor_media(preset="configurable")))
    if match is None:
        return None
    digest = hashlib.sha256(match.group(1).encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class EditorImportMapMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/") or response.get("Content-Type", "").split(";")[0] != "text/html":
            return response
        if getattr(response, "streaming", False) or b'type="importmap"' not in response.content:
            return response
        allowed = editor_importmap_hash()
        if allowed:
            update = getattr(response, "_csp_update", None) or {}
            update["script-src"] = [*update.get("script-src", []), allowed]
            response._csp_update = update
        return response
