// The two functions every optimizer of chapter 6 must minimise, and the loop that counts its
// steps: optimizers_test.cpp asserts a budget of steps, and docs/figures/ch06_convergence.cpp
// counts the steps the chapter quotes, with this same loop.
#pragma once

#include <Eigen/Core>
#include <functional>
#include <vector>

#include "optimizers.h"

namespace bp::testing::problems {

/// A gradient of f(x, y), as a function of (x, y).
using Gradient = std::function<Eigen::Vector2d(const Eigen::Vector2d&)>;

/// f(x, y) = ½(x² + 10y²): curvatures 1 and 10, minimum (0, 0).
inline const Gradient kBowl = [](const Eigen::Vector2d& v) {
  return Eigen::Vector2d(v(0), 10.0 * v(1));
};
/// f(x, y) = (1 − x)² + 100(y − x²)²: a curved, flat-bottomed valley, minimum (1, 1).
inline const Gradient kRosenbrock = [](const Eigen::Vector2d& v) {
  const double x = v(0), y = v(1);
  return Eigen::Vector2d(-2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x));
};

/// Steps the optimizer on one (2, 1) parameter until ‖v − target‖ < tolerance.
/// \return the number of steps taken, or −1 if `budget` steps were not enough or v stopped
///         being finite
inline int steps_to_reach(bp::optim::Optimizer<double>& optimizer, const Gradient& gradient,
                          Eigen::Vector2d start, const Eigen::Vector2d& target, double tolerance,
                          int budget) {
  bp::nn::Matrix<double> v = start, g(2, 1);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("v", v, g)};
  for (int step = 1; step <= budget; ++step) {
    g = gradient(v);
    optimizer.step(params);
    if ((v - target).norm() < tolerance) return step;
    if (!v.allFinite()) return -1;
  }
  return -1;
}

}  // namespace bp::testing::problems
