// Task ch02.7: the Graphviz picture of a graph.
#include "graphviz.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "engine_testing.h"

namespace {

using bp::autograd::Value;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// micrograd's small example, L = (a·b + c)·f: every node's box shows its label, data and grad;
// every operation has its oval; every operand has an edge.
TEST(GraphvizExport, DrawsEveryNodeWithDataGradAndOperation) {
  const Value a(2.0, "a"), b(-3.0, "b"), c(10.0, "c"), f(-2.0, "f");
  Value e = a * b;
  e.set_label("e");
  Value d = e + c;
  d.set_label("d");
  Value L = d * f;
  L.set_label("L");
  L.backward();
  const std::string dot = bp::autograd::to_dot(L);
  EXPECT_EQ(dot.rfind("digraph", 0), 0u) << dot;
  EXPECT_NE(dot.find("rankdir=LR"), std::string::npos) << "left to right, as micrograd draws";
  for (const char* box :
       {"{ a | data 2.0000 | grad 6.0000 }", "{ b | data -3.0000 | grad -4.0000 }",
        "{ c | data 10.0000 | grad -2.0000 }", "{ f | data -2.0000 | grad 4.0000 }",
        "{ e | data -6.0000 | grad -2.0000 }", "{ d | data 4.0000 | grad -2.0000 }",
        "{ L | data -8.0000 | grad 1.0000 }"}) {
    EXPECT_NE(dot.find(box), std::string::npos) << "missing the box " << box << " in\n" << dot;
  }
  EXPECT_EQ(count(dot, "shape=record"), 7u) << "one box per node";
  EXPECT_EQ(count(dot, "shape=oval"), 3u) << "one oval per operation: *, + and *";
  EXPECT_EQ(count(dot, "label=\"*\""), 2u);
  EXPECT_EQ(count(dot, "label=\"+\""), 1u);
  EXPECT_EQ(count(dot, "->"), 9u) << "two operand edges and one result edge per operation";
  EXPECT_EQ(std::count(dot.begin(), dot.end(), '{'), std::count(dot.begin(), dot.end(), '}'));
}

// A node used twice is drawn once; labels that are DOT syntax are escaped.
TEST(GraphvizExport, DrawsSharedNodesOnceAndEscapesLabels) {
  const Value a(1.0, "x|y");
  const Value b = a * a;
  const std::string dot = bp::autograd::to_dot(b);
  EXPECT_EQ(count(dot, "shape=record"), 2u) << dot;
  EXPECT_NE(dot.find("x\\|y"), std::string::npos) << "'|' separates record fields: escape it";
}

}  // namespace
