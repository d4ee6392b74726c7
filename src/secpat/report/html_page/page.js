// Filters for the secpat HTML report: by pattern, minimum severity and file. No network, no storage.
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  var pattern = document.getElementById("filter-pattern");
  var severity = document.getElementById("filter-severity");
  var file = document.getElementById("filter-file");
  var reset = document.getElementById("filter-reset");
  var count = document.getElementById("filter-count");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var containers = Array.prototype.slice.call(document.querySelectorAll(".rule, .pattern-group"));
  if (!bar || findings.length === 0) {
    return;
  }
  bar.hidden = false;

  function apply() {
    var shown = 0;
    findings.forEach(function (finding) {
      var visible = (!pattern.value || finding.dataset.pattern === pattern.value) &&
        (!severity.value || Number(finding.dataset.rank) >= Number(severity.value)) &&
        (!file.value || finding.dataset.path === file.value);
      finding.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    // A rule or pattern heading stays only while one of its findings is shown.
    containers.forEach(function (container) {
      container.hidden = container.querySelector(".finding:not([hidden])") === null;
    });
    if (shown === findings.length) {
      count.textContent = findings.length === 1 ? "the one finding shown" : "all " + findings.length + " findings shown";
    } else {
      count.textContent = shown + " of " + findings.length + " findings shown";
    }
    reset.disabled = !pattern.value && !severity.value && !file.value;
  }

  [pattern, severity, file].forEach(function (select) {
    select.addEventListener("change", apply);
  });
  reset.addEventListener("click", function () {
    pattern.value = "";
    severity.value = "";
    file.value = "";
    apply();
  });
  // A failed box of the checklist shows that pattern's findings alone.
  Array.prototype.slice.call(document.querySelectorAll("[data-show-pattern]")).forEach(function (link) {
    link.addEventListener("click", function () {
      pattern.value = link.dataset.showPattern;
      severity.value = "";
      file.value = "";
      apply();
    });
  });
  apply();
}());
