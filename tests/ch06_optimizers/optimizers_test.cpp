// Tasks ch06.1–ch06.5: the optimizers. For each: its first three updates of one parameter
// p = 1 on the fixed gradient sequence g = 0.5, −1, 2 (numbers worked out by hand in the
// chapter), then a quadratic bowl and the Rosenbrock function, each to a stated tolerance within
// a stated number of steps.
#include "optimizers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
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

// --- ch06.5 -------------------------------------------------------------------------------------

// AdamW (η = 0.1, λ = 0.1): p ← p − ηλp, then Adam's step: 0.89, 0.917710, 0.866568.
TEST(AdamWOptimizer, FirstThreeStepsMatchTheHandComputation) {
  bp::optim::AdamW<double> adamw(0.1, 0.1);
  expect_first_three(adamw, {0.89, 0.917710, 0.866568},
                     "decay p by η·λ·p outside Adam's moments: λp must never enter m or v (AdamW "
                     "calls Adam's update: if AdamOptimizer fails too, fix ch06.4 first)");
}

// λ = 0.01 on the bowl, whose minimum (0, 0) decay does not move (85 steps); λ = 1e-4 on
// Rosenbrock (3000).
TEST(AdamWOptimizer, ConvergesOnTheBowlAndRosenbrock) {
  bp::optim::AdamW<double> bowl(0.05, 0.01), rosen(0.02, 1e-4);
  expect_converges(bowl, rosen, 85, 3000);
}

// --- bad input (graded with ch06.1)
// ---------------------------------------------------------------

// The parameter list must keep its length and shapes from step to step; η must be positive.
TEST(SgdOptimizer, RejectsChangedParametersAndBadLearningRates) {
  bp::optim::Momentum<double> momentum(0.1, 0.9);
  Matrix<double> a = Matrix<double>::Ones(2, 3), ga = Matrix<double>::Ones(2, 3);
  std::vector<bp::nn::Parameter<double>> params = {bp::nn::view_of("W", a, ga)};
  momentum.step(params);
  bp::optim::Sgd<double> sgd(0.1);
  sgd.step(params);
  EXPECT_EQ(a(0, 0), 1.0 - 0.1 - 0.1) << "one Momentum step then one SGD step";
  params.push_back(params[0]);
  EXPECT_THROW(momentum.step(params), bp::ShapeError) << "a second parameter appeared";
  params.clear();
  a.resize(3, 2);  // the same 6 numbers, now shaped (3, 2)
  ga.resize(3, 2);
  params.push_back(bp::nn::view_of("W", a, ga));
  EXPECT_THROW(momentum.step(params), bp::ShapeError) << "W changed shape";
  EXPECT_THROW(bp::optim::Sgd<double>(0.0), bp::ValueError);
  EXPECT_THROW(bp::optim::Sgd<double>(-0.1), bp::ValueError);
  EXPECT_THROW(bp::optim::Sgd<double>(std::nan("")), bp::ValueError);
  EXPECT_THROW(bp::optim::Momentum<double>(0.1, 1.0), bp::ValueError);
  EXPECT_THROW(bp::optim::AdamW<double>(0.1, -0.01), bp::ValueError);
}

}  // namespace
