#include "lr_schedules.h"

#include <cmath>
#include <numbers>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::optim {

double step_lr(double base, std::size_t step, std::size_t step_size, double gamma) {
  if (step_size == 0) {
    throw ValueError("step_lr: step_size must be at least 1");
  }
  // [ch06.7/step]
  bp::todo("ch06.7", "return base * gamma^(floor(step / step_size))");
  // [ch06.7/step]
}

double cosine_lr(double base, std::size_t step, std::size_t total, double minimum) {
  if (total == 0) {
    throw ValueError("cosine_lr: total must be at least 1");
  }
  // [ch06.7/cosine]
  bp::todo("ch06.7", "return minimum + (base - minimum) * (1 + cos(pi * step / total)) / 2");
  // [ch06.7/cosine]
}

}  // namespace bp::optim
