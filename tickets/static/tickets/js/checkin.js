/* Gate check-in: verify signed tickets (Ed25519, WebCrypto) with the day's bundle held in
   localStorage, show green or red at once, queue every scan and send the queue whenever the
   network allows. The server's verdict (duplicates across gates) replaces ours when it comes. */
(function () {
  "use strict";
  const root = document.getElementById("checkin");
  if (!root) return;
  const $ = (id) => document.getElementById(id);
  const msg = (key) => root.dataset["msg" + key.replace(/(^|[-_])(\w)/g, (_, __, c) => c.toUpperCase())] || key;
  const BUNDLE = "tickets.bundle";
  const QUEUE = "tickets.queue";
  // Passes the bundle lists (tickets, press and stand staff badges): one missing from it is unknown.
  const TICKET_KINDS = ["trade", "public", "press", "staff"];
  const listedKinds = () => (bundle && bundle.listed_kinds) || TICKET_KINDS;
  const kindLabel = (kind) => ((bundle && bundle.kind_labels) || {})[kind] || kind;
  let bundle = JSON.parse(localStorage.getItem(BUNDLE) || "null");
  let key = null;
  const load = (name) => JSON.parse(localStorage.getItem(name) || "[]");
  const store = (name, value) => localStorage.setItem(name, JSON.stringify(value));

  function b64urlBytes(text) {
    const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  }
  function day(text) { return text.slice(0, 4) + "-" + text.slice(4, 6) + "-" + text.slice(6, 8); }
  function today() { return bundle ? bundle.day : root.dataset.today; }

  async function importKey() {
    if (!bundle || !crypto.subtle) return null;
    try {
      return await crypto.subtle.importKey("raw", b64urlBytes(bundle.public_key.replace(/=+$/, "")), { name: "Ed25519" }, false, ["verify"]);
    } catch (e) { return null; }
  }

  async function refresh() {
    try {
      const response = await fetch(root.dataset.bundleUrl, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(response.status);
      const fresh = await response.json();
      // Keep what this gate admitted offline and the server has not heard of yet.
      const pending = load(QUEUE).filter((s) => s.admitted).map((s) => s.pass_id);
      fresh.admitted = Array.from(new Set(fresh.admitted.concat(pending)));
      bundle = fresh;
      store(BUNDLE, bundle);
      key = await importKey();
      status(msg("online"));
    } catch (e) { status(msg("offline")); }
  }

  /* Our own verdict, offline: forged, wrong day, revoked, unknown, already used, admitted. */
  async function judge(token) {
    const parts = token.trim().split(".");
    if (parts.length !== 5 || !key) return { result: key ? "forged" : "unknown" };
    const [kind, id, first, last, signature] = parts;
    let valid = false;
    try {
      valid = await crypto.subtle.verify({ name: "Ed25519" }, key, b64urlBytes(signature), new TextEncoder().encode(parts.slice(0, 4).join(".")));
    } catch (e) { valid = false; }
    if (!valid) return { result: "forged" };
    const entry = bundle.valid[id];
    const seen = { pass_id: id, kind: kindLabel(kind), name: entry ? entry.name : "", organisation: entry ? entry.organisation : "" };
    if (today() < day(first) || today() > day(last)) return Object.assign(seen, { result: "wrong_day" });
    if (bundle.revoked.includes(id)) return Object.assign(seen, { result: "revoked" });
    if (listedKinds().includes(kind) && !entry) return Object.assign(seen, { result: "unknown" });
    if (bundle.admitted.includes(id)) return Object.assign(seen, { result: "already_used" });
    return Object.assign(seen, { result: "admitted" });
  }

  // The verdict box emptied for what comes next: a verdict ("ok", "no") or a notice ("idle").
  function verdictBox(state) {
    const box = $("verdict");
    box.dataset.state = state;
    box.textContent = "";
    return box;
  }

  function show(verdict) {
    const box = verdictBox(verdict.result === "admitted" ? "ok" : "no");
    if (verdict.photo) {
      const img = document.createElement("img");
      img.src = verdict.photo; img.alt = "";
      box.appendChild(img);
    }
    const title = document.createElement("p");
    title.className = "checkin-result";
    title.textContent = msg(verdict.result);
    box.appendChild(title);
    for (const line of [verdict.name, verdict.kind, verdict.organisation]) {
      if (line) { const p = document.createElement("p"); p.textContent = line; box.appendChild(p); }
    }
  }

  // What became of the gate keeper's last action (no camera, no code in the photo) goes where
  // the verdicts go: the status line below is rewritten by every refresh of the day's bundle.
  function notice(text) {
    const box = verdictBox("idle");
    const p = document.createElement("p");
    p.textContent = text;
    box.appendChild(p);
  }

  function status(text) {
    const queued = load(QUEUE).length;
    $("status").textContent = text + (queued ? " " + queued + " " + msg("queued") : "");
  }

  async function scan(token) {
    const verdict = await judge(token);
    show(verdict);
    if (verdict.result === "admitted") { bundle.admitted.push(verdict.pass_id); store(BUNDLE, bundle); }
    const queue = load(QUEUE);
    queue.push({ client_id: crypto.randomUUID(), token: token.trim(), scanned_at: new Date().toISOString(), gate: $("gate").value, pass_id: verdict.pass_id, admitted: verdict.result === "admitted" });
    store(QUEUE, queue);
    await sync(queue[queue.length - 1].client_id);
  }

  let syncing = false;
  async function sync(showFor) {
    if (syncing) return;
    const queue = load(QUEUE);
    if (!queue.length) { status(navigator.onLine ? msg("online") : msg("offline")); return; }
    syncing = true;
    try {
      const byGate = {};
      for (const s of queue) (byGate[s.gate] = byGate[s.gate] || []).push(s);
      for (const gate of Object.keys(byGate)) {
        const response = await fetch(root.dataset.scansUrl, {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
          body: JSON.stringify({ gate: gate, scans: byGate[gate].slice(0, 500) }),
        });
        if (!response.ok) throw new Error(response.status);
        const answer = await response.json();
        const done = new Set(answer.results.map((r) => r.client_id));
        store(QUEUE, load(QUEUE).filter((s) => !done.has(s.client_id)));
        for (const r of answer.results) if (r.client_id === showFor) show(r);
      }
      status(msg("online"));
    } catch (e) {
      status(msg("offline"));
    } finally { syncing = false; }
  }

  // The browser's own QR reader where it has one; else ZXing's (WebAssembly, served by us and
  // loaded as the page opens, so a gate that loses the network later still reads codes).
  let decoder = null;
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src; script.onload = resolve; script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  async function qrDecoder() {
    if (decoder) return decoder;
    decoder = (async () => {
      if ("BarcodeDetector" in window) {
        const formats = await window.BarcodeDetector.getSupportedFormats().catch(() => []);
        if (formats.includes("qr_code")) return new window.BarcodeDetector({ formats: ["qr_code"] });
      }
      await loadScript(root.dataset.decoderUrl);
      const api = window.BarcodeDetectionAPI;
      const wasm = root.dataset.decoderWasmUrl;
      api.prepareZXingModule({ overrides: { locateFile: (path, prefix) => (path.endsWith(".wasm") ? wasm : prefix + path) }, fireImmediately: true });
      return new api.BarcodeDetector({ formats: ["qr_code"] });
    })();
    return decoder;
  }

  async function startCamera() {
    if (!navigator.mediaDevices) { notice(msg("no-camera")); return; }
    let detector, stream;
    try {
      detector = await qrDecoder();
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (e) { notice(msg("no-camera")); return; }
    const video = $("camera");
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    let last = "", lastAt = 0;
    async function tick() {
      try {
        const codes = await detector.detect(video);
        const text = codes.length ? codes[0].rawValue : "";
        // The same code held in front of the camera is one scan, not thirty a second.
        if (text && (text !== last || Date.now() - lastAt > 5000)) { last = text; lastAt = Date.now(); await scan(text); }
      } catch (e) { /* a frame that could not be read */ }
      requestAnimationFrame(tick);
    }
    tick();
  }

  // A photo of the code (a phone's camera app, or a tablet that will not share its camera).
  async function readPhoto(event) {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    try {
      const codes = await (await qrDecoder()).detect(await createImageBitmap(file));
      if (codes.length) { await scan(codes[0].rawValue); return; }
    } catch (e) { /* not an image, or no decoder */ }
    notice(msg("no-code"));
  }

  async function lookup(event) {
    event.preventDefault();
    const q = $("lookup-q").value.trim();
    const found = $("found");
    found.textContent = "";
    try {
      const response = await fetch(root.dataset.lookupUrl + "?q=" + encodeURIComponent(q), { credentials: "same-origin" });
      const answer = await response.json();
      for (const row of answer.found) {
        const button = document.createElement("button");
        button.type = "button"; button.className = "button";
        button.textContent = row.name + " · " + row.kind + (row.organisation ? " · " + row.organisation : "") + " · " + row.pass_id;
        button.addEventListener("click", () => scan(row.token));
        found.appendChild(button);
      }
    } catch (e) {
      // Offline: look the name up in the day's bundle.
      for (const [id, row] of Object.entries(bundle ? bundle.valid : {})) {
        if (row.name.toLowerCase().includes(q.toLowerCase()) || id === q) {
          const p = document.createElement("p"); p.textContent = row.name + " · " + id; found.appendChild(p);
        }
      }
    }
  }

  $("start-camera").addEventListener("click", startCamera);
  $("photo-scan").addEventListener("change", readPhoto);
  qrDecoder().catch(() => { decoder = null; });
  $("lookup").addEventListener("submit", lookup);
  $("manual").addEventListener("submit", (event) => { event.preventDefault(); scan($("manual-token").value); });
  window.addEventListener("online", () => { refresh().then(() => sync()); });
  window.addEventListener("offline", () => status(msg("offline")));
  importKey().then((k) => { key = k; });
  refresh().then(() => sync());
  setInterval(() => { if (navigator.onLine) refresh().then(() => sync()); }, 60000);
})();
