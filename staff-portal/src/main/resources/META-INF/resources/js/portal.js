// After htmx replaced the main content (a status move, a saved row), put keyboard and screen-reader
// focus at the top of the new content, as a full page load would.
document.addEventListener("htmx:afterSwap", function (event) {
  var main = document.getElementById("main");
  if (main && event.detail.target && event.detail.target.id === "main") {
    main.focus();
    window.scrollTo(0, 0);
  }
});
