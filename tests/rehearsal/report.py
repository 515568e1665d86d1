"""The rehearsal's report: each step and each cross-check with its outcome, and what it saw
(screenshots at 390 and 1280 px, PDF pages as PNG, the mails as received)."""

import html
import subprocess
from pathlib import Path


class Report:
    def __init__(self, folder: Path):
        self.folder = folder
        self.entries = []  # {"name", "doc", "outcome", "detail", "artefacts"}
        self.current = []
        self.notes = []

    def note(self, text):
        """What a check compared, shown under it in the report whatever its outcome."""
        self.notes.append(text)

    def artefact(self, path, caption):
        self.current.append((Path(path), caption))

    def screenshots(self, page, name, caption):
        """The page at 390 px and 1280 px wide (full length), as a phone and a desktop show it."""
        original = page.viewport_size
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            path = self.folder / "screens" / f"{name}-{width}.png"
            path.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=path, full_page=True)
            self.artefact(path, f"{caption} ({width} px)")
        page.set_viewport_size(original)

    def pdf(self, data: bytes, name, caption, pages=2):
        """Keeps the PDF and its first pages as PNG images (pdftoppm, 60 dpi)."""
        folder = self.folder / "pdf"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.pdf"
        path.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", str(pages), path, folder / name], check=True)
        self.artefact(path, f"{caption} (PDF)")
        for image in sorted(folder.glob(f"{name}-*.png")):
            self.artefact(image, f"{caption}, page {image.stem.rsplit('-', 1)[1]}")
        return path

    def record(self, name, doc, outcome, detail):
        entry = {"name": name, "doc": doc, "outcome": outcome, "detail": detail, "artefacts": self.current}
        self.entries.append({**entry, "notes": self.notes})
        self.current = []
        self.notes = []

    def write(self, stage=None, mails=()):
        rows = []
        colours = {"passed": "#1b7f3b", "failed": "#b00020", "xfailed": "#8a6d00", "skipped": "#666"}
        for entry in self.entries:
            kind = "Cross-check" if entry["name"].startswith("test_check") else "Step"
            art = "".join(
                f'<figure><a href="{html.escape(str(p.relative_to(self.folder)))}">'
                + (
                    f'<img src="{html.escape(str(p.relative_to(self.folder)))}" alt="{html.escape(c)}" loading="lazy">'
                    if p.suffix == ".png"
                    else html.escape(p.name)
                )
                + f"</a><figcaption>{html.escape(c)}</figcaption></figure>"
                for p, c in entry["artefacts"]
            )
            detail = f"<pre>{html.escape(entry['detail'])}</pre>" if entry["detail"] else ""
            if entry["notes"]:
                detail = f"<pre>{html.escape(chr(10).join(entry['notes']))}</pre>{detail}"
            title = entry["doc"].splitlines()[0] if entry["doc"] else entry["name"]
            rows.append(
                f'<section><h2><span style="color:{colours.get(entry["outcome"], "#000")}">'
                f"{entry['outcome'].upper()}</span> {kind}: {html.escape(title)}</h2>"
                f"<p>{html.escape(' '.join(entry['doc'].split()))}</p><p><code>{entry['name']}</code></p>{detail}"
                f'<div class="art">{art}</div></section>'
            )
        mail_rows = "".join(
            f'<li><a href="mail/{html.escape(item["path"].name)}">{html.escape(item["path"].name)}</a>: '
            f"{html.escape(str(item['message']['Subject']).strip())}</li>"
            for item in mails
        )
        counts = {}
        for entry in self.entries:
            counts[entry["outcome"]] = counts.get(entry["outcome"], 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
        topology = (
            f"<p>Site {html.escape(stage.url)} served by gunicorn (gthread, 2 workers) with DJANGO_DEBUG=0; "
            f"django-tasks db_worker; PostgreSQL database {html.escape(stage.database)} (dropped afterwards); "
            f"redis-server; aiosmtpd on port {stage.smtp_port}. Logs in <a href='logs/'>logs/</a>.</p>"
            if stage
            else ""
        )
        (self.folder / "report.html").write_text(
            "<!doctype html><html lang='en'><meta charset='utf-8'><title>Rehearsal report</title>"
            "<style>body{font:15px/1.4 sans-serif;margin:2em;max-width:1400px}section{border-top:1px solid #ccc}"
            "figure{display:inline-block;margin:.5em;vertical-align:top;max-width:320px}"
            "img{max-width:300px;max-height:400px;border:1px solid #999}"
            "pre{white-space:pre-wrap;background:#f6f6f6}</style>"
            f"<h1>Rehearsal report</h1><p>{summary}</p>{topology}{''.join(rows)}"
            f"<h2>Mail received by the SMTP server ({len(mails)})</h2><ul>{mail_rows}</ul></html>",
            encoding="utf-8",
        )
