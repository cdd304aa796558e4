// Tasks ch02.9 (the max-margin loss) and ch02.10 (one training step): micrograd's demo.
#include "training.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "bp/shape.h"
#include "engine_testing.h"

namespace {

using bp::autograd::MLP;
using bp::autograd::Value;
using bp::testing::IsNear;

bp::data::Points2D small_set() {
  bp::data::Points2D set;
  set.x1 = {0.5, -1.0, 1.5, 0.2};
  set.x2 = {0.1, 0.4, -0.6, 0.9};
  set.y = {1.0, -1.0, 1.0, -1.0};
  return set;
}

// L = (1/N) Σ relu(1 − yᵢsᵢ) + α Σ p², from the model's own scores; accuracy counts yᵢsᵢ > 0.
TEST(SvmLoss, IsTheMeanHingePlusTheL2Penalty) {
  bp::Rng rng(5);
  const MLP model(2, {3, 1}, rng);
  const auto set = small_set();
  const double alpha = 0.01;
  double hinge = 0.0, l2 = 0.0;
  int correct = 0;
  for (std::size_t i = 0; i < set.size(); ++i) {
    const double s = model({set.x1[i], set.x2[i]})[0].data();
    hinge += std::max(0.0, 1.0 - set.y[i] * s);
    correct += set.y[i] * s > 0.0 ? 1 : 0;
  }
  for (const Value& p : model.parameters()) l2 += p.data() * p.data();
  const auto result = bp::autograd::svm_loss(model, set, alpha);
  EXPECT_TRUE(IsNear("loss", result.loss.data(), hinge / 4.0 + alpha * l2, 1e-12))
      << "the mean of the hinges (divide by N), plus alpha times the sum of squared parameters";
  EXPECT_TRUE(IsNear("accuracy", result.accuracy, correct / 4.0, 0.0));
}

// The loss is a graph: its gradient reaches every parameter, and matches central differences.
TEST(SvmLoss, GradientReachesEveryParameter) {
  bp::Rng rng(5);
  const MLP model(2, {3, 1}, rng);
  const auto set = small_set();
  Value loss = bp::autograd::svm_loss(model, set, 0.01).loss;
  loss.backward();
  for (const Value& p : model.parameters()) {
    double at = p.data();
    auto L = [&] {
      p.node().data = at;
      return bp::autograd::svm_loss(model, set, 0.01).loss.data();
    };
    EXPECT_TRUE(bp::testing::GradientMatches(bp::check_gradient("p", at, p.grad(), L)))
        << "a score computed from .data() is a constant: no gradient reaches the weights";
    p.node().data = at;
  }
}

// A point is classified correctly only when y·s > 0: a score of exactly 0 lies on the boundary and
// is no class at all. With every parameter 0 every score is 0, so the accuracy is 0 and each
// hinge is relu(1 − 0) = 1.
TEST(SvmLoss, AScoreOfExactlyZeroIsNotACorrectClassification) {
  bp::Rng rng(5);
  const MLP model(2, {3, 1}, rng);
  for (const Value& p : model.parameters()) p.node().data = 0.0;
  const auto result = bp::autograd::svm_loss(model, small_set(), 0.01);
  EXPECT_TRUE(IsNear("accuracy with every score 0", result.accuracy, 0.0, 0.0))
      << "count a point as correct when y·score > 0, not >= 0";
  EXPECT_TRUE(IsNear("loss with every score 0", result.loss.data(), 1.0, 1e-15));
}

// An empty set has no mean: an error, not a NaN.
TEST(SvmLoss, RejectsAnEmptySet) {
  bp::Rng rng(5);
  const MLP model(2, {3, 1}, rng);
  EXPECT_GE(bp::autograd::svm_loss(model, small_set(), 0.0).loss.data(), 0.0);
  EXPECT_THROW(bp::autograd::svm_loss(model, bp::data::Points2D{}, 0.0), bp::ValueError);
}

// Each step moves every parameter by −η times the gradient of *this* step's loss: gradients of
// the previous step must be cleared first, because parameters accumulate.
TEST(TrainStep, MovesEveryParameterByItsFreshGradient) {
  bp::Rng rng(9);
  MLP model(2, {3, 1}, rng);
  const auto set = small_set();
  bp::autograd::train_step(model, set, 0.01, 0.1);  // leaves gradients in the parameters
  const auto params = model.parameters();
  std::vector<double> before, expected_grad;
  for (const Value& p : params) {
    before.push_back(p.data());
    double at = p.data();
    auto L = [&] {
      p.node().data = at;
      return bp::autograd::svm_loss(model, set, 0.01).loss.data();
    };
    expected_grad.push_back(bp::numeric_derivative(at, L, 1e-6));
    p.node().data = at;
  }
  bp::autograd::train_step(model, set, 0.01, 0.1);
  for (std::size_t i = 0; i < params.size(); ++i) {
    EXPECT_TRUE(IsNear("parameter " + std::to_string(i) + " after a step", params[i].data(),
                       before[i] - 0.1 * expected_grad[i], 1e-7))
        << "p ← p − η·∂L/∂p with this step's gradient (zero_grad before backward)";
  }
}

// micrograd's demo: MLP(2, [16, 16, 1]), 100 two-moons points, 100 steps: 100% accuracy.
TEST(TrainStep, TrainsTheDemoNetworkToFullAccuracyOnTwoMoons) {
  const auto moons = bp::data::two_moons(100, 0.1, 2);
  bp::Rng rng(1);
  MLP model(2, {16, 16, 1}, rng);
  const auto first = bp::autograd::svm_loss(model, moons, 1e-4);
  bp::autograd::train(model, moons, 100, 1e-4);
  const auto last = bp::autograd::svm_loss(model, moons, 1e-4);
  EXPECT_LT(last.loss.data(), first.loss.data() / 10.0);
  EXPECT_TRUE(IsNear("training accuracy", last.accuracy, 1.0, 0.0))
      << "started at " << first.accuracy << "; loss " << first.loss.data() << " -> "
      << last.loss.data();
}

}  // namespace
