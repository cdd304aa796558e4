/// \file
/// \brief Task ch07.4: dropout, the layer that behaves differently in training and in evaluation.
#pragma once

#include <cstdint>

#include "bp/random.h"
#include "layer.h"

namespace bp::nn {

/// Inverted dropout. In training mode each entry is kept with probability 1 − p and scaled by
/// 1/(1 − p), or zeroed, so E[output] = input; in evaluation mode the layer is the identity.
/// Remembers the mask M (features, N) of entries 0 or 1/(1 − p) for backward.
/// \tparam T  double or float
template <typename T = double>
class Dropout : public Layer<T> {
 public:
  /// \param p     the probability of dropping an entry, 0 ≤ p < 1
  /// \param seed  the seed of the layer's own engine, so that training is reproducible
  /// \throws bp::ValueError if p is outside [0, 1)
  explicit Dropout(double p, std::uint64_t seed = 0);

  /// \param X  (features, N)
  /// \return   Y = X ⊙ M in training mode with a fresh mask M; X in evaluation mode
  Matrix<T> forward(const Matrix<T>& X) override;

  /// \param dY  (features, N), the shape of the last forward's output
  /// \return    dX = dY ⊙ M, the same mask as the forward pass; dY in evaluation mode
  /// \throws bp::ShapeError if dY does not have the last output's shape
  Matrix<T> backward(const Matrix<T>& dY) override;

  /// \return the probability of dropping an entry
  double p() const { return p_; }

 private:
  double p_;
  Rng rng_;
  Matrix<T> mask_;  // (features, N): 0 or 1/(1 − p); empty after an evaluation-mode forward
};

extern template class Dropout<double>;
extern template class Dropout<float>;

}  // namespace bp::nn
