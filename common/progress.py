"""Progress reports for long work (demo loader, bench data, imports, press kit builds).

On a terminal it draws a bar that updates in place; in a log (CI, cron) it writes a line at
each tenth, so a long run never looks hung and never floods the output.
"""

import time


class Progress:
    def __init__(self, stream, *, steps=0):
        self.stream = stream
        self.steps = steps
        self.step_number = 0
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def step(self, label):
        """Announce the next step: "[2/4] Catalogue"."""
        self.step_number += 1
        prefix = f"[{self.step_number}/{self.steps}] " if self.steps else ""
        self.stream.write(f"{prefix}{label}")

    def done(self, summary):
        """Finish the current step with its counts."""
        self.stream.write(f"      {summary}")

    def iterate(self, items, *, total, label):
        """Yield from `items`, reporting how far along we are."""
        tick = max(total // 10, 1)
        for n, item in enumerate(items, start=1):
            yield item
            if self.tty:
                filled = int(30 * n / max(total, 1))
                self.stream.write(f"\r  {label} [{'#' * filled}{'.' * (30 - filled)}] {n}/{total}", ending="")
                if n == total:
                    self.stream.write("")
            elif n % tick == 0 or n == total:
                self.stream.write(f"  {label}: {n}/{total}")

    @property
    def elapsed(self):
        return time.monotonic() - self.started
