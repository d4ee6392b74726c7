// Small progressive enhancements: votes and live preview.
(function () {
  "use strict";

  function xsrfToken() {
    var input = document.querySelector("input[name=_xsrf]");
    return input ? input.value : "";
  }

  document.querySelectorAll(".votes").forEach(function (box) {
    box.addEventListener("click", function (ev) {
      var btn = ev.target.closest(".vote");
      if (!btn) return;
      fetch("/t/" + box.dataset.thread + "/vote", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ value: parseInt(btn.dataset.value, 10) })
      })
        .then(function (r) { return r.json(); })
        .then(function (data) { box.querySelector(".score").textContent = data.score; });
    });
  });

  document.querySelectorAll("textarea[data-preview]").forEach(function (area) {
    var target = area.parentElement.parentElement.querySelector(".preview") || area.nextElementSibling;
    var timer;
    area.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var form = new FormData();
        form.append("body", area.value);
        form.append("_xsrf", xsrfToken());
        fetch(area.dataset.preview, { method: "POST", body: form, credentials: "same-origin" })
          .then(function (r) { return r.text(); })
          .then(function (html) { target.innerHTML = html; target.hidden = false; });
      }, 400);
    });
  });
})();
