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
  T squares = T(0);
  for (const nn::Parameter<T>& p : params) {
    squares += p.grad.squaredNorm();
  }
  const T norm = std::sqrt(squares);
  if (norm > max_norm) {
    const T scale = max_norm / (norm + T(1e-6));
    for (nn::Parameter<T>& p : params) {
      p.grad *= scale;
    }
  }
  return norm;
  // [ch06.6]
}

template double clip_grad_norm(std::vector<nn::Parameter<double>>&, double);
template float clip_grad_norm(std::vector<nn::Parameter<float>>&, float);

}  // namespace bp::optim
