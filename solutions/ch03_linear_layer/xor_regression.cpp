#include "xor_regression.h"

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {
namespace {

void require_targets(const char* function, const Matrix<double>& Z, const Matrix<double>& Y) {
  require_same_shape(function, "Z", Z, "Y", Y);
  if (Z.size() == 0) {
    throw ValueError(std::string(function) + ": Z and Y are empty; a mean of nothing is undefined");
  }
}

}  // namespace

Matrix<double> xor_inputs() {
  Matrix<double> X(2, 4);
  X << 0, 0, 1, 1,  //
      0, 1, 0, 1;
  return X;
}

Matrix<double> xor_targets() {
  Matrix<double> Y(1, 4);
  Y << 0, 1, 1, 0;
  return Y;
}

double mean_squared_error(const Matrix<double>& Z, const Matrix<double>& Y) {
  require_targets("mean_squared_error", Z, Y);
  // [ch03.3/loss]
  return (Y - Z).squaredNorm() / static_cast<double>(Z.size());
  // [ch03.3/loss]
}

Matrix<double> mean_squared_error_gradient(const Matrix<double>& Z, const Matrix<double>& Y) {
  require_targets("mean_squared_error_gradient", Z, Y);
  // [ch03.3/gradient]
  return -(2.0 / static_cast<double>(Z.size())) * (Y - Z);
  // [ch03.3/gradient]
}

std::vector<double> fit(Linear<double>& layer, const Matrix<double>& X, const Matrix<double>& Y,
                        double learning_rate, int steps) {
  std::vector<double> losses;
  // [ch03.4]
  for (int step = 0; step < steps; ++step) {
    const Matrix<double> Z = layer.forward(X);
    losses.push_back(mean_squared_error(Z, Y));
    layer.backward(mean_squared_error_gradient(Z, Y));
    for (Parameter<double>& p : layer.parameters()) {
      p.value -= learning_rate * p.grad;
    }
  }
  // [ch03.4]
  return losses;
}

}  // namespace bp::nn
