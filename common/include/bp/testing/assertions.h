/// \file
/// \brief GoogleTest predicates whose failure messages teach: they name the quantity, the shapes,
/// the worst entry and both values, never a bare "expected true".
///
/// Use them inside EXPECT_TRUE / ASSERT_TRUE:
/// \code
/// EXPECT_TRUE(bp::testing::AgreesTo("a = sigmoid(z)", fwd.a, 0.952574, 6));
/// EXPECT_TRUE(bp::testing::GradientMatches(bp::check_gradient("W", W, dW, loss)));
/// \endcode
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "bp/eigen.h"
#include "bp/gradient_check.h"

namespace bp::testing {

/// A number as a person writes it ("-0.8", not GoogleTest's "-0.80000000000000004").
/// \param value  any double
/// \return       up to 10 significant digits
std::string show(double value);

/// Passes when `actual` rounds to `expected` at `significant_digits` significant digits, the way a
/// worked example prints its numbers (0.9525741 agrees with 0.952574 to 6 digits).
/// \param quantity  what the number is, named in the failure ("a = sigmoid(z)")
/// \param actual    the computed value
/// \param expected  the value as the worked example prints it
/// \param significant_digits  how many significant digits must agree
/// \return          success, or a failure naming the quantity and both values
::testing::AssertionResult AgreesTo(std::string_view quantity, double actual, double expected,
                                    int significant_digits);

/// Passes when |actual − expected| ≤ tolerance; the failure names the quantity and both values.
/// \param quantity   what the number is, named in the failure
/// \param actual     the computed value
/// \param expected   the correct value
/// \param tolerance  the largest accepted absolute difference
/// \return           success, or a failure naming the quantity and both values
::testing::AssertionResult IsNear(std::string_view quantity, double actual, double expected,
                                  double tolerance);

/// Passes when the gradient check passed; the failure is the check's own description.
/// \param check  the result of bp::check_gradient
/// \return       success, or a failure naming the parameter, the worst entry and both values
::testing::AssertionResult GradientMatches(const GradientCheckResult& check);

/// Passes when `m` has shape (rows, cols); the failure names both shapes.
/// \param what  the matrix's name, used in the failure
/// \param m     the matrix, any shape
/// \param rows  the expected rows
/// \param cols  the expected columns
/// \return      success, or a failure naming both shapes
::testing::AssertionResult HasShape(std::string_view what, const Eigen::MatrixXd& m,
                                    Eigen::Index rows, Eigen::Index cols);

/// Passes when both matrices have the same shape and every entry differs by at most `tolerance`;
/// the failure names the worst entry and both values there.
/// \param what       the matrix's name, used in the failure
/// \param actual     the computed matrix
/// \param expected   the correct matrix
/// \param tolerance  the largest accepted absolute difference per entry
/// \return           success, or a failure naming the shapes or the worst entry
::testing::AssertionResult MatrixNear(std::string_view what, const Eigen::MatrixXd& actual,
                                      const Eigen::MatrixXd& expected, double tolerance);

}  // namespace bp::testing
