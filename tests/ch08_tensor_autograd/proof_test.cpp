// Task ch08.8: the proof. Worked example (C)'s network, 784-64-64-10 with ReLU and softmax
// cross-entropy, built twice from the same seed: once as chapter 7's Sequential with its
// hand-derived backward passes, once as an MlpModule differentiated by the engine. For the same
// batch, the loss and every parameter gradient agree to 1e-12, relative, in double.
#include <gtest/gtest.h>

#include <vector>

#include "bp/datasets.h"
#include "losses.h"
#include "module.h"
#include "proof_values.h"
#include "tensor_testing.h"

namespace {

using namespace ch08_testing;
namespace v = bp::values::proof;

struct Batch {
  Matrix X;                 // (784, 32): images of bp::data::synthetic_images, pixels in [0, 1]
  std::vector<int> labels;  // 32 labels
};

Batch image_batch(unsigned seed) {
  const bp::data::ImageSet images = bp::data::synthetic_images(v::kBatch, seed);
  const Eigen::Map<const bp::nn::Matrix<float>> pixels(images.pixels.data(), 784, v::kBatch);
  return {pixels.cast<double>(), images.labels};
}

// Compares one network's loss and gradients with the other's, for one spec.
void expect_same_gradients(const bp::nn::MlpSpec& spec, const Batch& batch) {
  bp::Rng rng(v::kWeightSeed), same(v::kWeightSeed);
  bp::nn::Sequential<double> by_hand = bp::nn::make_mlp<double>(spec, rng);
  bp::nn::MlpModule<double> engine(spec, same);

  const bp::nn::LossAndGradient<double> hand =
      bp::nn::softmax_cross_entropy(by_hand.forward(batch.X), batch.labels);
  by_hand.backward(hand.gradient);  // chapters 3–7: every layer's backward, written by hand

  const Tensor<double> L = softmax_cross_entropy(engine.forward(data(batch.X)), batch.labels);
  L.backward();  // chapter 8: the graph's rules, in reverse topological order

  EXPECT_TRUE(
      RelativelyEqual("the loss", L.value(), Matrix::Constant(1, 1, hand.value), v::kTolerance));
  const std::vector<bp::nn::Parameter<double>> expected = by_hand.parameters();
  const std::vector<bp::nn::Parameter<double>> actual = engine.parameters();
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t k = 0; k < actual.size(); ++k) {
    EXPECT_TRUE(
        RelativelyEqual(actual[k].name + " (its value)", actual[k].value, expected[k].value, 0))
        << "both networks start from the same draws";
    EXPECT_TRUE(RelativelyEqual("the gradient of " + actual[k].name, actual[k].grad,
                                expected[k].grad, v::kTolerance));
  }
}

TEST(ProofAgainstChapterSeven, ExampleCsLossAndEveryGradientEqualTheHandWrittenNetwork) {
  bp::nn::MlpSpec spec;
  spec.sizes = {784, 64, 64, 10};  // (C): ReLU, He initialisation
  expect_same_gradients(spec, image_batch(v::kImageSeed));
}

// The same proof for tanh layers with PyTorch's initialisation, whose biases are not zero.
TEST(ProofAgainstChapterSeven, HoldsForATanhNetworkWithNonZeroBiases) {
  bp::nn::MlpSpec spec;
  spec.sizes = {784, 32, 16, 10};
  spec.hidden = bp::nn::Hidden::Tanh;
  spec.init = bp::nn::Init::PyTorch;
  expect_same_gradients(spec, image_batch(v::kImageSeed + 1));
}

}  // namespace
