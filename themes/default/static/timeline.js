// annals timeline: a filter box over tags, names and text, and j/k to move between events.
// The page works without it; this only adds to it.
(function () {
  "use strict";
  var events = Array.prototype.slice.call(document.querySelectorAll(".timeline article"));
  if (!events.length) return;
  var timeline = document.querySelector(".timeline");
  var count = document.getElementById("count");
  var total = count ? count.textContent : "";

  var form = document.createElement("form");
  form.className = "filter";
  form.setAttribute("role", "search");
  form.innerHTML = '<label for="annals-filter">Filter events</label>' +
    '<input id="annals-filter" type="search" autocomplete="off" placeholder="tag, name or word">' +
    '<p class="hint">Press <kbd>j</kbd> / <kbd>k</kbd> to move between events.</p>';
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  timeline.parentNode.insertBefore(form, timeline);
  var input = form.querySelector("input");
  if (count) count.setAttribute("aria-live", "polite");

  var haystacks = events.map(function (el) {
    el.tabIndex = -1;
    return [el.dataset.tags || "", el.dataset.entities || "", el.textContent].join(" ").toLowerCase();
  });

  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    events.forEach(function (el, i) {
      var match = words.every(function (w) { return haystacks[i].indexOf(w) !== -1; });
      el.hidden = !match;
      if (match) shown++;
    });
    document.querySelectorAll(".month, .year").forEach(function (section) {
      section.hidden = !section.querySelector("article:not([hidden])");
    });
    if (count) count.textContent = words.length ? shown + " of " + total : total;
  }
  input.addEventListener("input", apply);

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var tag = (e.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || e.target.isContentEditable) return;
    if (e.key !== "j" && e.key !== "k") return;
    var visible = events.filter(function (el) { return !el.hidden; });
    if (!visible.length) return;
    var current = visible.indexOf(document.activeElement.closest ? document.activeElement.closest(".timeline article") : null);
    var next = e.key === "j" ? current + 1 : current - 1;
    if (current === -1) next = e.key === "j" ? 0 : visible.length - 1;
    next = Math.max(0, Math.min(visible.length - 1, next));
    visible[next].focus();
    visible[next].scrollIntoView({ block: "center" });
    e.preventDefault();
  });
})();
