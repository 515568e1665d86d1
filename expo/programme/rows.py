"""The HTML of programme rows (`items` from selection.for_rows), for the programme page, the
home page's "now and next" and the site search.

Built in Python rather than in a template: a day holds about 80 rows of a dozen values each,
and the template engine's per-variable lookups were most of the programme page's time.
"""

from django.utils.html import conditional_escape, format_html, format_html_join

ROW = (
    '<li class="prog-item prog-item--{status}" id="item-{slug}">\n'
    '  <p class="prog-item__time"><time datetime="{start_iso}">{start_hm}</time>–'
    '<time datetime="{end_iso}">{end_hm}</time>{date}</p>\n'
    '  <div class="prog-item__body">\n'
    '    <h3 class="prog-item__title"><a href="{url}">{title}</a></h3>\n'
    '    <p class="prog-item__meta"><span class="prog-tag">{type_label}</span>{venue} · {audience_label}</p>\n'
    "    {status_line}\n"
    "  </div>\n"
    "</li>\n"
)


def rows_html(items):
    """The `<li>` of each item, in order (the caller writes the list around them)."""
    # Most values repeat down a day (labels, venues, times): each distinct one is escaped once,
    # and format_html passes escaped (safe) strings through at little cost.
    escaped = {}

    def esc(value):
        try:
            return escaped[value]
        except KeyError:
            escaped[value] = result = conditional_escape(value)
            return result

    def values(item):
        status_line = esc("")
        if item.status != "scheduled":
            note = format_html(" — {}", item.status_note) if item.status_note else ""
            status_line = format_html(
                '<p class="prog-status prog-status--{}"><strong>{}</strong>{}</p>',
                esc(item.status),
                esc(item.status_label),
                note,
            )
        return {
            "status": esc(item.status),
            "slug": item.slug,
            "start_iso": esc(item.start_iso),
            "start_hm": esc(item.start_hm),
            "end_iso": esc(item.end_iso),
            "end_hm": esc(item.end_hm),
            "date": format_html(' <span class="prog-item__date">{}</span>', item.date_label)
            if item.show_date
            else esc(""),
            "url": item.url,
            "title": item.title,
            "type_label": esc(item.type_label),
            "venue": esc(format_html(" · {}", item.venue_label) if item.venue_label else ""),
            "audience_label": esc(item.audience_label),
            "status_line": status_line,
        }

    return format_html("\n{}\n", format_html_join("", ROW, map(values, items)))
