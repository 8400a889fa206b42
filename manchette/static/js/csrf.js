/* Fills the CSRF token of forms on cached pages.
 *
 * Cached pages are shared by every reader, so their forms carry an empty
 * "csrfmiddlewaretoken". When a reader starts filling in such a form (or
 * submits it), one request to the token endpoint sets the CSRF cookie and
 * returns a token, which goes into every empty token field of the page.
 * A page view without a form interaction costs no request.
 */
(function () {
    "use strict";
    var script = document.currentScript;
    var endpoint = (script && script.dataset.csrfUrl) || "/csrf/";
    var pending = null;

    function token() {
        if (!pending) {
            pending = fetch(endpoint, {
                credentials: "same-origin",
                cache: "no-store",
                headers: { Accept: "application/json" }
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error("CSRF token: HTTP " + response.status);
                }
                return response.json();
            }).then(function (data) {
                return data.token;
            }).catch(function (error) {
                pending = null;
                throw error;
            });
        }
        return pending;
    }

    function emptyFields(form) {
        return Array.prototype.filter.call(
            form.querySelectorAll('input[name="csrfmiddlewaretoken"]'),
            function (input) { return !input.value; }
        );
    }

    function fill(form) {
        var fields = emptyFields(form);
        if (!fields.length) {
            return Promise.resolve();
        }
        return token().then(function (value) {
            fields.forEach(function (input) { input.value = value; });
        });
    }

    document.addEventListener("focusin", function (event) {
        var form = event.target && event.target.form;
        if (form) {
            fill(form).catch(function () {});
        }
    });

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!emptyFields(form).length) {
            return;
        }
        event.preventDefault();
        var submitter = event.submitter;
        fill(form).then(function () {
            if (form.requestSubmit) {
                form.requestSubmit(submitter || undefined);
            } else {
                form.submit();
            }
        }, function () {
            // Without a token the server answers 403 with its own message.
            form.submit();
        });
    }, true);
}());
