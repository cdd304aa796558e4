// Tasks ch01.7–ch01.9: worked example (E), the 2-1-1 sigmoid network, by hand.
#include "sigmoid_network.h"

#include <gtest/gtest.h>

#include <cmath>

#include "activation_derivatives.h"
#include "bp/gradient_check.h"
#include "bp/testing/assertions.h"
#include "worked_example_values.h"

namespace {

using namespace ch01_values;
using bp::testing::AgreesTo;
using bp::testing::GradientMatches;
using bp::worked::SigmoidNet;
using bp::worked::SigmoidNetForward;

// The sample and starting parameters of worked example (E).
class ExampleE : public ::testing::Test {
 protected:
  static constexpr double x1 = 2.0, x2 = 3.0, y = 1.0, eta = 0.1;
  SigmoidNet net{0.5, 0.5, 0.5, 0.5, 0.5};

  // L written out from its definition, so the checks below do not depend on task ch01.7.
  static double reference_loss(const SigmoidNet& n, double in1, double in2, double target) {
    const double a = bp::calculus::sigmoid(n.w1 * in1 + n.w2 * in2 + n.b1);
    const double r = target - (n.w3 * a + n.b3);
    return 0.5 * r * r;
  }

  // The exact forward values of (E), so that backward is graded on its own.
  static SigmoidNetForward exact_forward(const SigmoidNet& n, double in1, double in2,
                                         double target) {
    SigmoidNetForward f{};
    f.z = n.w1 * in1 + n.w2 * in2 + n.b1;
    f.a = bp::calculus::sigmoid(f.z);
    f.y_hat = n.w3 * f.a + n.b3;
    f.loss = reference_loss(n, in1, in2, target);
    return f;
  }
};

using ExampleEForward = ExampleE;
using ExampleEBackward = ExampleE;
using ExampleEStep = ExampleE;

// --- ch01.7 -------------------------------------------------------------------------------------

// z = 2·0.5 + 3·0.5 + 0.5 = 3, then a = σ(3), ŷ = 0.5·a + 0.5 and L = ½(1 − ŷ)².
TEST_F(ExampleEForward, MatchesTheWorkedTable) {
  const SigmoidNetForward f = bp::worked::forward(net, x1, x2, y);
  EXPECT_TRUE(AgreesTo("z", f.z, kE_z, 6))
      << (AgreesTo("z", f.z, kE_published_z, 2)
              ? "That is the article's 2.5: w1·x1 + w2·x2 without the bias b1."
              : "z = w1·x1 + w2·x2 + b1 = 1 + 1.5 + 0.5.");
  EXPECT_TRUE(AgreesTo("a = sigmoid(z)", f.a, kE_a, 6))
      << "a = sigmoid(3). (The article's a = " << kE_published_a << " is sigmoid(2.5), rounded.)";
  EXPECT_TRUE(AgreesTo("y_hat = w3·a + b3", f.y_hat, kE_y_hat, 6))
      << "The output unit is linear: no sigmoid on y_hat. (The article's y_hat = "
      << kE_published_y_hat << " does not follow even from its own a.)";
  EXPECT_TRUE(AgreesTo("L = ½(y − y_hat)²", f.loss, kE_loss, 6))
      << "(The article printed L = " << kE_published_loss << ".)";
}

// At a point where no two parameters are equal (the worked one has all five at 0.5, which
// hides w1 used for w2, or b1 for b3), every field against the definition.
TEST_F(ExampleEForward, MatchesTheDefinitionAtAnotherPoint) {
  const SigmoidNet p{0.3, -0.7, 0.2, 1.4, -0.6};
  const double in1 = -1.2, in2 = 0.4, target = 0.3;
  const SigmoidNetForward f = bp::worked::forward(p, in1, in2, target);
  const SigmoidNetForward expected = exact_forward(p, in1, in2, target);  // z = −0.44
  EXPECT_TRUE(bp::testing::IsNear("z = w1·x1 + w2·x2 + b1", f.z, expected.z, 1e-12))
      << "each input has its own weight, and b1 is the hidden unit's bias";
  EXPECT_TRUE(bp::testing::IsNear("a = sigmoid(z)", f.a, expected.a, 1e-12));
  EXPECT_TRUE(bp::testing::IsNear("y_hat = w3·a + b3", f.y_hat, expected.y_hat, 1e-12))
      << "the output unit has its own weight w3 and bias b3";
  EXPECT_TRUE(bp::testing::IsNear("L = ½(y − y_hat)²", f.loss, expected.loss, 1e-12));
}

// --- ch01.8 -------------------------------------------------------------------------------------

// Every gradient of the table. The output is linear, so ∂L/∂ŷ = ŷ − y carries no σ'.
TEST_F(ExampleEBackward, MatchesTheWorkedTable) {
  const auto g = bp::worked::backward(net, x1, x2, y, exact_forward(net, x1, x2, y));
  EXPECT_TRUE(AgreesTo("dL/dw3", g.dw3, kE_dw3, 6))
      << "dL/dw3 = (y_hat − y)·a. Multiplying by a(1 − a) treats the linear output as a sigmoid "
         "(the article's delta3 = "
      << bp::testing::show(kE_published_delta3)
      << "); using y_hat instead of a is "
         "its other mistake.";
  EXPECT_TRUE(AgreesTo("dL/db3", g.db3, kE_db3, 6));
  EXPECT_TRUE(AgreesTo("dL/dw1", g.dw1, kE_dw1, 6))
      << "dL/dw1 = (y_hat − y)·w3·a(1 − a)·x1, where a(1 − a) = sigma'(z) uses the output a.";
  EXPECT_TRUE(AgreesTo("dL/dw2", g.dw2, kE_dw2, 6));
  EXPECT_TRUE(AgreesTo("dL/db1", g.db1, kE_db1, 6));
}

// At another point, each of the five gradients against central differences of L.
TEST_F(ExampleEBackward, MatchesCentralDifferencesAtAnotherPoint) {
  SigmoidNet p{0.3, -0.7, 0.2, 1.4, -0.6};
  const double in1 = -1.2, in2 = 0.4, target = 0.3;
  const auto g = bp::worked::backward(p, in1, in2, target, exact_forward(p, in1, in2, target));
  auto L = [&] { return reference_loss(p, in1, in2, target); };
  EXPECT_TRUE(GradientMatches(bp::check_gradient("w1", p.w1, g.dw1, L)));
  EXPECT_TRUE(GradientMatches(bp::check_gradient("w2", p.w2, g.dw2, L)));
  EXPECT_TRUE(GradientMatches(bp::check_gradient("b1", p.b1, g.db1, L)));
  EXPECT_TRUE(GradientMatches(bp::check_gradient("w3", p.w3, g.dw3, L)));
  EXPECT_TRUE(GradientMatches(bp::check_gradient("b3", p.b3, g.db3, L)));
}

// --- ch01.9 -------------------------------------------------------------------------------------

// One step with η = 0.1 from the table's gradients gives the table's new parameters.
TEST_F(ExampleEStep, OneStepMatchesTheWorkedTable) {
  const SigmoidNet after = bp::worked::sgd_step(net, {kE_dw1, kE_dw2, kE_db1, kE_dw3, kE_db3}, eta);
  EXPECT_TRUE(AgreesTo("w1 after one step", after.w1, kE_w1_after, 6))
      << "w1 − η·dL/dw1 = 0.5 − 0.1·(−0.00107127): every gradient here is negative, so every "
         "parameter grows."
      << (after.w1 < net.w1 ? " Yours shrank, as in the article (w1 = " +
                                  bp::testing::show(kE_published_w1_after) +
                                  "): it subtracted η·(y − ŷ)·…, the opposite sign."
                            : "");
  EXPECT_TRUE(AgreesTo("w2 after one step", after.w2, kE_w2_after, 6))
      << (after.w2 < net.w2
              ? "w2 shrank (the article printed " + bp::testing::show(kE_published_w2_after) +
                    "); the correct step makes it grow."
              : "");
  EXPECT_TRUE(AgreesTo("b1 after one step", after.b1, kE_b1_after, 6));
  EXPECT_TRUE(AgreesTo("w3 after one step", after.w3, kE_w3_after, 6))
      << (after.w3 < net.w3
              ? "w3 shrank (the article printed " + bp::testing::show(kE_published_w3_after) +
                    "); the correct step makes it grow."
              : "");
  EXPECT_TRUE(AgreesTo("b3 after one step", after.b3, kE_b3_after, 6));
}

// With five different parameters and five different gradients, each parameter moves by η times
// its own gradient (the worked table, where all five start at 0.5, cannot tell them apart).
TEST_F(ExampleEStep, MovesEachParameterByItsOwnGradient) {
  const SigmoidNet p{0.3, -0.7, 0.2, 1.4, -0.6};
  const SigmoidNet after = bp::worked::sgd_step(p, {0.1, -0.2, 0.3, -0.4, 0.5}, eta);
  EXPECT_TRUE(bp::testing::IsNear("w1 after one step", after.w1, 0.3 - 0.1 * 0.1, 1e-15));
  EXPECT_TRUE(bp::testing::IsNear("w2 after one step", after.w2, -0.7 + 0.1 * 0.2, 1e-15));
  EXPECT_TRUE(bp::testing::IsNear("b1 after one step", after.b1, 0.2 - 0.1 * 0.3, 1e-15));
  EXPECT_TRUE(bp::testing::IsNear("w3 after one step", after.w3, 1.4 + 0.1 * 0.4, 1e-15));
  EXPECT_TRUE(bp::testing::IsNear("b3 after one step", after.b3, -0.6 - 0.1 * 0.5, 1e-15))
      << "each field is its own parameter minus η times its own gradient";
}

// One small step lowers L: ŷ moves toward the target y = 1.
TEST_F(ExampleEStep, OneSmallStepLowersTheLoss) {
  const SigmoidNet after = bp::worked::sgd_step(net, {kE_dw1, kE_dw2, kE_db1, kE_dw3, kE_db3}, eta);
  EXPECT_LT(reference_loss(after, x1, x2, y), reference_loss(net, x1, x2, y))
      << "The loss went up: a gradient-descent step moves against the gradient.";
}

}  // namespace
