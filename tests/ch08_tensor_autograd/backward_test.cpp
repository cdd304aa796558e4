// Task ch08.7: backward() and zero_grad(), chapter 2's design on matrices: the rules in reverse
// topological order, intermediate gradients restarting from zero, leaves accumulating, and the
// graph freed with its last handle.
#include <gtest/gtest.h>

#include <vector>

#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
using bp::testing::GradientMatches;
using bp::testing::IsNear;
using bp::testing::MatrixNear;

// A small network and a loss: L = mean(sigmoid(W X + b) ⊙ tanh(V X)) − 0.5·sum(relu(W X)).
// W (3, 4), V (3, 4), b (3, 1), X (4, 5): a graph where W X is used twice.
Tensor<double> small_loss(const Tensor<double>& W, const Tensor<double>& V, const Tensor<double>& b,
                          const Tensor<double>& X) {
  const Tensor<double> WX = matmul(W, X);
  return mean(mul(sigmoid(WX + b), tanh(matmul(V, X)))) - (-0.5 * sum(relu(WX)));
}

// Every leaf's gradient against central differences of the whole loss.
TEST(TensorBackward, ChainsTheRulesFromTheLossToEveryLeaf) {
  std::vector<Matrix> at = {uniform(3, 4, 101), uniform(3, 4, 102), uniform(3, 1, 103),
                            uniform(4, 5, 104)};
  std::vector<Tensor<double>> leaves;
  for (const Matrix& m : at) leaves.push_back(leaf(m));
  ASSERT_NO_THROW(small_loss(leaves[0], leaves[1], leaves[2], leaves[3]).backward())
      << "backward(): first set every intermediate gradient, the root's included, to zero in its "
         "node's shape (step 2), then add 1 to the root's (step 3), then propagate";
  const char* names[] = {"W", "V", "b", "X"};
  for (std::size_t k = 0; k < at.size(); ++k) {
    const auto loss = [&] {
      return small_loss(data(at[0]), data(at[1]), data(at[2]), data(at[3])).item();
    };
    EXPECT_TRUE(GradientMatches(bp::check_gradient(names[k], at[k], leaves[k].grad(), loss)));
  }
}

// W used twice, L = sum(W·tanh(W·X)): W's gradient is the sum of both uses' contributions, and
// the intermediate W·X may run its rule only after everything computed from it has.
TEST(TensorBackward, GivesAReusedTensorTheSumOfBothContributions) {
  Matrix W = uniform(3, 3, 105);
  const Matrix X = uniform(3, 4, 106);
  const auto loss_of = [&](const Tensor<double>& w) {
    return sum(matmul(w, tanh(matmul(w, data(X)))));
  };
  const Tensor<double> w = leaf(W);
  loss_of(w).backward();
  EXPECT_TRUE(GradientMatches(
      bp::check_gradient("W", W, w.grad(), [&] { return loss_of(data(W)).item(); })));

  // Two separate uses add up: d(L1 + L2)/dW = dL1/dW + dL2/dW.
  const Matrix X2 = uniform(3, 2, 107);
  const Tensor<double> once = leaf(W), twice = leaf(W);
  (sum(matmul(once, data(X))) + sum(mul(matmul(once, data(X2)), matmul(once, data(X2)))))
      .backward();
  sum(matmul(twice, data(X))).backward();
  sum(mul(matmul(twice, data(X2)), matmul(twice, data(X2)))).backward();
  EXPECT_TRUE(
      MatrixNear("dW of one graph that uses W three times", once.grad(), twice.grad(), 1e-13))
      << "each use of W must add its contribution (+=); none may overwrite another";
}

