// "Select all" on django-import-export's export page, wired here instead of an inline
// onchange= (which the Content-Security-Policy refuses). Only the rows of the resource
// being shown are switched.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.select-toggle").forEach(function (toggle) {
    toggle.addEventListener("change", function () {
      document.querySelectorAll(".selectable-field-export-row").forEach(function (row) {
        if (row.offsetParent === null) return; // a hidden resource's fields
        row.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
          box.checked = toggle.checked;
        });
      });
    });
  });
});
