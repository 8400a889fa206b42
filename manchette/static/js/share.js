/* Share links: the plain links work without this file. With it, "Copier le
 * lien" copies the address instead of following it; on phones that have the
 * Web Share API, the same link (same place, so nothing moves) becomes
 * "Partager…" and opens the system share sheet. */
(function () {
    "use strict";
    var native = navigator.share && window.matchMedia("(pointer: coarse)").matches;
    document.querySelectorAll("[data-copy-link]").forEach(function (link) {
        if (native) {
            link.textContent = link.getAttribute("data-share-label");
            link.classList.add("share__link--native");
        }
        link.addEventListener("click", function (event) {
            if (native) {
                event.preventDefault();
                navigator.share({
                    title: link.getAttribute("data-share-title"),
                    url: link.href
                }).catch(function () { /* the reader closed the sheet */ });
                return;
            }
            if (!navigator.clipboard) { return; }
            event.preventDefault();
            navigator.clipboard.writeText(link.href).then(function () {
                link.textContent = link.getAttribute("data-copied");
                link.setAttribute("aria-live", "polite");
            });
        });
    });
})();
