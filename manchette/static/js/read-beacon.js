// Counts one read of the article for the newsletter's "most read": after the
// page has been visible for 15 seconds, one beacon POST. No cookie, no identifier.
(function () {
  var script = document.currentScript;
  if (!script || !navigator.sendBeacon) return;
  var url = script.getAttribute("data-read-url");
  var visibleFor = 0;
  var timer = setInterval(function () {
    if (document.visibilityState !== "visible") return;
    visibleFor += 1;
    if (visibleFor >= 15) {
      clearInterval(timer);
      navigator.sendBeacon(url);
    }
  }, 1000);
})();
