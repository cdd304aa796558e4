#include "init.h"

#include <cmath>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::nn {
namespace {

void require_fans(const char* function, Eigen::Index fan_out, Eigen::Index fan_in) {
  if (fan_out < 1 || fan_in < 1) {
    throw ValueError(std::string(function) + ": fan_out and fan_in must be at least 1, got " +
                     std::to_string(fan_out) + " and " + std::to_string(fan_in));
  }
}

}  // namespace

template <typename T>
Matrix<T> xavier_uniform(Eigen::Index fan_out, Eigen::Index fan_in, Rng& rng) {
  require_fans("xavier_uniform", fan_out, fan_in);
  // [ch07.2/xavier]
  bp::todo("ch07.2", "U[-a, a) of shape (fan_out, fan_in), a = sqrt(6 / (fan_in + fan_out))");
  // [ch07.2/xavier]
}

template <typename T>
Matrix<T> he_normal(Eigen::Index fan_out, Eigen::Index fan_in, Rng& rng) {
  require_fans("he_normal", fan_out, fan_in);
  // [ch07.2/he]
  bp::todo("ch07.2", "return N(0, 2 / fan_in) of shape (fan_out, fan_in)");
  // [ch07.2/he]
}

template Matrix<double> xavier_uniform<double>(Eigen::Index, Eigen::Index, Rng&);
template Matrix<float> xavier_uniform<float>(Eigen::Index, Eigen::Index, Rng&);
template Matrix<double> he_normal<double>(Eigen::Index, Eigen::Index, Rng&);
template Matrix<float> he_normal<float>(Eigen::Index, Eigen::Index, Rng&);

}  // namespace bp::nn
