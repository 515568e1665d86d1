// The release editor under the strict CSP (style-src 'self', no 'unsafe-inline').
//
// Tiptap injects ProseMirror's base rules as an inline <style>, which the CSP refuses; without
// their `white-space: pre-wrap` the browser stores every typed space as &nbsp;. This extension
// turns that injection off before the editor is mounted: the same rules come from
// release_editor.css, a stylesheet served from our own origin (press/editor.py adds both).
import { Extension } from "django-prose-editor/editor"

export const StylesheetOnly = Extension.create({
  name: "stylesheetOnly",
  onBeforeCreate() {
    this.editor.options.injectCSS = false
  },
})
