// Restic.Net console: progressive enhancement only; every page works without it. Loaded from this origin (CSP
// script-src 'self'), no inline handlers. Text is set with textContent, never as markup.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // A selection's download button says how many entries it will zip, and is off while none is selected.
  for (const form of document.querySelectorAll("form.listing")) {
    const buttons = form.querySelectorAll("button[type=submit]");
    const boxes = form.querySelectorAll("input[type=checkbox][name=path]");
    const update = () => {
      const count = [...boxes].filter(b => b.checked).length;
      for (const button of buttons) button.disabled = count === 0;
      buttons[0].textContent = count === 0 ? "Download selected as zip" : `Download ${count} selected as zip`;
    };
    for (const box of boxes) box.addEventListener("change", update);
    update();
  }
});

// Search: the form's matches streamed in as each snapshot is searched (one JSON object per line), instead of the
// server-rendered page that waits for all of them. Every value goes in through textContent or setAttribute.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form.search[data-stream]");
  if (!form || !window.fetch || !window.ReadableStream || !window.TextDecoderStream) return;
  const status = document.querySelector("p.count[role=status]");
  const body = document.querySelector("table.results tbody");
  // A name as the server writes it (Display.NameHtml): each control character a boxed label titled with its code point.
  const controls = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"];
  const appendName = (element, text) => {
    for (const part of text.split(/([\u0000-\u001f\u007f-\u009f])/)) {
      if (part.length === 1 && /[\u0000-\u001f\u007f-\u009f]/.test(part)) {
        const code = part.charCodeAt(0);
        const label = document.createElement("span");
        label.className = "ctl";
        label.title = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
        label.textContent = code < 0x20 ? controls[code] : code === 0x7f ? "DEL" : code.toString(16).toUpperCase();
        element.appendChild(label);
      } else if (part) {
        element.append(part);
      }
    }
  };
  const time = iso => new Date(iso).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  const size = bytes => {
    if (bytes === null || bytes === undefined) return "";
    const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
    let value = bytes, unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return unit === 0 ? `${bytes.toLocaleString("en-US")} B` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
  };
  const cell = (row, tag, text, className) => {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    row.appendChild(element);
    return element;
  };
  let controller = null;
  form.addEventListener("submit", async event => {
    event.preventDefault();
    controller?.abort();
    controller = new AbortController();
    const query = new URLSearchParams(new FormData(form));
    history.replaceState(null, "", `${location.pathname}?${query}`);
    body.replaceChildren();
    status.textContent = "Searching…";
    let count = 0;
    try {
      const response = await fetch(`${form.dataset.stream}?${query}`, { signal: controller.signal, headers: { Accept: "application/x-ndjson, application/problem+json" } });
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        status.textContent = problem.detail || `The search failed (${response.status}).`;
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n")) >= 0) {
          const match = JSON.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 1);
          const row = document.createElement("tr");
          const name = cell(row, "th", undefined, "name");
          name.scope = "row";
          const link = document.createElement("a");
          link.setAttribute("href", match.link);
          appendName(link, match.path + (match.type === "dir" ? "/" : ""));
          name.appendChild(link);
          const snapshot = cell(row, "td");
          cell(snapshot, "span", match.shortId, "mono");
          snapshot.append(" ");
          cell(snapshot, "time", time(match.time)).setAttribute("datetime", match.time);
          cell(row, "td", match.type === "file" ? size(match.size) : "", "number");
          cell(cell(row, "td"), "time", time(match.modified)).setAttribute("datetime", match.modified);
          body.appendChild(row);
          count++;
          status.textContent = `${count} matches so far…`;
        }
      }
      status.textContent = `${count} matches`;
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = `The search stopped: ${error.message}`;
    }
  });
  // A search opened from a link (?pattern=...) was answered by the server already: nothing to redo.
});

// A running job's page: its progress events (server-sent) move the bar and the numbers; when the job ends the page
// reloads to show the recorded result. Without script the page shows a Reload link.
document.addEventListener("DOMContentLoaded", () => {
  const section = document.querySelector("section.progress[data-events]");
  if (!section || !section.dataset.events || !window.EventSource) return;
  const bar = section.querySelector("progress");
  const numbers = section.querySelector(".job-numbers");
  const current = section.querySelector(".job-current");
  const bytes = n => n === null || n === undefined ? "?" : n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : n < 1073741824 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1073741824).toFixed(2)} GiB`;
  const events = new EventSource(section.dataset.events);
  events.addEventListener("progress", e => {
    const p = JSON.parse(e.data);
    bar.value = Math.round(p.percent_done * 100);
    bar.textContent = `${bar.value}%`;
    numbers.textContent = `${bar.value}% · ${p.files_done} of ${p.total_files ?? "?"} files · ${bytes(p.bytes_done)} of ${bytes(p.total_bytes)}`;
    current.textContent = (p.current_files || []).join("\n");
  });
  for (const end of ["completed", "failed", "cancelled"]) {
    events.addEventListener(end, () => { events.close(); location.replace(location.pathname); });
  }
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) numbers.textContent = "The progress stream ended: reload to see the job's state."; };
});

// The dashboard's running jobs: each followed job's percentage moves with its progress events; at its end the entry
// says how it ended. Without script the percentages are those of the moment the page was made.
document.addEventListener("DOMContentLoaded", () => {
  if (!window.EventSource) return;
  for (const item of document.querySelectorAll("li.running-job[data-events]")) {
    if (!item.dataset.events) continue;
    const percent = item.querySelector(".job-percent");
    const events = new EventSource(item.dataset.events);
    events.addEventListener("progress", e => {
      const p = JSON.parse(e.data);
      percent.textContent = `, ${Math.round(p.percent_done * 100)}% done`;
    });
    for (const end of ["completed", "failed", "cancelled"]) {
      events.addEventListener(end, () => { events.close(); percent.textContent = `: ${end}`; });
    }
  }
});
