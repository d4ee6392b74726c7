document.addEventListener("DOMContentLoaded", function () {
  var select = document.getElementById("status-select");
  if (!select) return;
  select.addEventListener("change", function () {
    fetch(select.dataset.url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: select.value })
    }).then(function (r) {
      if (!r.ok) alert("Could not update the listing status");
    });
  });
});
