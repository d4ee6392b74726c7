// Renders chat lines for the live-class panel using textContent only.
(function () {
  const template = document.getElementById("chat-line-template");
  if (!template) return;
  window.renderChatLine = function (list, message) {
    const li = document.createElement("li");
    li.className = "chat-line";
    const who = document.createElement("b");
    who.textContent = message.from;
    li.appendChild(who);
    li.appendChild(document.createTextNode(" " + message.text));
    list.appendChild(li);
  };
})();
