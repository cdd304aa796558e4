// Helpers shared by chapter 8's tests: applying one node's rule alone, checking a rule against
// central differences for every operand, and comparing matrices to a relative tolerance.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "bp/gradient_check.h"
#include "bp/random.h"
#include "bp/shape.h"
#include "bp/testing/assertions.h"
#include "tensor.h"
#include "tensor_ops.h"

namespace ch08_testing {

using bp::autograd::Tensor;
using Matrix = bp::nn::Matrix<double>;

// A leaf that requires a gradient (a parameter, or an input whose gradient a test checks).
inline Tensor<double> leaf(const Matrix& value, std::string label = {}) {
  return Tensor<double>(value, {.requires_grad = true, .label = std::move(label)});
}

// Data: a leaf without a gradient.
inline Tensor<double> data(const Matrix& value) { return Tensor<double>(value); }

// A (rows, cols) matrix of entries uniform in [lo, hi), from its own seed.
inline Matrix uniform(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed, double lo = -1.0,
                      double hi = 1.0) {
  return bp::random_uniform(rows, cols, seed, lo, hi);
}

// Applies the rule of Y alone, with ∂root/∂Y = upstream and every operand's gradient starting at
// zero: afterwards operand.grad is upstream·∂Y/∂operand. Tests a rule without backward().
inline void apply_rule(const Tensor<double>& Y, const Matrix& upstream) {
  bp::autograd::TensorNode<double>& node = Y.node();
  for (bp::autograd::TensorNode<double>* operand : {node.lhs.get(), node.rhs.get()}) {
    if (operand != nullptr && operand->requires_grad) {
      operand->grad.setZero(operand->value.rows(), operand->value.cols());
    }
  }
  node.grad = upstream;
  bp::autograd::propagate(node);
}

// An operation under test, applied to its operands.
using Operation = std::function<Tensor<double>(const std::vector<Tensor<double>>&)>;

// Checks the rule of one operation for every operand: with a random upstream gradient G of the
// result's shape (not all ones, so that a rule that forgets to multiply by it fails), operand k's
// gradient must be the central-difference gradient of Σ G ⊙ op(inputs) with respect to input k.
// `inputs` are the operands' values; the same leaf may be used twice by the operation.
inline ::testing::AssertionResult RuleMatchesCentralDifferences(const std::string& name,
                                                                const Operation& op,
                                                                std::vector<Matrix> inputs,
                                                                std::uint64_t seed = 1) {
  std::vector<Tensor<double>> leaves;
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    leaves.push_back(leaf(inputs[k], "input " + std::to_string(k)));
  }
  const Tensor<double> Y = op(leaves);
  const Matrix G = uniform(Y.rows(), Y.cols(), seed);
  try {
    apply_rule(Y, G);
  } catch (const bp::ShapeError& e) {
    return ::testing::AssertionFailure()
           << name << ": the rule failed with a shape error: " << e.what()
           << "\n  (each operand's gradient has the operand's own shape: check every transpose "
              "and every sum over a broadcast)";
  }
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    const auto loss = [&] {
      std::vector<Tensor<double>> constants;
      for (const Matrix& m : inputs) constants.emplace_back(m);
      return G.cwiseProduct(op(constants).value()).sum();
    };
    const bp::GradientCheckResult check = bp::check_gradient(
        name + ", gradient of operand " + std::to_string(k), inputs[k], leaves[k].grad(), loss);
    if (!check.passed) {
      return ::testing::AssertionFailure() << check.describe();
    }
  }
  return ::testing::AssertionSuccess();
}

// Passes when both matrices have the same shape and every entry agrees to `tolerance` relative
// to the larger of the two (exact zeros agree with zeros): the failure names the worst entry.
inline ::testing::AssertionResult RelativelyEqual(const std::string& what, const Matrix& actual,
                                                  const Matrix& expected, double tolerance) {
  if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
    return ::testing::AssertionFailure() << what << " has shape " << bp::shape_of(actual) << " but "
                                         << bp::shape_of(expected) << " was expected";
  }
  double worst = -1.0;
  Eigen::Index wi = 0, wj = 0;
  for (Eigen::Index j = 0; j < actual.cols(); ++j) {
    for (Eigen::Index i = 0; i < actual.rows(); ++i) {
      const double a = actual(i, j), e = expected(i, j);
      const double scale = std::max(std::abs(a), std::abs(e));
      const double error = scale == 0.0 ? 0.0 : std::abs(a - e) / scale;
      if (std::isnan(error)) {
        return ::testing::AssertionFailure() << what << ": entry (" << i << ", " << j << ") is "
                                             << a << " but " << e << " was expected";
      }
      if (error > worst) {
        worst = error;
        wi = i;
        wj = j;
      }
    }
  }
  if (worst <= tolerance) {
    return ::testing::AssertionSuccess();
  }
  std::ostringstream message;
  message.precision(17);  // enough digits to tell apart numbers that differ in the last bits
  message << what << ": entry (" << wi << ", " << wj << ") is " << actual(wi, wj) << " but "
          << expected(wi, wj) << " was expected (relative error " << worst << ", allowed "
          << tolerance << ")";
  return ::testing::AssertionFailure() << message.str();
}

}  // namespace ch08_testing
