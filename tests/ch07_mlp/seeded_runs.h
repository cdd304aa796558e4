// Three seeded runs of chapter 7, in one place: the tests (init_test.cpp, training_test.cpp)
// assert bounds on them, and docs/figures/ch07_runs.cpp measures, from these same runs, the
// numbers the chapter quotes.
#pragma once

#include <vector>

#include "activations.h"
#include "bp/random.h"
#include "evaluation.h"
#include "losses.h"
#include "minibatch.h"
#include "network.h"
#include "optimizers.h"
#include "worked_example_values.h"

namespace bp::testing::runs {

/// HeInit.KeepsTheSignalOfADeepReluNetwork: ten Linear(256, 256) layers, each followed by a ReLU,
/// initialised with `init` from `seed`, on 200 standard-normal samples.
/// \return ‖A₁₀‖² / ‖X‖², the mean square of the output relative to the input's
inline double signal_after_ten_relu_layers(bp::nn::Init init, unsigned seed = 13) {
  bp::Rng rng(seed);
  bp::nn::MlpSpec spec;
  spec.sizes.assign(11, 256);
  spec.init = init;
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  net.emplace<bp::nn::Relu<double>>();
  const bp::nn::Matrix<double> X = bp::random_normal(256, 200, rng);
  return net.forward(X).squaredNorm() / X.squaredNorm();
}

/// TrainingOnXor.ReachesFullAccuracy: a 2-8-2 tanh network (Xavier, seed 1) trained with Adam
/// (η = 0.05) and softmax cross-entropy on the four XOR points, one batch of 4, 200 epochs.
struct XorRun {
  std::vector<double> epoch_losses;  ///< the mean loss of every epoch
  std::vector<int> predicted;        ///< the trained network's class for each point
  std::vector<int> labels;           ///< XOR's: 0, 1, 1, 0
};
inline XorRun train_xor() {
  bp::nn::Matrix<double> X(2, 4);
  X << 0, 0, 1, 1,  //
      0, 1, 0, 1;
  XorRun run;
  run.labels = {0, 1, 1, 0};
  bp::Rng rng(1);
  bp::nn::MlpSpec spec;
  spec.sizes = {2, 8, 2};
  spec.hidden = bp::nn::Hidden::Tanh;
  spec.init = bp::nn::Init::Xavier;
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  bp::optim::Adam<double> adam(0.05);
  const bp::nn::Objective<double, std::vector<int>> loss = [](const bp::nn::Matrix<double>& logits,
                                                              const std::vector<int>& y) {
    return bp::nn::softmax_cross_entropy(logits, y);
  };
  run.epoch_losses = bp::nn::fit(net, loss, adam, X, run.labels, 200, 4, rng);
  run.predicted = bp::nn::predicted_classes(net.forward(X));
  return run;
}

/// WorkedExampleD: the 2-4-1 ReLU network (He) trained with SGD and the mean squared error on
/// 1000 samples of y = x₁ − x₂ (seed, sample count and learning rate from
/// worked_example_values.h), with the given batch size and number of epochs.
/// \return the prediction at (0.1, 0.9)
inline double example_d_prediction(int batch_size, int epochs) {
  namespace d = bp::values::example_d;
  bp::Rng rng(d::kSeed);
  const bp::nn::Matrix<double> X = bp::random_uniform(2, d::kSamples, rng, 0.0, 1.0);
  const bp::nn::Matrix<double> y = X.row(0) - X.row(1);
  bp::nn::MlpSpec spec;
  spec.sizes = {2, 4, 1};
  bp::nn::Sequential<double> net = bp::nn::make_mlp<double>(spec, rng);
  bp::optim::Sgd<double> sgd(d::kLearningRate);
  const bp::nn::Objective<double, bp::nn::Matrix<double>> mse =
      [](const bp::nn::Matrix<double>& out, const bp::nn::Matrix<double>& target) {
        return bp::nn::mse(out, target, bp::nn::Reduction::Mean);
      };
  bp::nn::fit(net, mse, sgd, X, y, epochs, static_cast<Eigen::Index>(batch_size), rng);
  bp::nn::Matrix<double> probe(2, 1);
  probe << 0.1, 0.9;
  return net.forward(probe)(0, 0);
}

}  // namespace bp::testing::runs
