// The check-in page: shows the clinic's crisis line the moment an answer to a risk question is chosen.
// Without script the page shows it after that step is sent; it never hides again once shown.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    var panel = document.getElementById("crisis");
    if (panel && input && input.checked && input.getAttribute("data-risk") === "true") {
      panel.hidden = false;
    }
  });
})();
