"""The release editor: django-prose-editor (ProseMirror/Tiptap, served from our static files).

Only what common.sanitize keeps can be typed, and the same nh3 rules clean whatever is pasted
(Word). Under the CSP (style-src 'self', no 'unsafe-inline') Tiptap's injected inline <style>
would be refused, and without its `white-space: pre-wrap` the browser stores typed spaces as
&nbsp;: the `StylesheetOnly` extension (press/static/press/admin/release_editor.js) switches the
injection off and release_editor.css brings the same rules as a stylesheet. The editor's inline
import map is allowed by its hash (press/csp.py).
"""

from django.templatetags.static import static
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

RELEASE_EDITOR = {
    "extensions": {
        "Bold": True,
        "Italic": True,
        "Heading": {"levels": [2, 3]},
        "BulletList": True,
        "OrderedList": True,
        "ListItem": True,
        "Blockquote": True,
        "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
        "HardBreak": True,
        "History": True,
        "SpecialCharacters": True,
        # A schedule pasted from Word stays a table (without these, ProseMirror keeps only the
        # cells' text, one paragraph each). common.sanitize keeps table, tr, th and td.
        "Table": True,
        "TableRow": True,
        "TableHeader": True,
        "TableCell": True,
    }
}
STYLESHEET = "press/admin/release_editor.css"
MODULE = "press/admin/release_editor.js"


class ReleaseEditorWidget(AdminProseEditorWidget):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, config=RELEASE_EDITOR, preset="configurable", **kwargs)

    @property
    def media(self):
        return super().media + Media(css={"all": [STYLESHEET]})

    def get_config(self):
        config = super().get_config()
        # The module is loaded (from 'self') before the editor is built: StylesheetOnly runs first,
        # TranslatedToolbar last (its onCreate finds the menu bar the Menu extension has built).
        return config | {
            "extensions": {"StylesheetOnly": True, **config["extensions"], "TranslatedToolbar": True},
            "js_modules": [*config["js_modules"], static(MODULE)],
        }
