/// \file
/// \brief Tasks ch05.1–ch05.4: loss functions and their gradients, on batches.
///
/// Every loss returns its value and its gradient with respect to its first argument, in one
/// call: the gradient reuses the forward pass's intermediate values (softmax probabilities,
/// sigmoids), and chapter 7's training loop needs both.
///
/// Conventions follow PyTorch, and each function states its own: MSELoss averages over every
/// entry ("mean"), BCEWithLogitsLoss averages over every entry, CrossEntropyLoss averages over
/// the samples (columns). The ½Σ convention of chapter 1 is Reduction::HalfSum.
#pragma once

#include <vector>

#include "parameter.h"

namespace bp::nn {

/// A loss value and ∂loss/∂(first argument), which has that argument's shape.
template <typename T>
struct LossAndGradient {
  T value;             ///< the loss
  Matrix<T> gradient;  ///< ∂loss/∂(prediction or logits)
};

/// How a squared error is reduced over the m entries of a batch.
enum class Reduction {
  HalfSum,  ///< ½ Σ (ŷ − y)²: chapter 1's convention; the ½ cancels the square's 2
  Mean,     ///< (1/m) Σ (ŷ − y)²: PyTorch's MSELoss (reduction='mean'), no ½
};

/// Squared error between a prediction and a target. Task ch05.1.
/// \param prediction  ŷ, any shape (r, c), m = r·c entries
/// \param target      y, (r, c)
/// \param reduction   HalfSum or Mean
/// \return            the loss and ∂loss/∂ŷ: (ŷ − y) for HalfSum, (2/m)(ŷ − y) for Mean
/// \throws bp::ShapeError if the shapes differ; bp::ValueError for Mean with m = 0
template <typename T>
LossAndGradient<T> mse(const Matrix<T>& prediction, const Matrix<T>& target, Reduction reduction);

/// Binary cross-entropy computed from logits z (not probabilities), averaged over every entry:
/// L = (1/m) Σ [max(z, 0) − z·y + log(1 + e^(−|z|))], the stable form of
/// −(1/m) Σ [y log σ(z) + (1 − y) log(1 − σ(z))] (PyTorch's BCEWithLogitsLoss). Task ch05.2.
/// \param logits   z, any shape (r, c), m = r·c ≥ 1 entries
/// \param targets  y, (r, c), each in [0, 1]
/// \return         the loss and ∂L/∂z = (σ(z) − y)/m, finite for any finite z (even ±1000)
/// \throws bp::ShapeError if the shapes differ; bp::ValueError if m = 0 or a target is
///         outside [0, 1]
template <typename T>
LossAndGradient<T> binary_cross_entropy_with_logits(const Matrix<T>& logits,
                                                    const Matrix<T>& targets);

/// Softmax followed by cross-entropy, fused, for integer class labels, averaged over the N
/// samples: L = (1/N) Σₙ [logsumexp(z⋅ₙ) − z_{yₙ,n}] (PyTorch's CrossEntropyLoss). Task ch05.3.
/// \param logits  Z, (classes, N), N ≥ 1, one sample per column
/// \param labels  N labels, each in [0, classes)
/// \return        the loss and ∂L/∂Z = (softmax(Z) − onehot(labels))/N, (classes, N)
/// \throws bp::ShapeError if labels.size() ≠ N; bp::ValueError if N = 0 or a label is out of
///         range (the message names the sample and the label)
template <typename T>
LossAndGradient<T> softmax_cross_entropy(const Matrix<T>& logits, const std::vector<int>& labels);

/// The L2 penalty (λ/2)‖W‖² = (λ/2) Σ W², added to a loss to keep weights small. Task ch05.4.
/// \param W       a parameter, any shape (r, c)
/// \param lambda  λ ≥ 0
/// \return        the penalty and its gradient λW, (r, c)
/// \throws bp::ValueError if λ < 0 or λ is NaN
template <typename T>
LossAndGradient<T> l2_penalty(const Matrix<T>& W, T lambda);

}  // namespace bp::nn
