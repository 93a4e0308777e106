// Restic.Net console: progressive enhancement only; every page works without it. Loaded from this origin (CSP
// script-src 'self'), no inline handlers. Text is set with textContent, never as markup.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A selection's download button says how many entries it will zip, and is off while none is selected.
  for (const form of document.querySelectorAll("form.listing")) {
    const button = form.querySelector("button[type=submit]");
    const boxes = form.querySelectorAll("input[type=checkbox][name=path]");
    const update = () => {
      const count = [...boxes].filter(b => b.checked).length;
      button.disabled = count === 0;
      button.textContent = count === 0 ? "Download selected as zip" : `Download ${count} selected as zip`;
    };
    for (const box of boxes) box.addEventListener("change", update);
    update();
  }
});
