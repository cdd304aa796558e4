#include "gradient_clipping.h"

#include <cmath>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::optim {

template <typename T>
T clip_grad_norm(std::vector<nn::Parameter<T>>& params, T max_norm) {
  if (!(max_norm > T(0))) {
    throw ValueError("clip_grad_norm: max_norm must be positive, got " + std::to_string(max_norm));
  }
  // [ch06.6]
  bp::todo("ch06.6", "return the global norm; scale every gradient if it exceeds max_norm");
  // [ch06.6]
}

template double clip_grad_norm(std::vector<nn::Parameter<double>>&, double);
template float clip_grad_norm(std::vector<nn::Parameter<float>>&, float);

}  // namespace bp::optim
