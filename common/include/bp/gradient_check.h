/// \file
/// \brief Central-difference gradient checking: the course's referee for every backward pass.
///
/// For a scalar loss L(θ) and each entry θᵢ of a parameter,
/// numeric ∂L/∂θᵢ = (L(θ + h eᵢ) − L(θ − h eᵢ)) / 2h, whose error is O(h²) (truncation) plus
/// O(ε·|L|/h) (rounding in double, ε ≈ 2.2e-16). Both are balanced near h ≈ ε^(1/3) ≈ 1e-5.
/// Analytic and numeric values a and n are compared by the relative error
/// |a − n| / max(|a| + |n|, tiny), so that large and small gradients are judged alike and
/// differences that are pure rounding noise around a zero gradient are not.
#pragma once

#include <functional>
#include <string>

#include "bp/eigen.h"

namespace bp {

/// The step, bound and noise floor of a gradient check (chapter 1 explains each choice).
struct GradientCheckOptions {
  double step = 1e-5;       ///< h: balances O(h²) truncation against O(ε/h) rounding
  double tolerance = 1e-6;  ///< largest accepted relative error
  double tiny = 1e-3;       ///< denominator floor: |a − n| ≤ tolerance·tiny always passes
};

/// The outcome of comparing an analytic gradient with central differences, entry by entry.
struct GradientCheckResult {
  std::string name;                ///< the parameter, as named by the caller ("W1")
  bool passed = false;             ///< every entry within tolerance, and the shapes agree
  bool shape_mismatch = false;     ///< the analytic gradient does not have the parameter's shape
  Eigen::Index rows = 0;           ///< the parameter's rows
  Eigen::Index cols = 0;           ///< the parameter's columns
  Eigen::Index analytic_rows = 0;  ///< the analytic gradient's rows
  Eigen::Index analytic_cols = 0;  ///< the analytic gradient's columns
  Eigen::Index worst_row = 0;      ///< row of the entry with the largest error
  Eigen::Index worst_col = 0;      ///< column of the entry with the largest error
  double analytic = 0.0;           ///< analytic value at the worst entry
  double numeric = 0.0;            ///< numeric value at the worst entry
  double relative_error = 0.0;     ///< relative error at the worst entry
  GradientCheckOptions options;    ///< what the check used

  /// \return a sentence a learner can act on: which parameter, which entry, both values, the
  ///         relative error
  std::string describe() const;
};

/// |a − n| / max(|a| + |n|, tiny).
/// \param analytic  a, the value under test
/// \param numeric   n, the central-difference estimate
/// \param tiny      the denominator's floor
/// \return          the relative error, ≥ 0 (NaN if either value is NaN)
double relative_error(double analytic, double numeric, double tiny);

/// The central-difference derivative of `loss` with respect to a scalar `param`.
/// `param` is perturbed in place and restored exactly before returning.
/// \param param  the scalar to differentiate with respect to
/// \param loss   evaluates the scalar loss at the current value of `param`
/// \param step   the central-difference step h
/// \return       (loss(param + h) − loss(param − h)) / 2h
double numeric_derivative(double& param, const std::function<double()>& loss, double step);

/// The central-difference gradient of `loss` with respect to every entry of `param`.
/// \param param  any shape (r, c); each entry is perturbed in place and restored
/// \param loss   evaluates the scalar loss at the current value of `param`
/// \param step   the central-difference step h
/// \return       shape (r, c), entry (i, j) ≈ ∂loss/∂param(i, j)
Eigen::MatrixXd numeric_gradient(Eigen::Ref<Eigen::MatrixXd> param,
                                 const std::function<double()>& loss, double step);

/// Compares an analytic gradient with central differences at every entry of `param`.
/// \param name      the parameter's name, used in the report ("W", "dx")
/// \param param     shape (r, c), perturbed in place and restored
/// \param analytic  shape (r, c), the gradient under test
/// \param loss      evaluates the scalar loss at the current value of `param`
/// \param options   step, tolerance and noise floor of the check
/// \return          the worst entry and whether the check passed
GradientCheckResult check_gradient(std::string name, Eigen::Ref<Eigen::MatrixXd> param,
                                   const Eigen::MatrixXd& analytic,
                                   const std::function<double()>& loss,
                                   GradientCheckOptions options = {});

/// The scalar form of check_gradient, for parameters held as plain doubles.
/// \param name      the parameter's name, used in the report
/// \param param     the scalar, perturbed in place and restored
/// \param analytic  the derivative under test
/// \param loss      evaluates the scalar loss at the current value of `param`
/// \param options   step, tolerance and noise floor of the check
/// \return          whether the check passed, with both values
GradientCheckResult check_gradient(std::string name, double& param, double analytic,
                                   const std::function<double()>& loss,
                                   GradientCheckOptions options = {});

}  // namespace bp
