"""Plane geometry in site metres: footprints, containment, bounds and walking estimates."""

import math

# Paths between halls are not straight lines: the walk is estimated as the straight distance
# times this factor, at a delegation's pace (about 4.3 km/h, slower than a lone visitor).
DETOUR_FACTOR = 1.25
WALKING_SPEED = 1.2  # metres per second


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
