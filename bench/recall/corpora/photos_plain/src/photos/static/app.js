(function () {
  "use strict";
  var csrf = document.querySelector('meta[name="csrf-token"]').content;

  // live search suggestions
  var box = document.getElementById("search-box");
  var list = document.getElementById("suggestions");
  var timer = null;
  if (box && list) {
    box.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = box.value.trim();
        if (q.length < 2) { list.innerHTML = ""; return; }
        fetch(box.dataset.suggest + "?q=" + encodeURIComponent(q))
          .then(function (r) { return r.text(); })
          .then(function (html) { list.innerHTML = html; });
      }, 200);
    });
  }

  // likes
  document.querySelectorAll("button.like").forEach(function (btn) {
    btn.addEventListener("click", function () {
      fetch(btn.dataset.url, { method: "POST", headers: { "X-CSRF-Token": csrf }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          var n = btn.querySelector("span");
          n.textContent = parseInt(n.textContent, 10) + (data.liked ? 1 : -1);
          btn.classList.toggle("liked", data.liked);
        });
    });
  });

  // follow / unfollow
  var follow = document.getElementById("follow-btn");
  if (follow) {
    follow.addEventListener("click", function () {
      fetch(follow.dataset.url, { method: "POST", credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          follow.textContent = data.following ? "Unfollow" : "Follow";
          document.getElementById("follower-count").textContent = data.followers;
        });
    });
  }
})();
