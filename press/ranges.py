"""Serving large files (video) with HTTP range requests: players seek, and a broken download resumes.

Local storage: answered here, 206 with the asked byte range, read in chunks. Object storage
(django-storages): a redirect to the storage's own URL, which answers ranges itself.
"""

import os
import re

from django.http import FileResponse, HttpResponse, HttpResponseRedirect, StreamingHttpResponse

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 256 * 1024


def _chunks(handle, start, length):
    handle.seek(start)
    try:
        while length > 0:
            data = handle.read(min(CHUNK, length))
            if not data:
                break
            length -= len(data)
            yield data
    finally:
        handle.close()


def ranged_response(request, field_file, *, content_type):
    try:
        path = field_file.path
    except NotImplementedError:
        return HttpResponseRedirect(field_file.url)
    size = os.path.getsize(path)
    header = request.headers.get("Range", "")
    match = _RANGE.match(header.strip())
    if not header or not match or not any(match.groups()):
        response = FileResponse(open(path, "rb"), content_type=content_type)  # noqa: SIM115 -- the response closes it
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first == "":  # the last N bytes
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    length = end - start + 1
    handle = open(path, "rb")  # noqa: SIM115 -- closed by _chunks when the response is done
    response = StreamingHttpResponse(_chunks(handle, start, length), status=206, content_type=content_type)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    return response
