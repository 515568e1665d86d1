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
        """Finish the current step with its counts (each line of them indented under the step)."""
        self.stream.write("\n".join(f"      {line}" for line in str(summary).splitlines()))

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


class JobProgress:
    """The same reports as Progress, written to a BatchJob's row for the organiser's admin page.

    `step()` names what the job is doing, `iterate()` counts done/total; the row is written at
    most once a second (and at the end of each loop), so a 5,000-item loop costs a few updates.
    """

    interval = 1.0

    def __init__(self, job):
        self.job = job
        self.started = time.monotonic()
        self._written = 0.0

    def _save(self, *, force=False, **fields):
        for name, value in fields.items():
            setattr(self.job, name, value)
        now = time.monotonic()
        if force or now - self._written >= self.interval:
            self._written = now
            type(self.job).objects.filter(pk=self.job.pk).update(
                step=self.job.step[:200], done=self.job.done, total=self.job.total
            )

    def step(self, label):
        self._save(step=str(label), done=0, total=0, force=True)

    def done(self, summary):
        self._save(step=str(summary), force=True)

    def iterate(self, items, *, total, label):
        self._save(step=str(label), done=0, total=total, force=True)
        n = 0
        for n, item in enumerate(items, start=1):
            yield item
            self._save(done=n)
        self._save(done=n, force=True)

    @property
    def elapsed(self):
        return time.monotonic() - self.started
