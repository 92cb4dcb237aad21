// Sends this session's CSRF token with every htmx request; the token comes from a meta tag so that
// no inline script is needed (the Content-Security-Policy forbids it).
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta && meta.content) {
    event.detail.headers["X-CSRF-Token"] = meta.content;
  }
});

// Typed confirmations: the button stays disabled until the typed text matches data-confirm.
document.addEventListener("input", function (event) {
  var input = event.target;
  if (!input.matches || !input.matches("[data-confirm]")) {
    return;
  }
  var button = document.getElementById(input.getAttribute("data-confirm-button"));
  if (button) {
    button.disabled = input.value !== input.getAttribute("data-confirm");
  }
});
