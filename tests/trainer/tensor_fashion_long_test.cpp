// Long test (./course test --long): worked example (C) trained by chapter 8's tensor engine on all
// of Fashion-MNIST, with chapter 7's seeds and settings, reaches the accuracy chapter 7 states.
// The network starts from the weights chapter 7's trainer draws (make_mlp from Rng(seed)) and
// sees the same shuffled batches (Rng(seed + 1)); only the backward pass differs: the engine's
// graph instead of the hand-written layers.
#include <gtest/gtest.h>

#include <sstream>

#include "bp/testing/assertions.h"
#include "evaluation.h"
#include "fashion_values.h"
#include "module.h"
#include "tensor_training.h"
#include "trainer.h"

namespace {

namespace v = bp::values::fashion;

TEST(FashionMnistWithTheTensorEngine, WorkedExampleCReachesChapterSevensAccuracy) {
  bp::train::Options o;     // the defaults are (C): SGD 0.01, batch 32, 5 epochs, seed 2
  o.data_dir_given = true;  // the long tests need the real data: ./course test --long installs it
  std::ostringstream log;
  const bp::train::Data data = bp::train::load_data(o, log);

  // [example-c-with-the-engine]
  bp::nn::MlpSpec spec;
  spec.sizes = {784, 64, 64, 10};
  bp::Rng weights(o.seed);
  bp::nn::MlpModule<float> model(spec, weights);
  bp::optim::Sgd<float> sgd(static_cast<float>(o.learning_rate));
  bp::Rng order(o.seed + 1);  // the trainer's shuffling engine
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    const std::vector<float> losses =
        bp::nn::train_epoch(model, sgd, data.train_X, data.train_y, o.batch_size, order);
    std::cout << "  epoch " << epoch + 1 << ": last batch loss " << losses.back() << "\n";
  }
  // [example-c-with-the-engine]

  // Scored by chapter 7's evaluate(), on a copy of the trained weights in chapter 7's network.
  bp::nn::Sequential<float> scored = bp::train::build_network(o, 784, 10);
  std::vector<bp::nn::Parameter<float>> to = scored.parameters();
  const std::vector<bp::nn::Parameter<float>> from = model.parameters();
  ASSERT_EQ(to.size(), from.size());
  for (std::size_t k = 0; k < to.size(); ++k) to[k].value = from[k].value;
  const double accuracy = bp::nn::evaluate(scored, data.test_X, data.test_y, 10).accuracy;
  std::cout << "  test accuracy " << accuracy << "\n";
  EXPECT_TRUE(bp::testing::IsNear("(C)'s test accuracy after 5 epochs, trained by the engine",
                                  accuracy, v::kExampleCAccuracy, v::kPlatformTolerance));
}

}  // namespace
