// ServerlessPlan portal: progressive enhancement only. Every form and link works without this file; with it, a sheet
// can be dropped on the page, its verdict appears without leaving the page, and a submission is followed until its
// outcome is recorded. No third-party code; loaded from the app itself (CSP: script-src 'self').
(function () {
  "use strict";
  document.documentElement.classList.add("js-enabled");

  // A form sent back with problems: the error summary takes the focus, so a screen reader announces it first.
  ready(function () {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) summary.focus();
  });

  function ready(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn); else fn();
  }

  // Once a submission's outcome is recorded, the page's status and history are brought up to date in place (the
  // verdict above stays as it is): the same page fetched again, its marked regions swapped in.
  function refresh() {
    fetch(window.location.pathname, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        document.querySelectorAll("[data-refresh]").forEach(function (region) {
          var update = fresh.querySelector("[data-refresh=\"" + region.getAttribute("data-refresh") + "\"]");
          if (update) region.replaceWith(document.importNode(update, true));
        });
      })
      .catch(function () { /* the page still works: a reload shows the same */ });
  }

  function follow(region) {
    var url = region.getAttribute("data-poll-url");
    if (!url) return;
    var message = region.querySelector("[data-state-message]") || region;
    var attempts = 0;
    function poll() {
      attempts += 1;
      fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (state) {
          if (state && state.message && message.textContent !== state.message) message.textContent = state.message;
          if (state && state.tag) region.setAttribute("data-state", state.state);
          if (state && state.final) { refresh(); return; }
          if (attempts < 120) window.setTimeout(poll, attempts < 20 ? 1500 : 5000);
        })
        .catch(function () { if (attempts < 120) window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 1000);
  }

  function enhanceUpload(form) {
    var input = form.querySelector("input[type=file]");
    var zone = form.querySelector("[data-drop-zone]");
    var result = document.getElementById("verdict");
    var button = form.querySelector("button[type=submit]");
    if (!input || !result) return;

    if (zone) {
      ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (e) { e.preventDefault(); zone.classList.add("is-dragging"); });
      });
      ["dragleave", "drop"].forEach(function (name) {
        zone.addEventListener(name, function () { zone.classList.remove("is-dragging"); });
      });
      zone.addEventListener("drop", function (e) {
        e.preventDefault();
        if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length > 0) {
          input.files = e.dataTransfer.files;
          form.requestSubmit ? form.requestSubmit() : form.submit();
        }
      });
    }

    form.addEventListener("submit", function (e) {
      if (!window.fetch || !window.FormData) return;
      e.preventDefault();
      var busy = form.getAttribute("data-busy-text");
      if (button) { button.disabled = true; }
      result.innerHTML = "";
      var status = document.createElement("p");
      status.className = "body";
      status.textContent = busy || "…";
      result.appendChild(status);
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (answer) {
          // The verdict is markup the server rendered and encoded: the same fragment the page shows without script.
          result.innerHTML = answer.body.verdictHtml || "";
          if (!answer.body.verdictHtml) {
            var p = document.createElement("p");
            p.className = "error-message";
            p.textContent = answer.body.detail || answer.body.title || "Error";
            result.appendChild(p);
          }
          var heading = result.querySelector("h2, .error-summary");
          if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
          result.querySelectorAll("[data-poll-url]").forEach(follow);
        })
        .catch(function () { form.submit(); })
        .then(function () { if (button) button.disabled = false; });
    });
  }

  ready(function () {
    document.querySelectorAll("form[data-upload]").forEach(enhanceUpload);
    document.querySelectorAll("[data-poll-url]").forEach(follow);
  });
})();