// A second backward() on the same graph: each leaf's gradient doubles, each intermediate one is
// recomputed from zero and stays the same.
TEST(TensorBackward, CalledTwiceDoublesLeafGradientsAndKeepsIntermediateOnes) {
  const Tensor<double> W = leaf(uniform(2, 3, 108)), b = leaf(uniform(2, 1, 109));
  const Tensor<double> H = tanh(matmul(W, data(uniform(3, 4, 110))) + b);
  const Tensor<double> L = mean(mul(H, H));
  L.backward();
  const Matrix dW = W.grad(), db = b.grad(), dH = H.grad();
  L.backward();
  EXPECT_TRUE(MatrixNear("dW after two calls", W.grad(), 2 * dW, 1e-15));
  EXPECT_TRUE(MatrixNear("db after two calls", b.grad(), 2 * db, 1e-15));
  EXPECT_TRUE(MatrixNear("dH after two calls", H.grad(), dH, 1e-15))
      << "H is an intermediate: backward() sets its gradient to zero before the rules run, so it "
         "does not accumulate (chapter 2's step 2)";
}

// backward() starts from a scalar: ∂L/∂L = 1 has no meaning for a (2, 3) root. A loss computed
// from data alone has nothing to differentiate.
TEST(TensorBackward, StartsOnlyFromAOneByOneTensorThatRequiresAGradient) {
  const Tensor<double> W = leaf(uniform(2, 3, 111));
  sum(W).backward();
  EXPECT_TRUE(MatrixNear("d sum(W)/dW", W.grad(), Matrix::Ones(2, 3), 0));
  try {
    W.backward();
    FAIL() << "backward() from a (2, 3) tensor was accepted";
  } catch (const bp::ShapeError& e) {
    EXPECT_NE(std::string(e.what()).find("has shape (2, 3) but (1, 1) was expected"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(sum(data(uniform(2, 3, 112))).backward(), bp::ValueError);
}

// 200,000 additions in a chain: backward must not recurse, and the chain must free itself.
TEST(TensorBackward, WorksThroughAChainOfTwoHundredThousandNodes) {
  const std::size_t before = bp::autograd::live_tensor_nodes();
  {
    const Tensor<double> x = leaf(Matrix::Constant(1, 1, 0.5));
    const Tensor<double> one = data(Matrix::Ones(1, 1));
    Tensor<double> y = x;
    for (int i = 0; i < 200'000; ++i) y = y + one;
    y.backward();
    EXPECT_TRUE(IsNear("dy/dx", x.grad()(0, 0), 1.0, 0.0));
  }
  EXPECT_EQ(bp::autograd::live_tensor_nodes(), before);
}

// A training step's graph: once the loss goes, every node goes, and only the parameters stay.
TEST(TensorBackward, FreesTheGraphWhenTheLastHandleGoes) {
  const Tensor<double> W = leaf(uniform(3, 4, 113)), b = leaf(uniform(3, 1, 114));
  const std::size_t before = bp::autograd::live_tensor_nodes();
  for (int step = 0; step < 3; ++step) {
    const Tensor<double> X = data(uniform(4, 6, 115 + static_cast<std::uint64_t>(step)));
    softmax_cross_entropy(relu(matmul(W, X) + b), {0, 1, 2, 0, 1, 2}).backward();
  }
  EXPECT_EQ(bp::autograd::live_tensor_nodes(), before)
      << "the graph of each step must be freed once its loss is gone";
}

// zero_grad() clears every gradient of the graph, leaves and intermediates; backward() after it
// gives the first call's gradients again.
TEST(TensorZeroGrad, ClearsEveryGradientOfTheGraph) {
  const Tensor<double> W = leaf(uniform(2, 3, 121));
  const Tensor<double> H = sigmoid(matmul(W, data(uniform(3, 4, 122))));
  const Tensor<double> L = sum(mul(H, H));
  L.backward();
  const Matrix first = W.grad();
  L.zero_grad();
  EXPECT_TRUE(MatrixNear("dW after zero_grad", W.grad(), Matrix::Zero(2, 3), 0));
  EXPECT_TRUE(MatrixNear("dH after zero_grad", H.grad(), Matrix::Zero(2, 4), 0));
  EXPECT_TRUE(IsNear("dL after zero_grad", L.grad()(0, 0), 0.0, 0.0));
  L.backward();
  EXPECT_TRUE(MatrixNear("dW after zero_grad and backward", W.grad(), first, 0));
}

}  // namespace
