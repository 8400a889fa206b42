/* "Répondre" without a page load: fills the hidden parent field and moves focus
   to the form. Without JavaScript the link reloads the page with ?repondre=ID. */
(function () {
  "use strict";
  var form = document.getElementById("commentform");
  if (!form) { return; }
  var parent = form.querySelector("input[name=parent]");
  var replying = form.querySelector("[data-replying]");
  var replyingText = form.querySelector("[data-replying-text]");
  var textarea = form.querySelector("textarea");
  document.querySelectorAll("[data-reply-to]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      parent.value = link.getAttribute("data-reply-to");
      replyingText.textContent = replying.getAttribute("data-prefix") + " " + link.getAttribute("data-reply-name");
      replying.hidden = false;
      form.scrollIntoView({ block: "start" });
      textarea.focus();
    });
  });
  // The server never echoes the e-mail address: keep it in this tab only, and
  // put it back when the form comes back with errors.
  var email = form.querySelector("input[name=email]");
  var key = "manchette-comment-email";
  try {
    if (email && !email.value && form.querySelector(".form-errors")) {
      email.value = window.sessionStorage.getItem(key) || "";
    }
    form.addEventListener("submit", function () {
      window.sessionStorage.setItem(key, email.value);
    });
  } catch (error) { /* storage disabled: the reader types it again */ }
  var cancel = form.querySelector("[data-cancel-reply]");
  cancel.addEventListener("click", function (event) {
    event.preventDefault();
    parent.value = "";
    replying.hidden = true;
  });
})();
