// Task ch02.5: backward(), the whole chain rule, checked on the worked examples of chapter 1 and
// on micrograd's README expression.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../ch01_derivatives/worked_example_values.h"
#include "bp/random.h"
#include "bp/shape.h"
#include "engine_testing.h"

namespace {

using namespace ch01_values;
using bp::autograd::Value;
using bp::testing::AgreesTo;
using bp::testing::IsNear;

// b = a + a, c = b + b: dc/da = 4. Each node's grad must be final before its rule runs, which
// is what the topological order guarantees.
TEST(Backward, GivesAReusedNodeItsFullGradient) {
  const Value a(3.0);
  const Value b = a + a;
  Value c = b + b;
  c.backward();
  EXPECT_TRUE(IsNear("dc/db", b.grad(), 2.0, 0.0));
  EXPECT_TRUE(IsNear("dc/da", a.grad(), 4.0, 0.0))
      << "A walk that is not in topological order (or a recursion into each operand) applies b's "
         "rule more than once, or before b's grad is complete.";
}

// micrograd's README: g.data = 24.7041, dg/da = 138.8338, dg/db = 645.5773.
TEST(Backward, ReproducesMicrogradsReadmeExample) {
  const Value a(-4.0), b(2.0);
  Value c = a + b;
  Value d = a * b + pow(b, 3.0);
  c += c + 1.0;
  c += 1.0 + c + (-a);
  d += d * 2.0 + relu(b + a);
  d += 3.0 * d + relu(b - a);
  const Value e = c - d;
  const Value f = pow(e, 2.0);
  Value g = f / 2.0;
  g += 10.0 / f;
  g.backward();
  EXPECT_TRUE(AgreesTo("g", g.data(), 24.7041, 6));
  EXPECT_TRUE(AgreesTo("dg/da", a.grad(), 138.8338, 7));
  EXPECT_TRUE(AgreesTo("dg/db", b.grad(), 645.5773, 7));
}

// Worked example (A) of chapter 1, now automatic: the same gradients as by hand.
TEST(Backward, ReproducesWorkedExampleA) {
  const double xs[] = {1.0, -2.0, 3.0}, ts[] = {-1.0, 0.5, -2.0};
  for (bool mean : {false, true}) {
    Value W1(kA_W1, "W1"), W2(kA_W2, "W2");
    Value E = 0.0;
    for (int i = 0; i < 3; ++i) {
      const Value y = relu(W1 * xs[i]) * W2;
      E += pow(y - ts[i], 2.0);
    }
    E = mean ? E / 3.0 : 0.5 * E;
    E.backward();
    EXPECT_TRUE(AgreesTo("E", E.data(), mean ? kA_loss_mean : kA_loss_half_sum, 6));
    EXPECT_TRUE(AgreesTo("dE/dW1", W1.grad(), mean ? kA_dW1_mean : kA_dW1_half_sum, 6));
    EXPECT_TRUE(AgreesTo("dE/dW2", W2.grad(), mean ? kA_dW2_mean : kA_dW2_half_sum, 6));
  }
}

// Worked example (E) of chapter 1, now automatic: every number of the table.
TEST(Backward, ReproducesWorkedExampleE) {
  Value w1(0.5), w2(0.5), b1(0.5), w3(0.5), b3(0.5);
  const Value z = w1 * 2.0 + w2 * 3.0 + b1;
  const Value a = sigmoid(z);
  const Value y_hat = w3 * a + b3;
  Value L = 0.5 * pow(1.0 - y_hat, 2.0);
  L.backward();
  EXPECT_TRUE(AgreesTo("z", z.data(), kE_z, 6));
  EXPECT_TRUE(AgreesTo("a", a.data(), kE_a, 6));
  EXPECT_TRUE(AgreesTo("y_hat", y_hat.data(), kE_y_hat, 6));
  EXPECT_TRUE(AgreesTo("L", L.data(), kE_loss, 6));
  EXPECT_TRUE(AgreesTo("dL/dw3", w3.grad(), kE_dw3, 6));
  EXPECT_TRUE(AgreesTo("dL/db3", b3.grad(), kE_db3, 6));
  EXPECT_TRUE(AgreesTo("dL/dw1", w1.grad(), kE_dw1, 6));
  EXPECT_TRUE(AgreesTo("dL/dw2", w2.grad(), kE_dw2, 6));
  EXPECT_TRUE(AgreesTo("dL/db1", b1.grad(), kE_db1, 6));
}

// An expression using every operation: each input's gradient against central differences.
TEST(Backward, MatchesCentralDifferencesThroughEveryOperation) {
  std::vector<double> at = {0.7, -1.3, 2.1};
  auto f = [](const std::vector<Value>& v) {
    const Value p = v[0] * v[1] + v[2] / 3.0 - exp(v[0] * 0.5);
    const Value q = tanh(p) + sigmoid(v[1] - v[2]) * relu(v[2] + 0.2);
    return log(pow(q, 2.0) + 1.0) - q * v[0];
  };
  std::vector<Value> inputs(at.begin(), at.end());
  Value out = f(inputs);
  out.backward();
  for (std::size_t i = 0; i < at.size(); ++i) {
    auto loss = [&] { return f({at[0], at[1], at[2]}).data(); };
    EXPECT_TRUE(bp::testing::GradientMatches(
        bp::check_gradient("x" + std::to_string(i), at[i], inputs[i].grad(), loss)));
  }
}

// y = f(x) + x for every one-operand operation f: x is used twice, so x.grad = f'(x) + 1. A rule
// that writes `=` instead of `+=` keeps only one of the two, whichever runs last.
TEST(Backward, GivesAnOperandOfEveryUnaryRuleItsOtherUsesToo) {
  struct Case {
    const char* f;
    Value (*apply)(const Value&);
  };
  const Case cases[] = {
      {"-x", [](const Value& v) { return -v; }},
      {"pow(x, 3)", [](const Value& v) { return pow(v, 3.0); }},
      {"exp(x)", [](const Value& v) { return exp(v); }},
      {"log(x)", [](const Value& v) { return log(v); }},
      {"tanh(x)", [](const Value& v) { return tanh(v); }},
      {"relu(x)", [](const Value& v) { return relu(v); }},
      {"sigmoid(x)", [](const Value& v) { return sigmoid(v); }},
  };
  for (const Case& c : cases) {
    const Value x(0.7);
    Value y = c.apply(x) + x;
    y.backward();
    double at = 0.7;
    const double expected = bp::numeric_derivative(
        at, [&] { return (c.apply(Value(at)) + Value(at)).data(); }, 1e-5);
    EXPECT_TRUE(IsNear(std::string("d(") + c.f + " + x)/dx", x.grad(), expected, 1e-8))
        << "f'(x) + 1: both uses of x must reach x.grad (+= in every rule)";
  }
}

// pow(relu(x), 0) at x = −1: relu gives 0, and 0⁰ = 1 is a constant, so x.grad = 0 (as in
// PyTorch), not the NaN of 0·0⁻¹ = 0·∞ flowing back through the dead ReLU.
TEST(Backward, PowZeroOfADeadReluGivesGradientZero) {
  const Value x(-1.0);
  Value y = pow(relu(x), 0.0);
  y.backward();
  EXPECT_TRUE(IsNear("pow(relu(-1), 0)", y.data(), 1.0, 0.0));
  EXPECT_TRUE(IsNear("d pow(relu(x), 0)/dx at x = -1", x.grad(), 0.0, 0.0));
}

// A gradient that is not finite although every input is (√x at x = 0: d/dx = ∞) is reported by
// backward() where it arises, naming the operation and its inputs, as the forward pass reports a
// result that is not finite, never passed on silently as an infinity or a NaN.
TEST(Backward, ReportsAGradientThatIsNotFiniteNamingTheOperation) {
  const Value x(0.0, "x");
  Value y = pow(x, 0.5) * 3.0;
  EXPECT_TRUE(IsNear("3·√0", y.data(), 0.0, 0.0));
  try {
    y.backward();
    FAIL() << "backward() of 3·√x at x = 0 gave x.grad = " << x.grad() << " without an error";
  } catch (const bp::ValueError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("pow(0, 0.5)"), std::string::npos)
        << "the message should name the operation and its inputs: " << message;
    EXPECT_NE(message.find("inf"), std::string::npos) << message;
  }
}

