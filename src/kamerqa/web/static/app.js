// kamerqa: progressive enhancement only. Every page works without this script.
(function () {
  "use strict";

  // Preview the answer a cross-reference points to, on hover and on keyboard focus.
  var preview = document.getElementById("preview");
  var hideTimer = null;

  function showPreview(link) {
    var target = document.getElementById(link.getAttribute("data-preview"));
    if (!preview || !target) return;
    var answer = target.classList.contains("answer") ? target : target.closest(".answer");
    if (!answer) return;
    clearTimeout(hideTimer);
    preview.textContent = "";
    var clone = answer.cloneNode(true);
    clone.removeAttribute("id");
    clone.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    var heading = document.createElement("h4");
    heading.textContent = (answer.getAttribute("aria-label") || "Antwoord");
    preview.appendChild(heading);
    clone.querySelectorAll("p").forEach(function (p) { preview.appendChild(p); });
    var rect = link.getBoundingClientRect();
    preview.hidden = false;
    var left = Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - preview.offsetWidth - 12);
    preview.style.left = Math.max(8, left) + "px";
    preview.style.top = (window.scrollY + rect.bottom + 8) + "px";
    link.setAttribute("aria-describedby", "preview");
  }

  function hidePreview(link) {
    hideTimer = setTimeout(function () { if (preview) preview.hidden = true; }, 120);
    if (link) link.removeAttribute("aria-describedby");
  }

  document.addEventListener("mouseover", function (e) {
    var link = e.target.closest && e.target.closest("a[data-preview]");
    if (link) showPreview(link);
  });
  document.addEventListener("mouseout", function (e) {
    var link = e.target.closest && e.target.closest("a[data-preview]");
    if (link) hidePreview(link);
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("a[data-preview]")) showPreview(e.target);
  });
  document.addEventListener("focusout", function (e) {
    if (e.target.matches && e.target.matches("a[data-preview]")) hidePreview(e.target);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && preview) preview.hidden = true;
  });

  // On a phone the filters start folded, so the results come first into view.
  var filters = document.querySelector("details.filters-panel");
  if (filters && window.matchMedia("(max-width: 900px)").matches) filters.open = false;

  // Jumping to an answer: flash it so the eye finds it, also for aliases of joint answers.
  function flashTarget() {
    if (!location.hash) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!el) return;
    var answer = el.classList.contains("anchor-alias") ? el.closest(".answer") : el;
    if (answer && answer.classList.contains("answer")) {
      answer.classList.remove("flash");
      void answer.offsetWidth;
      answer.classList.add("flash");
    }
    if (preview) preview.hidden = true;
  }
  window.addEventListener("hashchange", flashTarget);
  flashTarget();

  // Similar questions: fetched when the panel is opened (the link inside works without JS).
  document.querySelectorAll("details.similar").forEach(function (details) {
    details.addEventListener("toggle", function () {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = "1";
      var body = details.querySelector(".similar-body");
      var url = "/api/documents/" + encodeURIComponent(details.dataset.docId) + "/questions/" +
        encodeURIComponent(details.dataset.number) + "/similar?limit=5";
      body.setAttribute("aria-busy", "true");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          var fallback = body.querySelector("a");
          var list = document.createElement("ol");
          data.hits.forEach(function (hit) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = "/doc/" + encodeURIComponent(hit.doc_id) + "#vraag-" + encodeURIComponent(hit.question_number);
            var text = hit.text.length > 110 ? hit.text.slice(0, 107) + "…" : hit.text;
            var title = hit.title && hit.title.length > 60 ? hit.title.slice(0, 57) + "…" : hit.title;
            a.textContent = text;
            var meta = document.createElement("span");
            meta.className = "meta";
            meta.textContent = [hit.party, title, hit.date].filter(Boolean).join(" · ");
            li.appendChild(a);
            li.appendChild(meta);
            list.appendChild(li);
          });
          body.textContent = "";
          if (data.hits.length) body.appendChild(list);
          else body.textContent = "Geen vergelijkbare vragen gevonden.";
          if (fallback) { fallback.textContent = "Meer…"; body.appendChild(fallback); }
        })
        .catch(function () { /* keep the plain link */ })
        .finally(function () { body.removeAttribute("aria-busy"); });
    });
  });

  // Copy a question's permalink.
  if (navigator.clipboard) {
    document.querySelectorAll("button.copy-link").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var url = location.origin + button.dataset.copy;
        navigator.clipboard.writeText(url).then(function () {
          button.textContent = "Gekopieerd";
          setTimeout(function () { button.textContent = "Kopieer link"; }, 1500);
        });
      });
    });
  }
})();
