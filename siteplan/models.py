"""The edition's site plan in metres: x grows to the east, y to the south, origin at the
plan's north-west corner (the way SVG and CAD drawings of the airfield are read)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.cache import public_content
from common.numbers import format_number
from common.text import NormalizedTextModel
from exhibitors.models import Product, Stand
from expo.models import Edition, Venue
from siteplan import geometry


def validate_points(value):
    try:
        points = [(float(x), float(y)) for x, y in value]
    except (TypeError, ValueError) as exc:
        raise ValidationError(_("Give a list of at least three [x, y] points in metres.")) from exc
    if len(points) < 3:
        raise ValidationError(_("Give a list of at least three [x, y] points in metres."))
    if len(points) > geometry.MAX_CORNERS:
        raise ValidationError(
            _("An outline has at most %(count)s corners."), params={"count": geometry.MAX_CORNERS}, code="corners"
        )
    if not geometry.within(points, geometry.LARGEST_BOX):  # NaN and infinities too
        raise ValidationError(_OUT_OF_RANGE, params={"limit": metres(geometry.MAX_EXTENT)}, code="range")


_OUT_OF_RANGE = _("Every coordinate lies between -%(limit)s and %(limit)s metres.")


def validate_coordinate(value):
    try:
        geometry.coordinate(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(_OUT_OF_RANGE, params={"limit": metres(geometry.MAX_EXTENT)}, code="range") from exc


def validate_size(value):
    try:
        size = geometry.coordinate(value)
    except (TypeError, ValueError):
        size = -1
    if size < 0:
        raise ValidationError(
            _("A size lies between 0 and %(limit)s metres."), params={"limit": metres(geometry.MAX_EXTENT)}
        )


def metres(value):
    """A whole number of metres as the reader's language writes it (20.000 in Vietnamese)."""
    return format_number(round(value), 0)


def in_range(*fields, low=-geometry.MAX_EXTENT):
    """The database's own guard for the same bounds (a NaN fails it too: PostgreSQL sorts NaN above
    every number, SQLite stores it as NULL)."""
    condition = Q()
    for name in fields:
        condition &= Q(**{f"{name}__gte": low, f"{name}__lte": geometry.MAX_EXTENT})
    return condition


def plan_box(edition_id):
    """Where the edition's features may lie: its plan's box, or the largest box before it has one."""
    plan = SitePlan.objects.filter(edition_id=edition_id).values_list("width", "depth").first()
    return geometry.plan_box(*plan) if plan else geometry.LARGEST_BOX


def validate_on_plan(points, edition_id):
    """For clean(): runs after the fields' own validators, which have reported a value that is no
    point at all, so such a value is skipped here."""
    try:
        points = geometry.as_points(points)
    except (TypeError, ValueError):
        return
    if edition_id and not geometry.within(points, plan_box(edition_id)):
        raise ValidationError(_("This lies outside the edition's site plan."), code="off-plan")


@public_content
class SitePlan(models.Model):
    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="site_plan", verbose_name=_("edition")
    )
    width = models.FloatField(_("width (m)"), validators=[validate_size], help_text=_("West to east, in metres."))
    depth = models.FloatField(_("depth (m)"), validators=[validate_size], help_text=_("North to south, in metres."))

    class Meta:
        verbose_name = _("site plan")
        verbose_name_plural = _("site plans")
        constraints = [
            models.CheckConstraint(condition=Q(width__gt=0, depth__gt=0), name="site_plan_has_a_size"),
            models.CheckConstraint(condition=in_range("width", "depth"), name="site_plan_within_bounds"),
        ]

    def __str__(self):
        return str(self.edition)


@public_content
class VenueOutline(models.Model):
    """The outline of a hall, outdoor area, display line… as a polygon in site metres."""

    venue = models.OneToOneField(Venue, on_delete=models.CASCADE, related_name="outline", verbose_name=_("venue"))
    points = models.JSONField(_("outline"), validators=[validate_points], help_text=_("[[x, y], …] in metres."))

    class Meta:
        verbose_name = _("venue outline")
        verbose_name_plural = _("venue outlines")

    def __str__(self):
        return str(self.venue)

    def clean(self):
        if self.venue_id:
            validate_on_plan(self.points, self.venue.edition_id)


@public_content
class PointOfInterest(NormalizedTextModel):
    class Kind(models.TextChoices):
        ENTRANCE = "entrance", _("Entrance")
        EXIT = "exit", _("Emergency exit")
        PARKING = "parking", _("Parking")
        SHUTTLE = "shuttle", _("Shuttle stop")
        FIRST_AID = "first-aid", _("First aid")
        FOOD = "food", _("Food and drink")
        TOILETS = "toilets", _("Toilets")
        VIP = "vip", _("VIP lounge")
        MEDIA = "media", _("Media position")
        INFORMATION = "info", _("Information")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="points_of_interest", verbose_name=_("edition")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    x = models.FloatField(_("x (m)"), validators=[validate_coordinate])
    y = models.FloatField(_("y (m)"), validators=[validate_coordinate])

    class Meta:
        verbose_name = _("point of interest")
        verbose_name_plural = _("points of interest")
        ordering = ["edition", "kind", "name"]
        constraints = [models.CheckConstraint(condition=in_range("x", "y"), name="point_of_interest_within_bounds")]

    def __str__(self):
        return self.name

    def clean(self):
        validate_on_plan([(self.x, self.y)], self.edition_id)


