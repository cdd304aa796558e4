// The trainer behind ./course train: it falls back to generated data when no dataset is
// installed, writes metrics and weights that reload to the same accuracy, and explains data that
// does not fit the network and a loss that stops being finite.
#include "trainer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bp/idx.h"
#include "bp/shape.h"

namespace {

namespace fs = std::filesystem;
using bp::train::Options;

// A small run on the generated stand-in: 1,000 training images, 200 test images.
Options small_synthetic_run(const std::string& out) {
  Options o;
  o.data_dir = "/nonexistent/mnist";
  o.train_limit = 1000;
  o.test_limit = 200;
  o.optimizer = "adam";
  o.learning_rate = 0.003;
  o.epochs = 3;
  o.progress = false;
  o.pictures = false;
  o.out_dir = (fs::temp_directory_path() / "bp-trainer-test" / out).string();
  return o;
}

TEST(Trainer, FallsBackToGeneratedImagesAndSaysHowToInstallTheDataset) {
  Options o = small_synthetic_run("fallback");
  std::ostringstream log;
  const bp::train::Data data = bp::train::load_data(o, log);
  EXPECT_NE(log.str().find("./course install"), std::string::npos) << log.str();
  EXPECT_EQ(data.train_X.rows(), 784);
  EXPECT_EQ(data.train_X.cols(), 1000);
  EXPECT_EQ(data.class_names.size(), 10u);

  auto model = bp::train::build_network(o, 784, 10);
  const bp::train::Result result = bp::train::train(o, data, model, log);
  ASSERT_EQ(result.history.size(), 4u) << "epoch 0 (untrained) and three epochs";
  EXPECT_GT(result.final.accuracy, 0.9) << "The ten patterns are easy to tell apart.\n"
                                        << log.str();
}

TEST(Trainer, WritesMetricsAndWeightsThatReloadToTheSameAccuracy) {
  Options o = small_synthetic_run("outputs");
  std::ostringstream log;
  const bp::train::Data data = bp::train::load_data(o, log);
  auto model = bp::train::build_network(o, 784, 10);
  const bp::train::Result result = bp::train::train(o, data, model, log);
  bp::train::write_outputs(o, data, model, result, log);

  std::ifstream csv(fs::path(o.out_dir) / "metrics.csv");
  std::string header, line;
  std::getline(csv, header);
  EXPECT_EQ(header, "epoch,train_loss,test_loss,test_accuracy,seconds,samples_per_second");
  int rows = 0;
  while (std::getline(csv, line)) ++rows;
  EXPECT_EQ(rows, 4);

  Options fresh = o;
  fresh.seed = 99;  // different initial weights, replaced by the file's
  auto reloaded = bp::train::build_network(fresh, 784, 10);
  bp::io::load_weights((fs::path(o.out_dir) / "weights.bpw").string(),
                       bp::train::weight_views(reloaded));
  const bp::nn::Evaluation again = bp::nn::evaluate(reloaded, data.test_X, data.test_y, 10);
  EXPECT_EQ(again.accuracy, result.final.accuracy);
  EXPECT_EQ(again.confusion, result.final.confusion);
}

TEST(Trainer, DataThatDoesNotFitTheNetworkNamesBothSizes) {
  Options o = small_synthetic_run("mismatch");
  std::ostringstream log;
  const bp::train::Data data = bp::train::load_data(o, log);
  auto model = bp::train::build_network(o, 100, 10);  // a network for 10 × 10 images
  try {
    bp::train::train(o, data, model, log);
    FAIL() << "28 x 28 images were fed to a network that takes 100 inputs";
  } catch (const bp::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("784 pixels, but the network's first layer takes 100"),
              std::string::npos)
        << e.what();
  }
  // Weights of another shape: the weights file names both shapes.
  const std::string path = (fs::temp_directory_path() / "bp-trainer-test" / "small.bpw").string();
  bp::io::save_weights(path, bp::train::weight_views(model));
  auto other = bp::train::build_network(o, 784, 10);
  EXPECT_THROW(bp::io::load_weights(path, bp::train::weight_views(other)), bp::io::WeightsError);
}

TEST(Trainer, ANamedDataFolderMustExist) {
  Options o = small_synthetic_run("missing");
  o.data_dir_given = true;
  std::ostringstream log;
  try {
    bp::train::load_data(o, log);
    FAIL() << "a missing --data folder was accepted";
  } catch (const bp::data::DataError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/mnist"), std::string::npos) << e.what();
  }
}

TEST(Trainer, StopsAtTheStepWhereTheLossIsNoLongerFinite) {
  Options o = small_synthetic_run("diverges");
  o.optimizer = "sgd";
  o.learning_rate = 1e6;
  std::ostringstream log;
  const bp::train::Data data = bp::train::load_data(o, log);
  auto model = bp::train::build_network(o, 784, 10);
  try {
    bp::train::train(o, data, model, log);
    FAIL() << "SGD with learning rate 1e6 kept a finite loss";
  } catch (const bp::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("at epoch 1, step"), std::string::npos) << e.what();
  }
}

}  // namespace
