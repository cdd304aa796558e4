// Long tests (./course test --long): chapter 7's network on all of Fashion-MNIST, seeded.
// Worked example (C) reproduced exactly as specified, and a chapter-6 optimizer reaching 0.88.
#include <gtest/gtest.h>

#include <sstream>

#include "bp/testing/assertions.h"
#include "fashion_values.h"
#include "trainer.h"

namespace {

namespace v = bp::values::fashion;

double fashion_accuracy(bp::train::Options o) {
  o.progress = false;
  o.pictures = false;
  o.data_dir_given = true;  // the long tests need the real data: ./course test --long installs it
  std::ostringstream log;
  const bp::train::Data data = bp::train::load_data(o, log);
  auto model = bp::train::build_network(o, 784, 10);
  const bp::train::Result result = bp::train::train(o, data, model, log);
  std::cout << log.str();
  return result.final.accuracy;
}

TEST(FashionMnist, WorkedExampleCReachesItsStatedAccuracy) {
  const double accuracy = fashion_accuracy(bp::train::Options{});  // the defaults are (C)
  EXPECT_TRUE(bp::testing::IsNear("(C)'s test accuracy after 5 epochs", accuracy,
                                  v::kExampleCAccuracy, v::kPlatformTolerance));
}

TEST(FashionMnist, AdamWithACosineScheduleReaches088InTenEpochs) {
  bp::train::Options o;
  o.optimizer = "adam";
  o.learning_rate = 0.001;
  o.schedule = "cosine";
  o.epochs = 10;
  const double accuracy = fashion_accuracy(o);
  EXPECT_GE(accuracy, v::kGoal) << "test accuracy after 10 epochs";
  EXPECT_TRUE(bp::testing::IsNear("the seeded run's accuracy", accuracy, v::kAdamCosineAccuracy,
                                  v::kPlatformTolerance));
}

}  // namespace
