"""The admin's "View on site" redirect (/admin/r/<content type>/<pk>/), without its leak.

Django's own view redirects any staff member to any object's public URL, so it told a user
who may not even see a model the slug of an embargoed release or an unpublished exhibit. Here
the redirect is given to whoever may change (or view) that kind of object in the admin; anyone
else gets it only for an object the public can see, and a 404 otherwise, the same answer as
for an object that does not exist.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.http import Http404


def _publicly_visible(obj):
    published = getattr(obj, "is_published", None)
    return bool(published) if published is not None else True


def view_on_site(request, content_type_id, object_id):
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist as exc:
        raise Http404 from exc
    model = content_type.model_class()
    if model is None:
        raise Http404
    try:
        obj = model._base_manager.get(pk=object_id)
    except (model.DoesNotExist, ValueError, ValidationError) as exc:
        raise Http404 from exc
    opts = model._meta
    may_see = any(request.user.has_perm(f"{opts.app_label}.{act}_{opts.model_name}") for act in ("change", "view"))
    if not may_see and not _publicly_visible(obj):
        raise Http404
    return shortcut(request, content_type_id, object_id)
