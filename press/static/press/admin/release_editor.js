// The release editor under the strict CSP (style-src 'self', no 'unsafe-inline'), in the
// organiser's language.
//
// Tiptap injects ProseMirror's base rules as an inline <style>, which the CSP refuses; without
// their `white-space: pre-wrap` the browser stores every typed space as &nbsp;. StylesheetOnly
// turns that injection off before the editor is mounted: the same rules come from
// release_editor.css, a stylesheet served from our own origin (press/editor.py adds both).
//
// django-prose-editor passes its dialogs' words through Django's gettext, but writes its toolbar
// buttons' tooltips ("bold", "insert link", "heading 2"…) in English. TranslatedToolbar gives
// each tooltip (title and aria-label) and each menu option to gettext, so they come from the
// admin's JavaScript catalogue (locale/<lang>/LC_MESSAGES/djangojs.po, served by admin/jsi18n/).
import { Extension } from "django-prose-editor/editor"

export const StylesheetOnly = Extension.create({
  name: "stylesheetOnly",
  onBeforeCreate() {
    this.editor.options.injectCSS = false
  },
})

const gettext = window.gettext || ((text) => text)
const interpolate = window.interpolate || ((format, values) => format.replace("%s", values[0]))
// "heading 2" and "Heading 2" carry their level: one catalogue entry each, with %s.
const NUMBERED = /^(heading|Heading) (\d)$/

export function translated(text) {
  const numbered = NUMBERED.exec(text)
  if (numbered) return interpolate(gettext(`${numbered[1]} %s`), [numbered[2]])
  return gettext(text)
}

function translateToolbar(menubar) {
  for (const button of menubar.querySelectorAll("[title], [aria-label]")) {
    for (const attribute of ["title", "aria-label"]) {
      const text = button.getAttribute(attribute)
      if (text && translated(text) !== text) button.setAttribute(attribute, translated(text))
    }
  }
  for (const option of menubar.querySelectorAll(".prose-menubar__option > *")) {
    const text = option.textContent.trim()
    if (option.children.length === 0 && translated(text) !== text) option.textContent = translated(text)
  }
}

export const TranslatedToolbar = Extension.create({
  name: "translatedToolbar",
  onCreate() {
    const menubar = this.editor.options.element.querySelector(".prose-menubar")
    if (!menubar) return
    translateToolbar(menubar)
    // The block-type button is replaced by the current block's on every selection change.
    new MutationObserver(() => translateToolbar(menubar)).observe(menubar, { subtree: true, childList: true })
  },
})
