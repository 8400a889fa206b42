// Breaking news: the alert banner and live blog updates, both read from small
// shared endpoints (one cached copy serves every reader). No cookie, nothing
// about the reader is sent. Without JavaScript the pages work as they are.
// Requests say "no-cache": the browser asks again each time, and the shared
// cache (purged by tag on every change) answers without reaching the site.
(function () {
  "use strict";

  // Alert banner: fetched from /alerte/<language>.json on every page, hidden
  // again at its expiry without a reload.
  function showAlert(banner) {
    var url = banner.getAttribute("data-alert-url");
    if (!url || !window.fetch) return;
    fetch(url, { credentials: "omit", cache: "no-cache" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        var alert = data && data.alert;
        if (!alert) return;
        var expires = Date.parse(alert.expires);
        if (isNaN(expires) || expires <= Date.now()) return;
        var inner = document.createElement("p");
        inner.className = "alert-banner__inner";
        var label = document.createElement("span");
        label.className = "alert-banner__label";
        label.textContent = alert.label;
        inner.appendChild(label);
        var safeLink = /^(\/(?!\/)|https?:\/\/)/.test(alert.link || "");
        var text = document.createElement(safeLink ? "a" : "span");
        text.className = "alert-banner__text";
        text.textContent = alert.text;
        if (safeLink) text.setAttribute("href", alert.link);
        inner.appendChild(text);
        banner.replaceChildren(inner);
        banner.setAttribute("data-alert-id", String(alert.id));
        banner.hidden = false;
        setTimeout(function () {
          banner.hidden = true;
          banner.replaceChildren();
        }, Math.min(expires - Date.now(), 2147483000));
      })
      .catch(function () {});
  }

  // Live blog: polls the update endpoint every 10 s; new updates wait behind a
  // "N nouvelles mises à jour" button so that nothing moves under the reader.
  var POLL_MS = 10000;

  function liveBlog(list) {
    var url = list.getAttribute("data-endpoint");
    var button = document.querySelector(".live-updates__new");
    if (!url || !button || !window.fetch) return;
    var waiting = [];

    function known(id) {
      return document.getElementById("maj-" + id) !== null;
    }

    function fragment(html) {
      var template = document.createElement("template");
      template.innerHTML = html.trim();
      return template.content.firstElementChild;
    }

    function label() {
      var count = waiting.length;
      button.textContent = count === 1
        ? button.getAttribute("data-one")
        : button.getAttribute("data-many").replace("%(n)s", String(count));
      button.hidden = count === 0;
    }

    function poll() {
      fetch(url, { credentials: "omit", cache: "no-cache" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) return;
          var fresh = [];
          data.updates.forEach(function (update) {
            var current = document.getElementById("maj-" + update.id);
            if (current) {
              // A corrected update is replaced where it stands.
              if (update.edited && current.getAttribute("data-html") !== update.html) {
                var replacement = fragment(update.html);
                replacement.setAttribute("data-html", update.html);
                current.replaceWith(replacement);
              }
            } else if (!waiting.some(function (item) { return item.id === update.id; })) {
              fresh.push(update);
            }
          });
          waiting = fresh.concat(waiting).filter(function (item) { return !known(item.id); });
          label();
          if (data.status !== "live") clearInterval(timer);
        })
        .catch(function () {});
    }

    button.addEventListener("click", function () {
      var anchor = list.querySelector(".live-update:not(.live-update--pinned)");
      var empty = list.querySelector(".live-updates__empty");
      if (empty) empty.remove();
      // Oldest first, each before the newest shown so far: newest ends on top.
      waiting.slice().reverse().forEach(function (update) {
        var item = fragment(update.html);
        list.insertBefore(item, anchor);
        anchor = item;
      });
      waiting = [];
      label();
      if (anchor) {
        anchor.setAttribute("tabindex", "-1");
        anchor.focus();
      }
    });

    var timer = setInterval(poll, POLL_MS);
  }

  function start() {
    var banner = document.querySelector(".alert-banner[data-alert-url]");
    if (banner) showAlert(banner);
    var list = document.querySelector(".live-updates__list[data-endpoint]");
    if (list) liveBlog(list);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
