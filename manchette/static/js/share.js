/* Share links: the plain links work without this file. With it, phones that
 * have the Web Share API get one "Partager…" button opening the system sheet,
 * and "Copier le lien" copies the address instead of following it. */
(function () {
    "use strict";
    if (navigator.share && window.matchMedia("(pointer: coarse)").matches) {
        document.querySelectorAll("[data-share-native]").forEach(function (button) {
            button.parentElement.hidden = false;
            button.addEventListener("click", function () {
                navigator.share({
                    title: button.getAttribute("data-share-title"),
                    url: button.getAttribute("data-share-url")
                }).catch(function () { /* the reader closed the sheet */ });
            });
        });
    }
    document.querySelectorAll("[data-copy-link]").forEach(function (link) {
        link.addEventListener("click", function (event) {
            if (!navigator.clipboard) { return; }
            event.preventDefault();
            navigator.clipboard.writeText(link.href).then(function () {
                link.textContent = link.getAttribute("data-copied");
                link.setAttribute("aria-live", "polite");
            });
        });
    });
})();
