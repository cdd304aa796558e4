// Tasks ch06.1–ch06.5: the optimizers. For each: its first three updates of one parameter
// p = 1 on the fixed gradient sequence g = 0.5, −1, 2 (numbers worked out by hand in the
// chapter), then a quadratic bowl and the Rosenbrock function, each to a stated tolerance within
// a stated number of steps.
#include "optimizers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "bp/shape.h"
#include "bp/testing/assertions.h"
#include "linear.h"
#include "test_problems.h"

namespace {

using bp::nn::Matrix;
using bp::optim::Optimizer;
using bp::testing::AgreesTo;

// The values of p after each of the three steps, from p = 1 with gradients 0.5, −1, 2.
std::vector<double> first_three(Optimizer<double>& optimizer) {
  Matrix<double> p = Matrix<double>::Constant(1, 1, 1.0), g(1, 1);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("p", p, g)};
  std::vector<double> after;
  for (double gradient : {0.5, -1.0, 2.0}) {
    g(0, 0) = gradient;
    optimizer.step(params);
    after.push_back(p(0, 0));
  }
  return after;
}

void expect_first_three(Optimizer<double>& optimizer, const std::vector<double>& expected,
                        const std::string& hint) {
  const auto after = first_three(optimizer);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_TRUE(AgreesTo("p after step " + std::to_string(k + 1), after[k], expected[k], 6))
        << hint;
  }
}

using bp::testing::problems::kBowl;
using bp::testing::problems::kRosenbrock;
using bp::testing::problems::steps_to_reach;

void expect_converges(Optimizer<double>& bowl_optimizer, Optimizer<double>& rosen_optimizer,
                      int bowl_budget, int rosen_budget) {
  EXPECT_GT(steps_to_reach(bowl_optimizer, kBowl, {1.0, 1.0}, {0.0, 0.0}, 1e-3, bowl_budget), 0)
      << "did not bring the bowl ½(x² + 10y²) from (1, 1) to within 1e-3 of (0, 0) in "
      << bowl_budget << " steps";
  EXPECT_GT(
      steps_to_reach(rosen_optimizer, kRosenbrock, {-1.5, 2.0}, {1.0, 1.0}, 1e-2, rosen_budget), 0)
      << "did not bring Rosenbrock from (−1.5, 2) to within 1e-2 of (1, 1) in " << rosen_budget
      << " steps";
}

// Three parameters: A (2, 3), b (2, 1) and C (2, 3), of A's shape, with gradients that differ in
// every entry and change from step to step. After three steps of one optimizer over all three,
// each must be where a fresh optimizer takes it alone: a velocity or a moment (or the step count
// t) shared between parameters passes every one-parameter test and fails here. The same run in
// float must agree with double.
using MakeOptimizer = std::function<std::unique_ptr<Optimizer<double>>()>;
using MakeFloatOptimizer = std::function<std::unique_ptr<Optimizer<float>>()>;

