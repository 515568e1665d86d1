"""Uploaded media served by the app itself (development, and a single server without S3).

Only the kinds of file the site stores are served, each with its own Content-Type chosen from
the stored name's extension (which the upload checks set from the file's content: images are
re-encoded, PDFs parsed), `X-Content-Type-Options: nosniff` (SecurityMiddleware) and a
`sandbox` policy, so no browser ever runs a stored file as a page. docs/nginx.conf does the
same where nginx serves /media/ itself.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
}


def media(request, path):
    content_type = MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())
    if content_type is None:
        raise Http404(path)
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = content_type
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
