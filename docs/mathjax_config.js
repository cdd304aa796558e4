// Added to the MathJax 2 configuration of every page (Doxyfile.in, MATHJAX_CODEFILE).
//
// An in-line formula wider than its paragraph (on a phone, a few are) would make the whole page
// scroll sideways. After MathJax has typeset the page, each such formula gets the class
// bp-wide-math, which notes.css turns into a box that scrolls on its own. (MathJax's automatic
// line breaking would also fold the formulas of narrow table cells, which a table handles by
// scrolling as a whole; display formulas scroll already.)
MathJax.Hub.Register.StartupHook("End", function () {
  function markWideFormulas() {
    var spans = document.querySelectorAll("div.contents .MathJax_SVG");
    for (var i = 0; i < spans.length; i++) {
      var span = spans[i], box = span.parentNode;
      if (!box || box.closest("td, th, .MathJax_SVG_Display")) continue;
      span.classList.remove("bp-wide-math");
      if (span.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) {
        span.classList.add("bp-wide-math");
      }
    }
  }
  markWideFormulas();
  var pending = null;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(markWideFormulas, 200);
  });
});
