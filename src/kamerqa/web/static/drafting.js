// Drafting editor: autosave of answers and footnotes, similar questions. Loaded from a
// file so the page keeps the strict Content-Security-Policy (script-src 'self').
(function () {
  "use strict";
  var root = document.getElementById("drafting");
  var base = "/api/drafting/consultations/" + encodeURIComponent(root.dataset.cid);
  var status = document.getElementById("save-status");
  var timers = {};
  function say(text) { status.textContent = text; }
  // The API answers in English; the page says it in Dutch by the error's code.
  var DUTCH = {
    conflict: "het stuk is intussen gewijzigd of is geen concept meer; laad de pagina opnieuw",
    not_authenticated: "u bent niet meer ingelogd; log opnieuw in",
    forbidden: "dat mag u niet met uw rol",
    not_found: "niet gevonden",
    invalid: "de invoer is ongeldig",
    too_many_requests: "te veel verzoeken; probeer het over een minuut opnieuw"
  };
  function dutch(error) {
    if (error && DUTCH[error.code]) { return DUTCH[error.code]; }
    return error && error.status === 422 ? "de invoer is ongeldig" : "er ging iets mis";
  }
  function send(method, url, body) {
    return fetch(url, {method: method, credentials: "same-origin",
      headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (r) { return r.json().then(function (data) { return {ok: r.ok, data: data}; }); })
      .then(function (res) {
        if (!res.ok) { say("Niet opgeslagen: " + dutch(res.data.error)); return; }
        root.dataset.version = res.data.version;
        document.getElementById("version").textContent = res.data.version;
        say("Opgeslagen");
      })
      .catch(function () { say("Niet opgeslagen: geen verbinding"); });
  }
  function later(key, fn) { clearTimeout(timers[key]); say("Wijzigingen…"); timers[key] = setTimeout(fn, 800); }
  document.querySelectorAll("textarea.answer").forEach(function (box) {
    var numbers = box.closest("section").querySelector(".answer-numbers");
    function save() {
      var list = numbers.value.split(/[,\s]+/).filter(Boolean);
      send("PUT", base + "/answers", {questions: list.length ? list : [box.dataset.number], text: box.value,
        version: Number(root.dataset.version)});
    }
    box.addEventListener("input", function () { later("a" + box.dataset.number, save); });
    numbers.addEventListener("change", function () { later("a" + box.dataset.number, save); });
  });
  document.querySelectorAll("textarea.footnote").forEach(function (box) {
    box.addEventListener("input", function () {
      later("n" + box.dataset.id, function () { send("PUT", base + "/footnotes/" + encodeURIComponent(box.dataset.id), {text: box.value}); });
    });
  });
  var add = document.getElementById("add-note");
  if (add) { add.addEventListener("click", function () {
    var id = document.getElementById("new-note-id").value.trim();
    var text = document.getElementById("new-note-text").value;
    if (id) { send("PUT", base + "/footnotes/" + encodeURIComponent(id), {text: text}).then(function () { location.reload(); }); }
  }); }
  document.querySelectorAll(".similar").forEach(function (box) {
    fetch(base + "/similar/" + encodeURIComponent(box.dataset.number), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : {hits: []}; })
      .then(function (data) {
        box.textContent = "";
        var head = document.createElement("p"); head.className = "small muted";
        head.textContent = data.hits.length ? "Eerder beantwoord:" : "Geen vergelijkbare vragen gevonden.";
        box.appendChild(head);
        var list = document.createElement("ul");
        data.hits.forEach(function (hit) {
          var item = document.createElement("li"); var link = document.createElement("a");
          link.href = "/doc/" + encodeURIComponent(hit.doc_id) + "#vraag-" + encodeURIComponent(hit.question_number);
          link.textContent = (hit.title || hit.doc_id) + ", vraag " + hit.question_number;
          item.appendChild(link);
          item.appendChild(document.createTextNode(": " + hit.text.slice(0, 200)));
          list.appendChild(item);
        });
        box.appendChild(list);
      });
  });
})();
