// Task ch07.5: evaluation. A fixed "network" whose logits are its input lets each expected
// number be read off the test: the loss is chapter 5's cross-entropy, the accuracy the diagonal
// of the confusion matrix over N.
#include "evaluation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "bp/testing/assertions.h"
#include "dropout.h"
#include "linear.h"
#include "losses.h"

namespace {

using bp::nn::Matrix;
using bp::nn::Sequential;
using bp::testing::IsNear;

// A 3-class "network" that outputs its input: Linear with W = I and b = 0.
Sequential<double> passthrough() {
  Sequential<double> net;
  net.emplace<bp::nn::Linear<double>>(Matrix<double>::Identity(3, 3),
                                      bp::nn::Vector<double>::Zero(3));
  return net;
}

// Five samples' logits: the largest entries say classes 0, 1, 2, 2, 0.
Matrix<double> five_logits() {
  Matrix<double> Z(3, 5);
  Z << 2, 0, 0, 1, 3,  //
      0, 1, 0, 0, 0,   //
      0, 0, 1, 2, 0;
  return Z;
}
const std::vector<int> kLabels = {0, 1, 1, 2, 2};  // samples 2 and 4 are wrong

TEST(ClassifierEvaluation, CountsAccuracyAndTheConfusionMatrix) {
  Sequential<double> net = passthrough();
  const bp::nn::Evaluation result = bp::nn::evaluate(net, five_logits(), kLabels, 3, 2);
  Eigen::MatrixXi expected(3, 3);  // row: the true class, column: the predicted class
  expected << 1, 0, 0,             //
      0, 1, 1,                     //
      1, 0, 1;
  EXPECT_EQ(result.confusion, expected)
      << "confusion(t, p) counts the samples of true class t predicted as p.\nGot:\n"
      << result.confusion;
  EXPECT_TRUE(IsNear("accuracy", result.accuracy, 3.0 / 5.0, 1e-12));
  const double loss = bp::nn::softmax_cross_entropy(five_logits(), kLabels).value;
  EXPECT_TRUE(IsNear("loss", result.loss, loss, 1e-12))
      << "The loss is the mean over all samples, the same whatever the batch size (here 2, so "
         "the batches hold 2, 2 and 1 samples: weight each batch's mean by its size).";
}

TEST(ClassifierEvaluation, EvaluatesInEvaluationModeAndRestoresTheMode) {
  // With Dropout(0.5) active, two evaluations would differ and the scores would be noisy.
  Sequential<double> net = passthrough();
  net.emplace<bp::nn::Dropout<double>>(0.5, 3);
  Sequential<double> plain = passthrough();
  const bp::nn::Evaluation first = bp::nn::evaluate(net, five_logits(), kLabels, 3);
  const bp::nn::Evaluation second = bp::nn::evaluate(net, five_logits(), kLabels, 3);
  const bp::nn::Evaluation without = bp::nn::evaluate(plain, five_logits(), kLabels, 3);
  EXPECT_TRUE(IsNear("the loss with dropout present", first.loss, without.loss, 1e-12))
      << "evaluate must switch the model to evaluation mode (EvaluationMode guard): dropout is "
         "for training only.";
  EXPECT_EQ(first.confusion, second.confusion);
  EXPECT_TRUE(net.training()) << "evaluate leaves the model in the mode it found it in.";
}

// A model that is already in evaluation mode stays in it, every layer: the guard restores the
// mode it found, it does not switch training back on. (From training mode, the test above.)
TEST(ClassifierEvaluation, LeavesAModelInEvaluationModeInEvaluationMode) {
  Sequential<double> net = passthrough();
  net.emplace<bp::nn::Dropout<double>>(0.5, 3);
  net.set_training(false);
  const bp::nn::Evaluation result = bp::nn::evaluate(net, five_logits(), kLabels, 3);
  EXPECT_TRUE(IsNear("accuracy", result.accuracy, 3.0 / 5.0, 1e-12));
  EXPECT_FALSE(net.training()) << "evaluate found the model in evaluation mode and must leave it "
                                  "there (restore the previous mode, do not set training = true)";
  EXPECT_FALSE(net.layer(1).training()) << "the dropout layer too";
  net.set_training(true);
  bp::nn::evaluate(net, five_logits(), kLabels, 3);
  EXPECT_TRUE(net.layer(1).training()) << "from training mode, every layer is back in training";
}

// The batch size bounds memory, not the result: batches of 1, of 2 (2, 2, 1), of exactly N = 5
// and of more than N give the same loss, accuracy and confusion matrix.
TEST(ClassifierEvaluation, GivesTheSameResultForEveryBatchSize) {
  Sequential<double> net = passthrough();
  const bp::nn::Evaluation whole = bp::nn::evaluate(net, five_logits(), kLabels, 3, 1000);
  for (Eigen::Index batch : {1, 2, 4, 5, 6}) {
    const bp::nn::Evaluation result = bp::nn::evaluate(net, five_logits(), kLabels, 3, batch);
    EXPECT_TRUE(
        IsNear("loss with batch size " + std::to_string(batch), result.loss, whole.loss, 1e-12));
    EXPECT_EQ(result.confusion, whole.confusion) << "batch size " << batch;
    EXPECT_EQ(result.confusion.sum(), 5) << "every sample counted once, batch size " << batch;
  }
}

TEST(ClassifierEvaluation, RejectsLabelsThatDoNotFit) {
  Sequential<double> net = passthrough();
  EXPECT_THROW(bp::nn::evaluate(net, five_logits(), {0, 1, 2}, 3), bp::ValueError);
  EXPECT_THROW(bp::nn::evaluate(net, five_logits(), {0, 1, 2, 3, 0}, 3), bp::ValueError);
  try {
    bp::nn::evaluate(net, five_logits(), kLabels, 10);
    FAIL() << "a 3-output model was evaluated against 10 classes";
  } catch (const bp::ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("outputs 3"), std::string::npos) << e.what();
  }
}

}  // namespace
