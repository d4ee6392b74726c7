(function () {
  "use strict";

  function cookie(name) {
    var m = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return m ? decodeURIComponent(m[1]) : null;
  }

  // live widgets talk to the JSON api with the token set at login
  window.fleetApi = function (path, opts) {
    opts = opts || {};
    opts.headers = Object.assign({ "Content-Type": "application/json" }, opts.headers || {});
    var token = cookie("fleet_access");
    if (token) opts.headers.Authorization = "Bearer " + token;
    return fetch("/api/v1" + path, opts).then(function (r) { return r.json(); });
  };

  var table = document.getElementById("vehicle-table");
  var toolbar = document.getElementById("bulk-toolbar");
  if (!table || !toolbar) return;

  function selected() {
    return Array.prototype.map.call(table.querySelectorAll(".row-select:checked"), function (el) {
      return el.value;
    });
  }

  table.addEventListener("change", function () {
    var ids = selected();
    toolbar.hidden = ids.length === 0;
    toolbar.querySelector(".count").textContent = ids.length;
  });

  toolbar.addEventListener("click", function (ev) {
    var status = ev.target.getAttribute("data-status");
    if (!status) return;
    fetch(toolbar.getAttribute("data-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ids: selected(), status: status })
    }).then(function () { window.location.reload(); });
  });
})();
