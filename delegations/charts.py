"""A bar chart drawn on the server as SVG geometry (no chart library, no CDN, no script)."""

from dataclasses import dataclass

WIDTH, HEIGHT, AXIS = 640, 220, 30


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str
    count: int

    @property
    def label_x(self):
        return self.x + self.width // 2


def bar_chart(points):
    """Bars for [(label, count)] scaled into the chart's box; the template draws the <rect>s."""
    if not points:
        return []
    top = max(count for _label, count in points) or 1
    slot = WIDTH // len(points)
    width = max(min(slot - 8, 60), 4)
    bars = []
    for index, (label, count) in enumerate(points):
        height = round((HEIGHT - AXIS - 20) * count / top)
        x = index * slot + (slot - width) // 2
        bars.append(Bar(x=x, y=HEIGHT - AXIS - height, width=width, height=height, label=label, count=count))
    return bars