// Calling backward() twice: intermediate nodes start from zero each time, leaves (inputs and
// parameters) accumulate, so every leaf gradient exactly doubles.
TEST(Backward, CalledTwiceDoublesLeafGradientsExactly) {
  const Value x(1.5), w(-0.8);
  const Value h = tanh(x * w);
  Value y = h * h + w;
  y.backward();
  const double dx = x.grad(), dw = w.grad(), dh = h.grad();
  y.backward();
  EXPECT_TRUE(IsNear("dy/dx after two calls", x.grad(), 2.0 * dx, 1e-15));
  EXPECT_TRUE(IsNear("dy/dw after two calls", w.grad(), 2.0 * dw, 1e-15));
  EXPECT_TRUE(IsNear("dy/dh after two calls", h.grad(), dh, 1e-15))
      << "h is an intermediate node: backward() recomputes it from zero, it does not accumulate.";
  Value lone(4.0);  // a root that is itself a leaf accumulates like any leaf: 1, then 2
  lone.backward();
  lone.backward();
  EXPECT_TRUE(IsNear("d lone/d lone after two calls", lone.grad(), 2.0, 0.0))
      << "seed the root with grad += 1, not grad = 1: a lone leaf is a leaf";
}

// Backward through a chain of a million additions: dy/dx = 1, and no stack overflow.
TEST(Backward, WorksThroughAChainOfAMillionNodes) {
  const Value x(0.5);
  Value y = x;
  for (int i = 0; i < 1'000'000; ++i) {
    y = y + 1.0;
  }
  y.backward();
  EXPECT_TRUE(IsNear("dy/dx", x.grad(), 1.0, 0.0));
}

// Once the last Value that reaches a graph is gone, every node of it is freed.
TEST(Backward, LeavesNothingBehindWhenTheGraphIsDropped) {
  const std::size_t before = bp::autograd::live_nodes();
  {
    const Value w(0.3);
    Value loss = 0.0;
    for (int i = 0; i < 100; ++i) {
      loss += pow(w * static_cast<double>(i) - 1.0, 2.0);
    }
    loss.backward();
  }
  EXPECT_EQ(bp::autograd::live_nodes(), before);
}

}  // namespace
