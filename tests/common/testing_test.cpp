// The predicates' failure messages are part of the course: they are what a learner reads.
#include <gtest/gtest.h>

#include "bp/testing/assertions.h"

namespace {

using bp::testing::AgreesTo;

// 0.9525741 rounds to 0.952574 at six significant digits; 0.95258 does not.
TEST(AgreesTo, ComparesAtTheGivenSignificantDigits) {
  EXPECT_TRUE(AgreesTo("a", 0.9525741268, 0.952574, 6));
  EXPECT_TRUE(AgreesTo("L", 2.8115168e-4, 2.81152e-4, 6));
  EXPECT_FALSE(AgreesTo("a", 0.95258, 0.952574, 6));
  EXPECT_FALSE(AgreesTo("z", 2.5, 3.0, 6));
}

// The failure names the quantity and both values.
TEST(AgreesTo, ExplainsAFailure) {
  const auto result = AgreesTo("z", 2.5, 3.0, 6);
  const std::string message = result.message();
  EXPECT_NE(message.find("z is 2.5"), std::string::npos) << message;
  EXPECT_NE(message.find("should be 3"), std::string::npos) << message;
}

// NaN agrees with nothing.
TEST(AgreesTo, RejectsNaN) { EXPECT_FALSE(AgreesTo("x", std::nan(""), 1.0, 6)); }

// A shape mismatch names both shapes; a value mismatch names the worst entry.
TEST(MatrixNear, NamesShapesAndTheWorstEntry) {
  const Eigen::MatrixXd a = Eigen::MatrixXd::Zero(2, 3);
  const Eigen::MatrixXd b = Eigen::MatrixXd::Zero(3, 2);
  const std::string shapes = bp::testing::MatrixNear("dW", a, b, 1e-9).message();
  EXPECT_NE(shapes.find("(2, 3)"), std::string::npos) << shapes;
  EXPECT_NE(shapes.find("(3, 2)"), std::string::npos) << shapes;
  Eigen::MatrixXd c = a;
  c(1, 2) = 0.5;
  const std::string entry = bp::testing::MatrixNear("dW", c, a, 1e-9).message();
  EXPECT_NE(entry.find("dW(1, 2)"), std::string::npos) << entry;
}

// HasShape names the actual and the expected shape.
TEST(HasShape, NamesBothShapes) {
  const std::string message =
      bp::testing::HasShape("y", Eigen::MatrixXd::Zero(4, 1), 1, 4).message();
  EXPECT_NE(message.find("(4, 1)"), std::string::npos) << message;
  EXPECT_NE(message.find("(1, 4)"), std::string::npos) << message;
}

}  // namespace