void expect_state_per_parameter(const MakeOptimizer& make, const MakeFloatOptimizer& make_float) {
  const char* names[] = {"A", "b", "C"};
  const Eigen::Index cols[] = {3, 1, 3};
  const auto start = [&](std::size_t k) { return bp::random_uniform(2, cols[k], 10u + k); };
  // Written into the gradient's own storage: assigning a temporary matrix would move a new buffer
  // in, and the parameter's view would still point at the old one.
  const auto set_gradient = [&](Matrix<double>& grad, std::size_t k, int step) {
    const Matrix<double> g =
        bp::random_uniform(2, cols[k], 20u + 10u * k + static_cast<std::uint64_t>(step), -2.0, 2.0);
    grad = g;
  };
  Matrix<double> values[3], grads[3];
  Matrix<float> values_f[3], grads_f[3];
  std::vector<bp::nn::Parameter<double>> params;
  std::vector<bp::nn::Parameter<float>> params_f;
  for (std::size_t k = 0; k < 3; ++k) {
    values[k] = start(k);
    grads[k] = Matrix<double>::Zero(2, cols[k]);
    values_f[k] = values[k].cast<float>();
    grads_f[k] = grads[k].cast<float>();
    params.push_back(bp::nn::view_of(names[k], values[k], grads[k]));
    params_f.push_back(bp::nn::view_of(names[k], values_f[k], grads_f[k]));
  }
  const auto together = make();
  const auto together_f = make_float();
  for (int step = 0; step < 3; ++step) {
    for (std::size_t k = 0; k < 3; ++k) {
      set_gradient(grads[k], k, step);
      grads_f[k] = grads[k].cast<float>();
    }
    together->step(params);
    together_f->step(params_f);
  }
  for (std::size_t k = 0; k < 3; ++k) {
    Matrix<double> value = start(k), grad = Matrix<double>::Zero(2, cols[k]);
    std::vector<bp::nn::Parameter<double>> alone_params = {bp::nn::view_of(names[k], value, grad)};
    const auto alone = make();
    for (int step = 0; step < 3; ++step) {
      set_gradient(grad, k, step);
      alone->step(alone_params);
    }
    EXPECT_TRUE(bp::testing::MatrixNear(std::string(names[k]) + " after 3 steps beside two others",
                                        values[k], value, 1e-14))
        << names[k] << " did not move as it does alone: each parameter needs its own state, "
        << "this->state(i, k) with its own i (and t is this->steps(), the same for all)";
    EXPECT_TRUE(bp::testing::MatrixNear(std::string(names[k]) + " in float",
                                        values_f[k].cast<double>(), values[k], 1e-5));
  }
}

// Passes when make() throws bp::ValueError with exactly `message`.
::testing::AssertionResult ThrowsValueError(const std::function<void()>& make,
                                            const std::string& message) {
  try {
    make();
  } catch (const bp::ValueError& e) {
    if (e.what() == message) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "the error says \"" << e.what() << "\", expected \"" << message << "\"";
  }
  return ::testing::AssertionFailure() << "no bp::ValueError; expected \"" << message << "\"";
}

// --- ch06.1 -------------------------------------------------------------------------------------

// p ← p − ηg with η = 0.1: 0.95, 1.05, 0.85.
TEST(SgdOptimizer, FirstThreeStepsMatchTheHandComputation) {
  bp::optim::Sgd<double> sgd(0.1);
  expect_first_three(sgd, {0.95, 1.05, 0.85}, "p ← p − η·g");
}

// η = 0.1 on the bowl (within 100 steps); η = 0.001 on Rosenbrock (within 18000).
TEST(SgdOptimizer, ConvergesOnTheBowlAndRosenbrock) {
  bp::optim::Sgd<double> bowl(0.1), rosen(0.001);
  expect_converges(bowl, rosen, 100, 18000);
}

// On the bowl, curvature 10 along y makes any η > 2/10 overshoot more every step: η = 0.21
// diverges, the learning rate that is too large.
TEST(SgdOptimizer, DivergesWithATooLargeLearningRate) {
  bp::optim::Sgd<double> sgd(0.21);
  Matrix<double> v = Eigen::Vector2d(1.0, 1.0), g(2, 1);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("v", v, g)};
  for (int step = 0; step < 50; ++step) {
    g = kBowl(v);
    sgd.step(params);
  }
  EXPECT_GT(std::abs(v(1)), 10.0) << "|1 − 0.21·10| = 1.1 > 1: y grows by 10% a step";
}

// The optimizer updates a real layer through its parameter views: W ← W − η dW, b ← b − η db.
TEST(SgdOptimizer, UpdatesALayerThroughItsParameters) {
  bp::Rng rng(3);
  bp::nn::Linear<double> layer(3, 2, rng);
  layer.forward(Matrix<double>::Ones(3, 4));
  layer.backward(Matrix<double>::Ones(2, 4));
  const Matrix<double> W = layer.W(), dW = layer.dW();
  bp::optim::Sgd<double> sgd(0.5);
  auto params = layer.parameters();
  sgd.step(params);
  EXPECT_TRUE(bp::testing::MatrixNear("W after a step", layer.W(), W - 0.5 * dW, 1e-15));
}

// --- ch06.2 -------------------------------------------------------------------------------------

