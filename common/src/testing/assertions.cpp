#include "bp/testing/assertions.h"

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>

#include "bp/shape.h"

namespace bp::testing {

std::string show(double value) {
  std::ostringstream out;
  out << std::setprecision(10) << value;
  return out.str();
}

::testing::AssertionResult AgreesTo(std::string_view quantity, double actual, double expected,
                                    int significant_digits) {
  if (std::isfinite(actual) && expected != 0.0) {
    // Half a unit in the last printed digit of `expected`, plus a hair for binary rounding.
    const double exponent = std::floor(std::log10(std::abs(expected)));
    const double half_ulp = 0.5 * std::pow(10.0, exponent - (significant_digits - 1));
    if (std::abs(actual - expected) <= half_ulp * (1.0 + 1e-9)) {
      return ::testing::AssertionSuccess();
    }
  } else if (actual == expected) {
    return ::testing::AssertionSuccess();
  }
  std::ostringstream out;
  out << quantity << " is " << std::setprecision(significant_digits + 3) << actual
      << " but should be " << std::showpoint << std::setprecision(significant_digits) << expected
      << std::noshowpoint << " (to " << significant_digits << " significant digits)";
  return ::testing::AssertionFailure() << out.str();
}

::testing::AssertionResult IsNear(std::string_view quantity, double actual, double expected,
                                  double tolerance) {
  if (std::abs(actual - expected) <= tolerance) {
    return ::testing::AssertionSuccess();
  }
  std::ostringstream out;
  out << std::setprecision(12) << quantity << " is " << actual << " but should be ";
  if (tolerance == 0.0) {
    out << "exactly " << expected;
  } else {
    out << expected << " (within " << tolerance << ")";
  }
  return ::testing::AssertionFailure() << out.str();
}

::testing::AssertionResult GradientMatches(const GradientCheckResult& check) {
  if (check.passed) {
    return ::testing::AssertionSuccess() << check.describe();
  }
  return ::testing::AssertionFailure() << "gradient check failed: " << check.describe();
}

::testing::AssertionResult HasShape(std::string_view what, const Eigen::MatrixXd& m,
                                    Eigen::Index rows, Eigen::Index cols) {
  if (m.rows() == rows && m.cols() == cols) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << what << " has shape " << shape_of(m) << " but should be " << shape_string(rows, cols);
}

::testing::AssertionResult MatrixNear(std::string_view what, const Eigen::MatrixXd& actual,
                                      const Eigen::MatrixXd& expected, double tolerance) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
    return ::testing::AssertionFailure()
           << what << " has shape " << shape_of(actual) << " but should be " << shape_of(expected);
  }
  Eigen::Index worst_i = 0, worst_j = 0;
  double worst = -1.0;
  for (Eigen::Index j = 0; j < actual.cols(); ++j) {
    for (Eigen::Index i = 0; i < actual.rows(); ++i) {
      const double error = std::abs(actual(i, j) - expected(i, j));
      if (std::isnan(error) || error > worst) {
        worst = std::isnan(error) ? std::numeric_limits<double>::infinity() : error;
        worst_i = i;
        worst_j = j;
      }
    }
  }
  if (worst <= tolerance) {
    return ::testing::AssertionSuccess();
  }
  std::ostringstream out;
  out << std::setprecision(12) << what << "(" << worst_i << ", " << worst_j << ") is "
      << actual(worst_i, worst_j) << " but should be " << expected(worst_i, worst_j) << " (within "
      << tolerance << "); the worst of " << actual.size() << " entries";
  return ::testing::AssertionFailure() << out.str();
}

}  // namespace bp::testing
