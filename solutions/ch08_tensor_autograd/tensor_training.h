/// \file
/// \brief Task ch08.9: training a Module with the engine: chapter 7's loop with no hand-written
/// backward pass.
///
/// Shapes: a batch X (features, B) with B labels; all inputs (features, N) with N labels.
#pragma once

#include <vector>

#include "bp/random.h"
#include "module.h"
#include "optimizers.h"

namespace bp::nn {

/// One gradient step on one batch: forward, softmax cross-entropy, zero_grad, backward, optimizer
/// step. Task ch08.9.
/// \param model      the network; its parameters are updated
/// \param optimizer  a chapter-6 optimizer
/// \param X          the batch, (features, B), a tensor that does not require a gradient
/// \param labels     B labels
/// \return           the batch's loss, before the update
template <typename T>
T train_step(Module<T>& model, optim::Optimizer<T>& optimizer, const autograd::Tensor<T>& X,
             const std::vector<int>& labels);

/// One epoch: every sample once, in the order shuffled_order(N, rng) draws (chapter 7's), in
/// batches of batch_size (the last may be smaller), one train_step per batch.
/// \param model       the network
/// \param optimizer   a chapter-6 optimizer
/// \param X           all inputs, (features, N), N ≥ 1
/// \param labels      N labels
/// \param batch_size  B ≥ 1
/// \param rng         the seeded engine the order is drawn from
/// \return            the loss of every batch, in order
/// \throws bp::ValueError if N = 0, B < 1 or there are not N labels
template <typename T>
std::vector<T> train_epoch(Module<T>& model, optim::Optimizer<T>& optimizer, const Matrix<T>& X,
                           const std::vector<int>& labels, Eigen::Index batch_size, Rng& rng);

}  // namespace bp::nn
