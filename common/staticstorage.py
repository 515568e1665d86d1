"""Static files as whitenoise stores them, compressing only what pages link to."""

import brotli
from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

# Above this size a file is brotli-compressed at quality 9, not 11: only large vendor bundles
# are (the admin's editor and jQuery, the API documentation, the gates' barcode reader). At 11
# they took 12 of collectstatic's 17 CPU seconds, one to five each; at 9 they take 0.5 s in all
# and come out 8–14 % larger. Everything a visitor's page loads is smaller and gets quality 11.
LARGE = 200_000


class _Compressor(Compressor):
    @staticmethod
    def compress_brotli(data):
        return brotli.compress(data, quality=9 if len(data) > LARGE else 11)


class HashedCompressedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Pages reach static files only by their hashed names ({% static %}), so only those get
    gzip and brotli copies; the unhashed originals are kept but served as they are. This halves
    collectstatic's compression, most of its time."""

    def create_compressor(self, **kwargs):
        return _Compressor(**kwargs)

    def compress_files(self, paths):
        hashed = set(self.hashed_files.values())
        return super().compress_files([path for path in paths if path in hashed])
