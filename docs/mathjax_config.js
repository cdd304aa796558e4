// Added to the MathJax 2 configuration of every page (Doxyfile.in, MATHJAX_CODEFILE): on a phone,
// a formula wider than its column breaks at an operator instead of running off the screen. (On a
// desktop the column is wide enough, and breaking would fold the formulas of narrow table cells.)
if (window.matchMedia && window.matchMedia("(max-width: 767px)").matches) {
  MathJax.Hub.Config({ SVG: { linebreaks: { automatic: true, width: "container" } } });
}
