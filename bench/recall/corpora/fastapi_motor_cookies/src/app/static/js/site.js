(function () {
  "use strict";

  function readCookie(name) {
    const row = document.cookie.split("; ").find((item) => item.startsWith(name + "="));
    return row ? decodeURIComponent(row.slice(name.length + 1)) : "";
  }

  // htmx requests carry the CSRF token in a header instead of a form field.
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = readCookie("csrftoken");
  });

  window.gatherFetch = function (url, options) {
    const opts = Object.assign({ credentials: "same-origin" }, options || {});
    opts.headers = Object.assign({ "X-CSRF-Token": readCookie("csrftoken") }, opts.headers || {});
    return fetch(url, opts);
  };

  const chat = document.getElementById("chat");
  if (!chat) {
    return;
  }

  const log = chat.querySelector(".chat-log");
  const form = chat.querySelector(".chat-form");
  const input = form.querySelector("input[name=body]");

  function appendMessage(message) {
    const row = document.createElement("li");
    const author = document.createElement("strong");
    author.textContent = message.author;
    const time = document.createElement("time");
    time.dateTime = message.sent_at;
    time.textContent = new Date(message.sent_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    row.append(author, " ", message.body, " ", time);
    log.append(row);
    log.scrollTop = log.scrollHeight;
  }

  fetch(chat.dataset.ticketUrl, { credentials: "same-origin" })
    .then((response) => response.json())
    .then(({ ticket }) => {
      const scheme = window.location.protocol === "https:" ? "wss" : "ws";
      const url = `${scheme}://${window.location.host}${chat.dataset.socketPath}?ticket=${encodeURIComponent(ticket)}`;
      const socket = new WebSocket(url);
      socket.addEventListener("message", (event) => {
        const message = JSON.parse(event.data);
        if (!message.error) {
          appendMessage(message);
        }
      });
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const body = input.value.trim();
        if (body) {
          socket.send(JSON.stringify({ body }));
          input.value = "";
        }
      });
    });
})();
