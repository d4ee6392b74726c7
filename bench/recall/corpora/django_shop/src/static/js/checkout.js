// Progressive enhancement for the basket: remove lines without a full page reload.
(function () {
  function getCookie(name) {
    const match = document.cookie.match(new RegExp("(^|;\\s*)" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[2]) : null;
  }

  document.addEventListener("submit", async function (event) {
    const form = event.target;
    if (!form.matches(".basket form")) return;
    event.preventDefault();
    const response = await fetch(form.action, {
      method: "POST",
      headers: { "X-CSRFToken": getCookie("csrftoken") },
      credentials: "same-origin",
    });
    if (response.ok) {
      form.closest("tr").remove();
    } else {
      form.submit();
    }
  });
})();
