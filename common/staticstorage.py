"""Static files as whitenoise stores them, compressing only what pages link to."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class HashedCompressedStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Pages reach static files only by their hashed names ({% static %}), so only those get
    gzip and brotli copies; the unhashed originals are kept but served as they are. This halves
    collectstatic's compression, most of its time."""

    def compress_files(self, paths):
        hashed = set(self.hashed_files.values())
        return super().compress_files([path for path in paths if path in hashed])
