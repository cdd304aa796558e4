/// \file
/// \brief Tasks ch02.9 and ch02.10: the max-margin loss of micrograd's demo, and one training step.
#pragma once

#include <cstddef>

#include "bp/datasets.h"
#include "mlp.h"

namespace bp::autograd {

/// The loss of a batch and how many of its points the model classifies correctly.
struct LossAndAccuracy {
  Value loss;       ///< the total loss, a graph ready for backward()
  double accuracy;  ///< the fraction of points with sign(score) = label, in [0, 1]
};

/// micrograd's demo loss for a model with one output (the score s):
/// L = (1/N) Σᵢ relu(1 − yᵢ sᵢ) + α Σ_p p², the mean hinge ("max-margin") loss plus an L2
/// penalty on every parameter. A point counts as correct when yᵢ sᵢ > 0. Task ch02.9.
/// \param model  an MLP with 2 inputs and 1 output
/// \param data   N ≥ 1 points with labels ±1
/// \param alpha  α ≥ 0, the weight of the L2 penalty (micrograd uses 1e-4)
/// \return       the loss graph and the accuracy
/// \throws bp::ValueError for an empty set
LossAndAccuracy svm_loss(const MLP& model, const data::Points2D& data, double alpha);

/// One step of full-batch gradient descent: the loss, fresh gradients (zero_grad, then
/// backward), and p ← p − η·∂L/∂p for every parameter. Task ch02.10.
/// \param model          updated in place
/// \param data           N ≥ 1 points with labels ±1
/// \param alpha          the L2 weight
/// \param learning_rate  η > 0
/// \return               the loss and accuracy *before* the update
LossAndAccuracy train_step(MLP& model, const data::Points2D& data, double alpha,
                           double learning_rate);

/// micrograd's demo schedule: `steps` calls of train_step with η = 1 − 0.9·k/steps at step k.
/// \param model  updated in place
/// \param data   the training set
/// \param steps  how many steps
/// \param alpha  the L2 weight
/// \return       the loss and accuracy measured at the last step
LossAndAccuracy train(MLP& model, const data::Points2D& data, std::size_t steps, double alpha);

}  // namespace bp::autograd
