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
  bp::todo("ch03.3", "return the mean of (Y - Z)^2 over all entries");
  // [ch03.3/loss]
}

Matrix<double> mean_squared_error_gradient(const Matrix<double>& Z, const Matrix<double>& Y) {
  require_targets("mean_squared_error_gradient", Z, Y);
  // [ch03.3/gradient]
  bp::todo("ch03.3", "return dL/dZ = -(2/m)(Y - Z), m the number of entries");
  // [ch03.3/gradient]
}

std::vector<double> fit(Linear<double>& layer, const Matrix<double>& X, const Matrix<double>& Y,
                        double learning_rate, int steps) {
  std::vector<double> losses;
  // [ch03.4]
  bp::todo("ch03.4", "for each step: forward, record the loss, backward, p.value -= lr * p.grad");
  // [ch03.4]
  return losses;
}

}  // namespace bp::nn
