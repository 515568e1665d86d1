"""Plane geometry in site metres: footprints, containment, bounds and walking estimates."""

import math

# Paths between halls are not straight lines: the walk is estimated as the straight distance
# times this factor, at a delegation's pace (about 4.3 km/h, slower than a lone visitor).
DETOUR_FACTOR = 1.25
WALKING_SPEED = 1.2  # metres per second

# What a plan may hold, declared once: model validation, the database's constraints and every
# import read these. The largest site we plan for is an airfield a few kilometres across, so a
# coordinate or size beyond 20 km is a drawing in the wrong unit (millimetres) or a hostile file;
# an outline of 150,000 corners made every plan PDF slow to lay out.
MAX_EXTENT = 20_000.0  # metres
MAX_CORNERS = 500  # corners of one outline, area or stand polygon
MAX_POINTS = 2_000  # points of interest in one edition's import


def as_points(value):
    """[[x, y], …] (or tuples) as a list of float pairs; raises ValueError/TypeError if not."""
    points = []
    for pair in value:
        x, y = pair
        x, y = float(x), float(y)
        if not (math.isfinite(x) and math.isfinite(y)):
            raise ValueError("not a finite number")
        points.append((x, y))
    return points


def coordinate(value, limit=MAX_EXTENT):
    """`value` as a float within ±`limit` metres; raises ValueError (also for NaN and infinities)."""
    number = float(value)
    if not (math.isfinite(number) and -limit <= number <= limit):
        raise ValueError("not a coordinate within the site")
    return number


# (min x, min y, max x, max y) where anything may be drawn when the edition has no plan yet.
LARGEST_BOX = (-MAX_EXTENT, -MAX_EXTENT, MAX_EXTENT, MAX_EXTENT)


def plan_box(width, depth):
    """The box of a plan `width` × `depth` metres: from its north-west origin to its far corner."""
    return (0.0, 0.0, float(width), float(depth))


def within(points, box):
    """True when every one of `points` lies in `box` (edges included)."""
    min_x, min_y, max_x, max_y = box
    return all(min_x <= x <= max_x and min_y <= y <= max_y for x, y in points)


def rectangle(cx, cy, width, depth, rotation=0.0):
    """Corners of a width × depth rectangle centred on (cx, cy), turned clockwise by `rotation`°."""
    angle = math.radians(rotation or 0)
    cos, sin = math.cos(angle), math.sin(angle)
    corners = []
    for dx, dy in ((-width / 2, -depth / 2), (width / 2, -depth / 2), (width / 2, depth / 2), (-width / 2, depth / 2)):
        # y grows southwards, so this turn is clockwise on the plan.
        corners.append((cx + dx * cos - dy * sin, cy + dx * sin + dy * cos))
    return corners


def footprint(placement):
    if placement.polygon:
        return as_points(placement.polygon)
    return rectangle(placement.x, placement.y, placement.width, placement.depth, placement.rotation)


def area(points):
    """The area enclosed by `points` in square metres (shoelace formula; either winding)."""
    pairs = list(points)
    twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pairs, pairs[1:] + pairs[:1], strict=True))
    return abs(twice) / 2


def centre(points):
    xs, ys = zip(*points, strict=True)
    return (sum(xs) / len(xs), sum(ys) / len(ys))


def bounds(points):
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _contains(polygon, x, y, tolerance=0.01):
    inside = False
    count = len(polygon)
    for i in range(count):
        (x1, y1), (x2, y2) = polygon[i], polygon[(i + 1) % count]
        # A point on an edge counts as inside: stands are drawn flush with hall walls.
        if _on_segment(x, y, x1, y1, x2, y2, tolerance):
            return True
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _on_segment(x, y, x1, y1, x2, y2, tolerance):
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return math.hypot(x - x1, y - y1) <= tolerance
    cross = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
    within = (
        min(x1, x2) - tolerance <= x <= max(x1, x2) + tolerance
        and min(y1, y2) - tolerance <= y <= max(y1, y2) + tolerance
    )
    return cross <= tolerance and within


def inside(points, polygon):
    """True when every one of `points` lies in `polygon` (edges included)."""
    polygon = as_points(polygon)
    return all(_contains(polygon, x, y) for x, y in points)


def walk(a, b):
    """(metres, seconds) on foot between two points of the plan."""
    metres = math.dist(a, b) * DETOUR_FACTOR
    return metres, metres / WALKING_SPEED


def svg_points(points):
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
