// Live "your reservation is ready" updates and cancel-without-reload.
(function () {
  const path = document.body.dataset.holdSocket;
  if (!path) return;

  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  let socket;
  let retry = 1000;

  function updateBadge(count) {
    const badge = document.getElementById("hold-ready-count");
    if (!badge) return;
    badge.textContent = count;
    badge.classList.toggle("d-none", count === 0);
  }

  function connect() {
    socket = new WebSocket(`${scheme}://${window.location.host}${path}`);
    socket.onopen = () => { retry = 1000; };
    socket.onmessage = (msg) => {
      const data = JSON.parse(msg.data);
      if (data.type === "snapshot") {
        updateBadge(data.holds.length);
      } else if (data.type === "hold" && data.event === "ready") {
        const row = document.querySelector(`tr[data-hold-id="${data.hold.id}"] .hold-status`);
        if (row) row.textContent = `Ready at ${data.hold.pickup_branch}`;
        const badge = document.getElementById("hold-ready-count");
        updateBadge((parseInt(badge && badge.textContent, 10) || 0) + 1);
        socket.send(JSON.stringify({ action: "ack", hold: data.hold.id }));
      }
    };
    socket.onclose = () => {
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }

  document.addEventListener("submit", async (ev) => {
    const form = ev.target.closest("form.js-cancel-hold");
    if (!form) return;
    ev.preventDefault();
    const resp = await fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    const body = await resp.json();
    if (body.ok) form.closest("tr").remove();
    else alert(body.error || "Could not cancel.");
  });

  connect();
})();