// v ← μv + g; p ← p − ηv (μ = 0.9, η = 0.1): 0.95, 1.005, 0.8545. Nesterov uses g + μv:
// 0.905, 1.0545, 0.71905.
TEST(MomentumOptimizer, FirstThreeStepsMatchTheHandComputation) {
  bp::optim::Momentum<double> classical(0.1, 0.9);
  expect_first_three(classical, {0.95, 1.005, 0.8545},
                     "v ← μ·v + g first, then p ← p − η·v (PyTorch's order)");
  bp::optim::Momentum<double> nesterov(0.1, 0.9, true);
  expect_first_three(nesterov, {0.905, 1.0545, 0.71905}, "Nesterov: p ← p − η·(g + μ·v)");
}

// η = 0.02, μ = 0.9 on the bowl (160 steps); η = 0.0005 on Rosenbrock (3500), both forms.
TEST(MomentumOptimizer, ConvergesOnTheBowlAndRosenbrock) {
  bp::optim::Momentum<double> bowl(0.02, 0.9), rosen(0.0005, 0.9);
  expect_converges(bowl, rosen, 160, 3500);
  bp::optim::Momentum<double> nbowl(0.02, 0.9, true), nrosen(0.0005, 0.9, true);
  expect_converges(nbowl, nrosen, 130, 3500);
}

// Over three parameters of two shapes, classical and Nesterov momentum keep one velocity each.
TEST(MomentumOptimizer, KeepsAVelocityForEachParameter) {
  for (bool nesterov : {false, true}) {
    expect_state_per_parameter(
        [=] { return std::make_unique<bp::optim::Momentum<double>>(0.1, 0.9, nesterov); },
        [=] { return std::make_unique<bp::optim::Momentum<float>>(0.1f, 0.9f, nesterov); });
  }
}

// The parameter list must keep its length and shapes from step to step; η must be >= 0 and
// finite (0 is allowed, as in PyTorch: a step then moves nothing); μ must be in [0, 1).
TEST(MomentumOptimizer, RejectsChangedParametersAndBadHyperparameters) {
  bp::optim::Momentum<double> momentum(0.1, 0.9);
  Matrix<double> a = Matrix<double>::Ones(2, 3), ga = Matrix<double>::Ones(2, 3);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("W", a, ga)};
  momentum.step(params);
  bp::optim::Sgd<double> sgd(0.1);
  sgd.step(params);
  EXPECT_EQ(a(0, 0), 1.0 - 0.1 - 0.1) << "one Momentum step then one SGD step";
  bp::optim::Sgd<double> still(0.0);
  still.step(params);
  EXPECT_EQ(a(0, 0), 1.0 - 0.1 - 0.1) << "a step at η = 0 moves nothing";
  params.push_back(params[0]);
  EXPECT_THROW(momentum.step(params), bp::ShapeError) << "a second parameter appeared";
  params.clear();
  a.resize(3, 2);  // the same 6 numbers, now shaped (3, 2)
  ga.resize(3, 2);
  params.push_back(bp::nn::view_of("W", a, ga));
  EXPECT_THROW(momentum.step(params), bp::ShapeError) << "W changed shape";
  EXPECT_THROW(bp::optim::Sgd<double>(-0.1), bp::ValueError);
  EXPECT_THROW(bp::optim::Sgd<double>(std::nan("")), bp::ValueError);
  EXPECT_THROW(bp::optim::Sgd<double>(std::numeric_limits<double>::infinity()), bp::ValueError);
  EXPECT_THROW(sgd.set_learning_rate(-0.1), bp::ValueError);
  EXPECT_THROW(bp::optim::Momentum<double>(0.1, 1.0), bp::ValueError);
  EXPECT_THROW(bp::optim::Momentum<double>(0.1, -0.1), bp::ValueError);
  EXPECT_THROW(bp::optim::Momentum<double>(0.1, std::nan("")), bp::ValueError);
}

// --- ch06.3 -------------------------------------------------------------------------------------

