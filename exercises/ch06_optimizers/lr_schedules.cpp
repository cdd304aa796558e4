#include "lr_schedules.h"

#include <cmath>
#include <numbers>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::optim {
namespace {

// A schedule's rates are learning rates: >= 0 and finite, as Optimizer::set_learning_rate wants
// them. Written so that NaN fails too.
void require_rate(const char* schedule, const char* what, double rate) {
  if (!(rate >= 0.0) || !std::isfinite(rate)) {
    throw ValueError(std::string(schedule) + ": " + what + " must be >= 0 and finite, got " +
                     std::to_string(rate));
  }
}

}  // namespace

double step_lr(double base, std::size_t step, std::size_t step_size, double gamma) {
  if (step_size == 0) {
    throw ValueError("step_lr: step_size must be at least 1");
  }
  require_rate("step_lr", "the base rate", base);
  if (!(gamma >= 0.0 && gamma <= 1.0)) {  // a decay: γ > 1 would grow the rate without bound
    throw ValueError("step_lr: gamma must be in [0, 1], got " + std::to_string(gamma));
  }
  // [ch06.7/step]
  bp::todo("ch06.7", "return base * gamma^(floor(step / step_size))");
  // [ch06.7/step]
}

double cosine_lr(double base, std::size_t step, std::size_t total, double minimum) {
  if (total == 0) {
    throw ValueError("cosine_lr: total must be at least 1");
  }
  require_rate("cosine_lr", "the base rate", base);
  require_rate("cosine_lr", "the minimum", minimum);
  if (minimum > base) {  // annealing lowers the rate: a minimum above the base is swapped arguments
    throw ValueError("cosine_lr: the minimum " + std::to_string(minimum) +
                     " is larger than the base rate " + std::to_string(base));
  }
  // [ch06.7/cosine]
  bp::todo("ch06.7", "return minimum + (base - minimum) * (1 + cos(pi * step / total)) / 2");
  // [ch06.7/cosine]
}

}  // namespace bp::optim
