/// \file
/// \brief The matrix types of chapters 3–7, and the view of a parameter that optimizers use.
///
/// Shapes: samples are columns. A batch X is (features, N); a weight W is (out, in); a bias b is
/// (out). Eigen stores matrices column by column, so each sample is contiguous in memory.
/// (PyTorch puts one sample per row instead: its X is (N, features) and its y = x Wᵀ + b.)
///
/// Every layer is a class template on the scalar type T: the course checks gradients in double,
/// and chapter 7 may train in float, from the same source (explicit instantiations in the .cpp).
#pragma once

#include <string>
#include <vector>

#include "bp/eigen.h"
#include "bp/shape.h"

namespace bp::nn {

/// A dense matrix of T, column-major.
template <typename T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

/// A dense column vector of T.
template <typename T>
using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

/// One parameter of a layer and its gradient, as an optimizer sees them (chapter 6): both views
/// have the parameter's shape and alias the layer's own storage, so an update writes the layer.
template <typename T>
struct Parameter {
  std::string name;             ///< "W" or "b", for messages
  Eigen::Map<Matrix<T>> value;  ///< the parameter, any shape (r, c)
  Eigen::Map<Matrix<T>> grad;   ///< its gradient, (r, c)
};

/// A Parameter viewing `value` and `grad`, which must have the same type and shape.
/// \param name   the parameter's name, for messages
/// \param value  the parameter's storage, any shape (r, c); it must outlive the view
/// \param grad   its gradient's storage, (r, c)
/// \return       views aliasing both
/// \throws bp::ShapeError if the shapes differ
template <typename Dense>
Parameter<typename Dense::Scalar> view_of(std::string name, Dense& value, Dense& grad) {
  using T = typename Dense::Scalar;
  require_same_shape("view_of", "value", value, "grad", grad);
  return {std::move(name), Eigen::Map<Matrix<T>>(value.data(), value.rows(), value.cols()),
          Eigen::Map<Matrix<T>>(grad.data(), grad.rows(), grad.cols())};
}

}  // namespace bp::nn
