/// \file
/// \brief Shape checks that fail with a clear exception naming the function and both shapes.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "bp/eigen.h"

namespace bp {

/// Thrown when an argument's shape (or size) does not fit; the message names the function,
/// the argument and both shapes.
class ShapeError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Thrown when an argument's value is not acceptable (non-finite, out of range, empty).
class ValueError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// "(rows, cols)", the way the course writes shapes; a negative extent prints as "?".
/// \param rows  the number of rows
/// \param cols  the number of columns
/// \return      "(rows, cols)"
std::string shape_string(Eigen::Index rows, Eigen::Index cols);

/// "(rows, cols)" of a matrix.
/// \param m  any Eigen matrix or expression
/// \return   "(rows, cols)"
template <typename Derived>
std::string shape_of(const Eigen::EigenBase<Derived>& m) {
  return shape_string(m.rows(), m.cols());
}

/// Requires `m` to be (rows, cols); a negative expected extent means "any" and prints as "?".
/// \param function  the caller, named in the error ("Linear::forward")
/// \param name      the argument, named in the error ("x")
/// \param m         the matrix to check, any shape
/// \param rows      the expected rows, or negative for any
/// \param cols      the expected columns, or negative for any
/// \throws ShapeError "Linear::forward: x has shape (3, 5) but (4, ?) was expected"
template <typename Derived>
void require_shape(std::string_view function, std::string_view name,
                   const Eigen::EigenBase<Derived>& m, Eigen::Index rows, Eigen::Index cols) {
  if ((rows >= 0 && m.rows() != rows) || (cols >= 0 && m.cols() != cols)) {
    throw ShapeError(std::string(function) + ": " + std::string(name) + " has shape " +
                     shape_of(m) + " but " + shape_string(rows, cols) + " was expected");
  }
}

/// Requires `a` and `b` to have the same shape.
/// \param function  the caller, named in the error
/// \param name_a    the first argument's name
/// \param a         the first argument, any shape
/// \param name_b    the second argument's name
/// \param b         the second argument, the same shape as `a`
/// \throws ShapeError "mse: prediction has shape (1, 4) but target has shape (4, 1)"
template <typename A, typename B>
void require_same_shape(std::string_view function, std::string_view name_a,
                        const Eigen::EigenBase<A>& a, std::string_view name_b,
                        const Eigen::EigenBase<B>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) {
    throw ShapeError(std::string(function) + ": " + std::string(name_a) + " has shape " +
                     shape_of(a) + " but " + std::string(name_b) + " has shape " + shape_of(b));
  }
}

/// Requires two sizes to agree (for sizes that are not matrix extents).
/// \param function  the caller, named in the error
/// \param name_a    what `a` counts ("inputs")
/// \param a         the first size
/// \param name_b    what `b` counts ("targets")
/// \param b         the second size, equal to `a`
/// \throws ShapeError "relu_network_loss: 3 inputs but 2 targets"
void require_same_size(std::string_view function, std::string_view name_a, std::size_t a,
                       std::string_view name_b, std::size_t b);

}  // namespace bp
