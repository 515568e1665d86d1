"""The press kit as production builds it: in a background thread, while visitors are told to
come back; then served. (Elsewhere tests build it in the request's thread.)"""

import io
import threading
import zipfile

from tests.press.conftest import body, pdf_text


def test_the_kit_is_built_in_the_background_then_served(client, catalogue, settings, transactional_db):
    # A real commit: the builder thread has its own database connection.
    settings.PRESS_KIT_BACKGROUND = True

    pending = client.get("/en/press/kit.zip")
    assert pending.status_code == 503 and pending["Retry-After"] == "120"
    assert "The press kit is being prepared" in pending.content.decode()
    builders = [thread for thread in threading.enumerate() if thread.name == "press-kit-en"]
    assert len(builders) == 1
    builders[0].join(timeout=600)
    assert not builders[0].is_alive()

    response = client.get("/en/press/kit.zip")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="vide-2024-press-kit-en.zip"'
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    assert "exhibitors/song-hong-en-factsheet.pdf" in archive.namelist()
    text = pdf_text(archive.read("exhibitors/song-hong-en-factsheet.pdf"))
    assert "Stand A-01 · Hall A" in text and "SH-1 submarine" in text