@public_content
class StandPlacement(models.Model):
    """A stand's footprint: a rectangle (centre, width, depth, rotation) or a polygon."""

    stand = models.OneToOneField(Stand, on_delete=models.CASCADE, related_name="placement", verbose_name=_("stand"))
    x = models.FloatField(_("centre x (m)"), validators=[validate_coordinate])
    y = models.FloatField(_("centre y (m)"), validators=[validate_coordinate])
    width = models.FloatField(_("width (m)"), default=0, validators=[validate_size])
    depth = models.FloatField(_("depth (m)"), default=0, validators=[validate_size])
    rotation = models.FloatField(_("rotation (°)"), default=0, help_text=_("Clockwise, in degrees."))
    polygon = models.JSONField(
        _("polygon"),
        null=True,
        blank=True,
        validators=[validate_points],
        help_text=_("[[x, y], …] in metres, for a stand that is not a rectangle; replaces width and depth."),
    )

    class Meta:
        verbose_name = _("stand position")
        verbose_name_plural = _("stand positions")
        constraints = [
            models.CheckConstraint(
                condition=Q(polygon__isnull=False) | Q(width__gt=0, depth__gt=0), name="stand_placement_has_a_size"
            ),
            models.CheckConstraint(
                condition=Q(rotation__gte=-360, rotation__lte=360), name="stand_placement_rotation_in_range"
            ),
            models.CheckConstraint(
                condition=in_range("x", "y") & in_range("width", "depth", low=0), name="stand_placement_within_bounds"
            ),
        ]

    def __str__(self):
        return str(self.stand)

    @property
    def outline(self):
        return geometry.footprint(self)

    def clean(self):
        if not self.polygon and (self.width <= 0 or self.depth <= 0):
            raise ValidationError(_("Give the width and depth, or a polygon."))
        try:
            footprint = self.outline
        except (TypeError, ValueError):
            return  # the fields' validators name what is wrong
        outline = getattr(getattr(self.stand.venue, "outline", None), "points", None) if self.stand_id else None
        if outline and not geometry.inside(footprint, outline):
            raise ValidationError(_("The stand must lie inside its hall or area's outline."))
        if self.stand_id:
            validate_on_plan(footprint, self.stand.edition_id)


@public_content
class ExhibitPin(models.Model):
    """A large outdoor exhibit (an aircraft, a vehicle) pinned inside its exhibitor's plot."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="exhibit_pins", verbose_name=_("edition")
    )
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="pins", verbose_name=_("exhibit"))
    x = models.FloatField(_("x (m)"), validators=[validate_coordinate])
    y = models.FloatField(_("y (m)"), validators=[validate_coordinate])

    class Meta:
        verbose_name = _("exhibit pin")
        verbose_name_plural = _("exhibit pins")
        constraints = [
            models.UniqueConstraint(fields=["edition", "product"], name="one_pin_per_exhibit_and_edition"),
            models.CheckConstraint(condition=in_range("x", "y"), name="exhibit_pin_within_bounds"),
        ]

    def __str__(self):
        return str(self.product)

    def clean(self):
        if not (self.edition_id and self.product_id):
            return
        try:
            point = [(geometry.coordinate(self.x), geometry.coordinate(self.y))]
        except (TypeError, ValueError):
            return  # the fields' validators name what is wrong
        placement = StandPlacement.objects.filter(
            stand__edition_id=self.edition_id, stand__exhibitor_id=self.product.exhibitor_id
        ).first()
        if placement is None:
            raise ValidationError(_("Place the exhibitor's stand first: an exhibit is pinned inside it."))
        if not geometry.inside(point, placement.outline):
            raise ValidationError(
                _("The pin must lie inside the exhibitor's plot (stand %(code)s)."),
                params={"code": placement.stand.code},
            )


@public_content
class DisplayArea(NormalizedTextModel):
    """Where a flying or ground demonstration happens, or where visitors watch it from.

    Marked on the public map while a published programme item in `venue` is taking place.
    """

    class Kind(models.TextChoices):
        DISPLAY = "display", _("Display area (closed to visitors)")
        VIEWING = "viewing", _("Viewing zone")

    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="display_areas", verbose_name=_("venue"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DISPLAY)
    name = models.CharField(_("name"), max_length=120)
    points = models.JSONField(_("outline"), validators=[validate_points], help_text=_("[[x, y], …] in metres."))

    class Meta:
        verbose_name = _("display or viewing area")
        verbose_name_plural = _("display and viewing areas")
        ordering = ["venue", "kind", "pk"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.venue_id:
            validate_on_plan(self.points, self.venue.edition_id)
