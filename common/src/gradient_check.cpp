#include "bp/gradient_check.h"

#include <cmath>
#include <sstream>

#include "bp/shape.h"

namespace bp {

double relative_error(double analytic, double numeric, double tiny) {
  return std::abs(analytic - numeric) / std::max(std::abs(analytic) + std::abs(numeric), tiny);
}

double numeric_derivative(double& param, const std::function<double()>& loss, double step) {
  const double saved = param;
  param = saved + step;
  const double plus = loss();
  param = saved - step;
  const double minus = loss();
  param = saved;
  return (plus - minus) / (2.0 * step);
}

Eigen::MatrixXd numeric_gradient(Eigen::Ref<Eigen::MatrixXd> param,
                                 const std::function<double()>& loss, double step) {
  Eigen::MatrixXd gradient(param.rows(), param.cols());
  for (Eigen::Index j = 0; j < param.cols(); ++j) {
    for (Eigen::Index i = 0; i < param.rows(); ++i) {
      gradient(i, j) = numeric_derivative(param(i, j), loss, step);
    }
  }
  return gradient;
}

GradientCheckResult check_gradient(std::string name, Eigen::Ref<Eigen::MatrixXd> param,
                                   const Eigen::MatrixXd& analytic,
                                   const std::function<double()>& loss,
                                   GradientCheckOptions options) {
  GradientCheckResult result;
  result.name = std::move(name);
  result.options = options;
  result.rows = param.rows();
  result.cols = param.cols();
  result.analytic_rows = analytic.rows();
  result.analytic_cols = analytic.cols();
  if (analytic.rows() != param.rows() || analytic.cols() != param.cols()) {
    result.shape_mismatch = true;
    return result;
  }
  const Eigen::MatrixXd numeric = numeric_gradient(param, loss, options.step);
  result.relative_error = -1.0;
  for (Eigen::Index j = 0; j < param.cols(); ++j) {
    for (Eigen::Index i = 0; i < param.rows(); ++i) {
      const double error = relative_error(analytic(i, j), numeric(i, j), options.tiny);
      // A NaN error is the worst possible: report it rather than skipping it.
      if (std::isnan(error) || error > result.relative_error) {
        result.relative_error = error;
        result.worst_row = i;
        result.worst_col = j;
        result.analytic = analytic(i, j);
        result.numeric = numeric(i, j);
        if (std::isnan(error)) {
          return result;
        }
      }
    }
  }
  result.passed = result.relative_error <= options.tolerance;
  return result;
}

GradientCheckResult check_gradient(std::string name, double& param, double analytic,
                                   const std::function<double()>& loss,
                                   GradientCheckOptions options) {
  Eigen::MatrixXd as_matrix(1, 1);
  as_matrix(0, 0) = param;
  Eigen::MatrixXd analytic_matrix(1, 1);
  analytic_matrix(0, 0) = analytic;
  // The loss reads `param`, so mirror the matrix entry into it on every evaluation.
  auto mirrored_loss = [&] {
    param = as_matrix(0, 0);
    return loss();
  };
  GradientCheckResult result =
      check_gradient(std::move(name), as_matrix, analytic_matrix, mirrored_loss, options);
  param = as_matrix(0, 0);
  return result;
}

std::string GradientCheckResult::describe() const {
  std::ostringstream out;
  out.precision(9);
  if (shape_mismatch) {
    out << "the gradient of " << name << " has shape " << shape_string(analytic_rows, analytic_cols)
        << " but " << name << " has shape " << shape_string(rows, cols)
        << "; a gradient always has its parameter's shape";
    return out.str();
  }
  const bool scalar = rows == 1 && cols == 1;
  out << "d/d" << name;
  if (!scalar) {
    out << "(" << worst_row << ", " << worst_col << ")";
  }
  out << (passed ? ": largest" : ":") << " analytic " << analytic << " vs numeric " << numeric
      << ", relative error " << relative_error << (passed ? " <= " : " > ") << options.tolerance
      << " (central difference, h = " << options.step << ")";
  if (!passed && !scalar) {
    out << "; worst of " << rows * cols << " entries";
  }
  return out.str();
}

}  // namespace bp
