/* Small progressive enhancements for the intranet pages. */
(function () {
  "use strict";

  function decideLeave(button) {
    var id = button.getAttribute("data-leave-id");
    var decision = button.getAttribute("data-decision");
    fetch("/api/leave/" + id + "/decision/", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ decision: decision })
    })
      .then(function (resp) { return resp.json(); })
      .then(function (data) {
        var row = button.closest("tr");
        if (row && data.status) {
          row.querySelector(".leave-status").textContent = data.status;
          row.querySelectorAll("button[data-decision]").forEach(function (b) { b.disabled = true; });
        }
      });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-decision]");
    if (button) {
      event.preventDefault();
      decideLeave(button);
    }
  });
})();
