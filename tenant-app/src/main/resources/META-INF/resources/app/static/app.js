// The staff web app's only script of its own: htmx requests carry the session's CSRF token (read
// from the page's meta tag, never inline script), and elements marked data-confirm ask first.
(function () {
  "use strict";
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }
  document.addEventListener("htmx:configRequest", function (event) {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  document.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-line]");
    if (!add) {
      return;
    }
    var template = document.getElementById("line-template");
    var lines = document.getElementById("lines");
    if (template && lines) {
      lines.appendChild(template.content.cloneNode(true));
    }
  });
})();