// s ← αs + (1 − α)g²; p ← p − ηg/(√s + ε) (η = 0.01, α = 0.99, ε = 1e-8): 0.9, 0.989532,
// 0.902120.
TEST(RmsPropOptimizer, FirstThreeStepsMatchTheHandComputation) {
  bp::optim::RmsProp<double> rmsprop(0.01, 0.99, 1e-8);
  expect_first_three(rmsprop, {0.9, 0.989532, 0.902120}, "s first, then p ← p − η·g/(√s + ε)");
  // With a large ε = 0.1 its place shows: outside the root (PyTorch) gives 0.966667, 1.01391,
  // 0.953078; inside, √(s + ε) would give 0.984383 first.
  bp::optim::RmsProp<double> large_epsilon(0.01, 0.99, 0.1);
  expect_first_three(large_epsilon, {0.966667, 1.01391, 0.953078},
                     "ε is added outside the square root: √s + ε, as PyTorch does");
}

// η = 0.01 on the bowl (225 steps); η = 0.001 on Rosenbrock (10000).
TEST(RmsPropOptimizer, ConvergesOnTheBowlAndRosenbrock) {
  bp::optim::RmsProp<double> bowl(0.01), rosen(0.001);
  expect_converges(bowl, rosen, 225, 10000);
}

// Over three parameters of two shapes, RMSProp keeps one average of g² each.
TEST(RmsPropOptimizer, KeepsASquareAverageForEachParameter) {
  expect_state_per_parameter([] { return std::make_unique<bp::optim::RmsProp<double>>(0.01); },
                             [] { return std::make_unique<bp::optim::RmsProp<float>>(0.01f); });
}

// α must be in [0, 1) (at 1, s stays 0 for good) and ε positive and finite (at 0, an entry whose
// gradient is 0 gets 0/0 = NaN).
TEST(RmsPropOptimizer, RejectsBadAlphasAndEpsilons) {
  bp::optim::RmsProp<double> rmsprop(0.01);
  expect_first_three(rmsprop, {0.9, 0.989532, 0.902120}, "a valid RMSProp first");
  EXPECT_THROW(bp::optim::RmsProp<double>(0.01, 1.0), bp::ValueError);
  EXPECT_THROW(bp::optim::RmsProp<double>(0.01, -0.1), bp::ValueError);
  EXPECT_THROW(bp::optim::RmsProp<double>(0.01, std::nan("")), bp::ValueError);
  EXPECT_THROW(bp::optim::RmsProp<double>(0.01, 0.99, 0.0), bp::ValueError);
  EXPECT_THROW(bp::optim::RmsProp<double>(0.01, 0.99, -1e-8), bp::ValueError);
}

// --- ch06.4 -------------------------------------------------------------------------------------

// Adam (η = 0.1, β = 0.9, 0.999, ε = 1e-8): 0.9, 0.936610, 0.894645. Without bias correction
// the first step would be η·0.05/√0.00025 = 0.316, more than three times too large.
TEST(AdamOptimizer, FirstThreeStepsMatchTheHandComputation) {
  bp::optim::Adam<double> adam(0.1);
  expect_first_three(adam, {0.9, 0.936610, 0.894645},
                     "m̂ = m/(1 − β₁ᵗ) and v̂ = v/(1 − β₂ᵗ): the first step moves by almost η");
}

// η = 0.05 on the bowl (125 steps); η = 0.02 on Rosenbrock (3000).
TEST(AdamOptimizer, ConvergesOnTheBowlAndRosenbrock) {
  bp::optim::Adam<double> bowl(0.05), rosen(0.02);
  expect_converges(bowl, rosen, 125, 3000);
}

// Over three parameters of two shapes, Adam keeps its own m and v for each, and one t for all.
TEST(AdamOptimizer, KeepsMomentsForEachParameter) {
  expect_state_per_parameter([] { return std::make_unique<bp::optim::Adam<double>>(0.1); },
                             [] { return std::make_unique<bp::optim::Adam<float>>(0.1f); });
}

