/// \file
/// \brief Task ch07.3: mini-batch training: shuffle, slice into batches, one step per batch.
///
/// A step runs the model forward on a batch, asks an objective (a chapter-5 loss) for the loss and
/// ∂loss/∂output, runs the model backward, and lets a chapter-6 optimizer update the parameters.
/// An epoch visits every sample once, in a fresh order drawn from a seeded engine.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "bp/random.h"
#include "losses.h"
#include "optimizers.h"
#include "sequential.h"

namespace bp::nn {

/// The loss of a batch and its gradient with respect to the model's output.
/// \tparam T        double or float
/// \tparam Targets  std::vector<int> (class labels, one per column) or Matrix<T> (regression
///                  targets, one column per sample)
template <typename T, typename Targets>
using Objective =
    std::function<LossAndGradient<T>(const Matrix<T>& output, const Targets& targets)>;

/// Called after each step of an epoch with the step's index (0, 1, …), the number of samples in
/// the batch, and the batch's loss.
template <typename T>
using StepObserver = std::function<void(std::size_t step, Eigen::Index samples, T loss)>;

/// Columns `indices` of X, in that order.
/// \param X        (rows, N)
/// \param indices  column numbers, each in [0, N)
/// \return         (rows, indices.size())
/// \throws bp::ValueError if an index is out of range
template <typename T>
Matrix<T> take(const Matrix<T>& X, std::span<const Eigen::Index> indices);

/// Entries `indices` of labels, in that order.
/// \param labels   N labels
/// \param indices  positions, each in [0, N)
/// \return         indices.size() labels
/// \throws bp::ValueError if an index is out of range
std::vector<int> take(const std::vector<int>& labels, std::span<const Eigen::Index> indices);

/// 0, 1, …, n − 1 in a random order (a Fisher–Yates shuffle driven by rng, the same on every
/// platform).
/// \param n    the number of samples, ≥ 0
/// \param rng  the seeded engine; each call advances it, so each epoch gets a new order
/// \return     a permutation of 0 … n − 1
std::vector<Eigen::Index> shuffled_order(Eigen::Index n, Rng& rng);

/// One gradient step on one batch: forward, objective, backward, optimizer step. Task ch07.3.
/// \param model      the network; its parameters are updated
/// \param objective  the loss of the batch and ∂loss/∂output
/// \param optimizer  a chapter-6 optimizer
/// \param X          the batch's inputs, (features_in, B)
/// \param targets    the batch's targets: B labels, or (features_out, B)
/// \return           the batch's loss, before the update
template <typename T, typename Targets>
T train_step(Sequential<T>& model, const Objective<T, Targets>& objective,
             optim::Optimizer<T>& optimizer, const Matrix<T>& X, const Targets& targets);

/// One epoch: every sample once, in a fresh shuffled order, in batches of batch_size (the last
/// batch may be smaller), one train_step per batch. Task ch07.3.
/// \param model       the network, in training mode
/// \param objective   the loss of a batch and ∂loss/∂output
/// \param optimizer   a chapter-6 optimizer
/// \param X           all inputs, (features_in, N), N ≥ 1
/// \param targets     N labels, or (features_out, N): column n is the target of X's column n
/// \param batch_size  B ≥ 1
/// \param rng         the seeded engine the order is drawn from
/// \param observe     called after every step, if set
/// \return            the loss of every batch, in order: ⌈N / B⌉ numbers
/// \throws bp::ValueError if N = 0, B < 1, or targets do not have N samples
template <typename T, typename Targets>
std::vector<T> train_epoch(Sequential<T>& model, const Objective<T, Targets>& objective,
                           optim::Optimizer<T>& optimizer, const Matrix<T>& X,
                           const Targets& targets, Eigen::Index batch_size, Rng& rng,
                           const StepObserver<T>& observe = {});

/// Several epochs of train_epoch, stopping with an error the moment a loss is not finite.
/// \param model       the network
/// \param objective   the loss of a batch and ∂loss/∂output
/// \param optimizer   a chapter-6 optimizer
/// \param X           all inputs, (features_in, N)
/// \param targets     N labels, or (features_out, N)
/// \param epochs      the number of epochs, ≥ 0
/// \param batch_size  B ≥ 1
/// \param rng         the seeded engine
/// \param after_epoch called after each epoch with its index (0, 1, …) and its mean loss
/// \param observe     called after every step, if set
/// \return            the mean loss of each epoch over its samples (each batch's loss weighted
///                    by its size)
/// \throws bp::ValueError naming the epoch and step where the loss became NaN or infinite
template <typename T, typename Targets>
std::vector<T> fit(Sequential<T>& model, const Objective<T, Targets>& objective,
                   optim::Optimizer<T>& optimizer, const Matrix<T>& X, const Targets& targets,
                   int epochs, Eigen::Index batch_size, Rng& rng,
                   const std::function<void(int epoch, T mean_loss)>& after_epoch = {},
                   const StepObserver<T>& observe = {});

}  // namespace bp::nn
