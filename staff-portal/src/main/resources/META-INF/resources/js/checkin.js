// The check-in page: shows the clinic's crisis line the moment an answer to a risk question is chosen,
// right under that question, where the client is looking. Without script the page shows it at the top
// of the next page once the step is sent; it never hides again once shown.
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target;
    var panel = document.getElementById("crisis");
    if (!panel || !input || !input.checked || input.getAttribute("data-risk") !== "true") {
      return;
    }
    if (panel.hidden) {
      var question = input.closest("fieldset");
      if (question && question.parentNode) {
        question.parentNode.insertBefore(panel, question.nextSibling);
      }
      panel.hidden = false;
      // Into view, scrolling no more than needed; focus stays on the answer (the alert is announced).
      panel.scrollIntoView({ block: "nearest" });
    }
  });
})();
