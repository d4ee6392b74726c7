// Sends the CSRF cookie back as a header on fetch() calls from our pages.
(function () {
  function cookie(name) {
    var m = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : '';
  }
  window.kioskFetch = function (url, opts) {
    opts = opts || {};
    opts.credentials = 'same-origin';
    opts.headers = Object.assign({'X-CSRF-Token': cookie('kiosk_csrf')}, opts.headers || {});
    return fetch(url, opts);
  };
  document.addEventListener('submit', function (e) {
    if (e.target.classList.contains('confirm') && !window.confirm('Are you sure?')) {
      e.preventDefault();
    }
  });
})();
