/// \file
/// \brief Task ch01.1: the central-difference derivative, the referee of every later chapter.
#pragma once

#include <functional>

namespace bp::calculus {

/// The step chapter 1 recommends in double precision: near ε^(1/3) ≈ 6e-6, where the O(h²)
/// truncation error and the O(ε/h) rounding error of a central difference are about equal.
inline constexpr double kDefaultStep = 1e-5;

/// f'(x) ≈ (f(x + h) − f(x − h)) / 2h, with error h²·f'''(x)/6 + O(ε/h).
/// \param f  any function of one real variable
/// \param x  where to differentiate
/// \param h  the step; must be positive and finite
/// \return   the estimate of f'(x)
/// \throws bp::ValueError if h is not positive and finite
double central_difference(const std::function<double(double)>& f, double x,
                          double h = kDefaultStep);

}  // namespace bp::calculus
