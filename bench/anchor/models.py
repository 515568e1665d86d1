from django.db import models


class Row(models.Model):
    """A plain model: the bare list anchor lists 24 of 3,000 of these."""

    name = models.CharField(max_length=100)
    number = models.IntegerField()
    created = models.DateTimeField()

    class Meta:
        app_label = "anchor"
        indexes = [models.Index(fields=["name", "id"])]

    def __str__(self):
        return self.name
