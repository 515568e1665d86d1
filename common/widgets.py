"""Form widgets rendered in Python, for forms shown on busy public pages."""

from django import forms
from django.utils.html import format_html, format_html_join


def _attrs(attrs):
    """The attributes as Django's widgets/attrs.html writes them: in order, True as a bare name."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class PlainSelect(forms.Select):
    """A Select writing the same HTML as Django's select.html and select_option.html templates,
    without the template engine: those include one template per option, which made a page's
    three filter menus cost more than its whole list of rows. Grouped choices use the templates."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group_name for group_name, _choices, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>\n',
            (
                (option["value"], _attrs(option["attrs"]), option["label"])
                for _group_name, choices, _index in widget["optgroups"]
                for option in choices
            ),
        )
        return format_html('<select name="{}"{}>{}\n</select>', widget["name"], _attrs(widget["attrs"]), options)
