#include "central_difference.h"

#include <cmath>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::calculus {

double central_difference(const std::function<double(double)>& f, double x, double h) {
  if (!(h > 0.0) || !std::isfinite(h)) {
    throw ValueError("central_difference: the step h must be positive and finite, got " +
                     std::to_string(h));
  }
  // [ch01.1]
  bp::todo("ch01.1", "return the central-difference estimate of f'(x) with step h");
  // [ch01.1]
}

}  // namespace bp::calculus
