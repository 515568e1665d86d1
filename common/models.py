"""The one table of `common`: counters of the rate limits (common/ratelimit.py)."""

from django.db import models


class RateCounter(models.Model):
    """Accepted attempts under one rate limit, for one hashed key, in one window.

    Only a keyed hash of the address is stored, never the address itself; rows are deleted
    once their window is over.
    """

    key = models.CharField(max_length=100)
    bucket = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "bucket"], name="ratecounter_one_row_per_window")]

    def __str__(self):
        return f"{self.key} · {self.count}"
