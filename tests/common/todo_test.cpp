// The stub helper and the shape checks: what a learner sees before writing a line.
#include "bp/todo.h"

#include <gtest/gtest.h>

#include "bp/shape.h"

namespace {

// todo() throws NotImplemented carrying the task id, the instruction and the stub's location.
TEST(Todo, ThrowsNotImplementedNamingTheTask) {
  try {
    bp::todo("ch01.1", "return the derivative");
    FAIL() << "todo() returned";
  } catch (const bp::NotImplemented& e) {
    EXPECT_EQ(e.task_id(), "ch01.1");
    EXPECT_EQ(e.instruction(), "return the derivative");
    EXPECT_NE(e.where().find("todo_test.cpp:"), std::string::npos) << e.where();
    EXPECT_NE(std::string(e.what()).find("ch01.1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(bp::detail::not_implemented_count(), 1u);
}

// A shape error names the function, the argument and both shapes.
TEST(Shape, RequireShapeNamesFunctionArgumentAndBothShapes) {
  const Eigen::MatrixXd x = Eigen::MatrixXd::Zero(3, 5);
  try {
    bp::require_shape("Linear::forward", "x", x, 4, -1);
    FAIL() << "no exception";
  } catch (const bp::ShapeError& e) {
    EXPECT_STREQ(e.what(), "Linear::forward: x has shape (3, 5) but (4, ?) was expected");
  }
  EXPECT_NO_THROW(bp::require_shape("f", "x", x, 3, 5));
}

// Two arguments that must agree: both are named with their shapes.
TEST(Shape, RequireSameShapeNamesBothArguments) {
  try {
    bp::require_same_shape("mse", "prediction", Eigen::MatrixXd::Zero(1, 4), "target",
                           Eigen::MatrixXd::Zero(4, 1));
    FAIL() << "no exception";
  } catch (const bp::ShapeError& e) {
    EXPECT_STREQ(e.what(), "mse: prediction has shape (1, 4) but target has shape (4, 1)");
  }
}

#ifndef NDEBUG
// In checked builds a product of matrices that do not fit throws instead of aborting.
TEST(Shape, EigenAssertionsThrowShapeError) {
  const Eigen::MatrixXd a = Eigen::MatrixXd::Zero(2, 3);
  const Eigen::MatrixXd b = Eigen::MatrixXd::Zero(2, 3);
  EXPECT_THROW({ Eigen::MatrixXd c = a * b; }, bp::ShapeError);
}
#endif

}  // namespace