// β₁ and β₂ must be in [0, 1), as PyTorch requires: at β = 1 the bias correction 1 − βᵗ is 0 and
// the first step is 0/0 = NaN. ε must be positive and finite (at 0, an entry whose gradient has
// always been 0 gets 0/0). The error names the optimizer, the hyperparameter and the range.
TEST(AdamOptimizer, RejectsBetasOutsideZeroToOneAndBadEpsilons) {
  bp::optim::Adam<double> adam(0.1);
  expect_first_three(adam, {0.9, 0.936610, 0.894645}, "a valid Adam first");
  EXPECT_TRUE(ThrowsValueError([] { bp::optim::Adam<double>(0.1, 1.0); },
                               "Adam: beta1 must be in [0, 1), got 1.000000"));
  EXPECT_TRUE(ThrowsValueError([] { bp::optim::Adam<double>(0.1, 0.9, 1.0); },
                               "Adam: beta2 must be in [0, 1), got 1.000000"));
  EXPECT_THROW(bp::optim::Adam<double>(0.1, -0.1), bp::ValueError);
  EXPECT_THROW(bp::optim::Adam<double>(0.1, 0.9, 1.5), bp::ValueError);
  EXPECT_THROW(bp::optim::Adam<double>(0.1, std::nan("")), bp::ValueError);
  EXPECT_THROW(bp::optim::Adam<double>(0.1, 0.9, 0.999, 0.0), bp::ValueError);
  EXPECT_THROW(bp::optim::Adam<double>(0.1, 0.9, 0.999, -1e-8), bp::ValueError);
  EXPECT_THROW(bp::optim::Adam<double>(-0.1), bp::ValueError);
}

// --- ch06.5 -------------------------------------------------------------------------------------

// AdamW (η = 0.1, λ = 0.1): p ← p − ηλp, then Adam's step: 0.89, 0.917710, 0.866568.
TEST(AdamWOptimizer, FirstThreeStepsMatchTheHandComputation) {
  bp::optim::AdamW<double> adamw(0.1, 0.1);
  expect_first_three(adamw, {0.89, 0.917710, 0.866568},
                     "decay p by η·λ·p outside Adam's moments: λp must never enter m or v (AdamW "
                     "calls Adam's update: if AdamOptimizer fails too, fix ch06.4 first)");
}

// With λ = 0 the decay is a factor of exactly 1: AdamW is Adam, step for step.
TEST(AdamWOptimizer, WithoutWeightDecayIsExactlyAdam) {
  bp::optim::AdamW<double> adamw(0.1, 0.0);
  bp::optim::Adam<double> adam(0.1);
  const auto decayed = first_three(adamw), plain = first_three(adam);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(decayed[k], plain[k]) << "step " << k + 1;
  }
}

// Over three parameters of two shapes, AdamW decays each by its own value and keeps its moments.
TEST(AdamWOptimizer, KeepsMomentsForEachParameter) {
  expect_state_per_parameter([] { return std::make_unique<bp::optim::AdamW<double>>(0.1, 0.1); },
                             [] { return std::make_unique<bp::optim::AdamW<float>>(0.1f, 0.1f); });
}

// λ must be >= 0 and finite; AdamW's betas are checked as Adam's, under AdamW's name.
TEST(AdamWOptimizer, RejectsBadWeightDecaysAndBetas) {
  bp::optim::AdamW<double> adamw(0.1, 0.1);
  expect_first_three(adamw, {0.89, 0.917710, 0.866568}, "a valid AdamW first");
  EXPECT_THROW(bp::optim::AdamW<double>(0.1, -0.01), bp::ValueError);
  EXPECT_THROW(bp::optim::AdamW<double>(0.1, std::nan("")), bp::ValueError);
  EXPECT_THROW(bp::optim::AdamW<double>(0.1, std::numeric_limits<double>::infinity()),
               bp::ValueError);
  EXPECT_TRUE(ThrowsValueError([] { bp::optim::AdamW<double>(0.1, 0.01, 1.0); },
                               "AdamW: beta1 must be in [0, 1), got 1.000000"));
}

// λ = 0.01 on the bowl, whose minimum (0, 0) decay does not move (85 steps); λ = 1e-4 on
// Rosenbrock (3000).
TEST(AdamWOptimizer, ConvergesOnTheBowlAndRosenbrock) {
  bp::optim::AdamW<double> bowl(0.05, 0.01), rosen(0.02, 1e-4);
  expect_converges(bowl, rosen, 85, 3000);
}

}  // namespace
