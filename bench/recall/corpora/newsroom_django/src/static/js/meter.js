(function () {
  var match = document.cookie.match(/(?:^|; )gz_meter_left=(\d+)/);
  if (!match) return;
  var left = parseInt(match[1], 10);
  var banner = document.getElementById("meter-banner");
  if (!banner || left > 3) return;
  banner.textContent = left === 0
    ? "That was your last free story this month."
    : left + (left === 1 ? " free story" : " free stories") + " left this month.";
  banner.hidden = false;
})();
