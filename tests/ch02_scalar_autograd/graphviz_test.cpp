// Task ch02.7: the Graphviz picture of a graph.
#include "graphviz.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "engine_testing.h"

namespace {

using bp::autograd::Value;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The statements of a DOT picture: boxes and ovals by id, and the edges between ids.
struct Picture {
  std::map<std::string, std::string> boxes;  // id -> the box's label field ("a", or "")
  std::map<std::string, std::string> ovals;  // id -> the operation's symbol ("*")
  std::vector<std::pair<std::string, std::string>> edges;  // (from id, to id)
  std::vector<std::string> repeated;                       // ids declared more than once
};

Picture parse(const std::string& dot) {
  // An id is a word or a quoted string (quotes are part of the id here, harmlessly).
  static const std::regex kNode(R"re(^\s*(\w+|"[^"]*")\s*\[(.*)\]\s*;?\s*$)re");
  static const std::regex kEdge(R"re(^\s*(\w+|"[^"]*")\s*->\s*(\w+|"[^"]*")\s*;?\s*$)re");
  static const std::regex kRecord(R"re(label="\{\s*(.*?)\s*\|)re");
  static const std::regex kOval(R"re(label="(.*?)")re");
  Picture picture;
  std::istringstream lines(dot);
  std::smatch m, label;
  for (std::string line; std::getline(lines, line);) {
    if (std::regex_match(line, m, kEdge)) {
      picture.edges.emplace_back(m[1], m[2]);
    } else if (std::regex_match(line, m, kNode) && m[1] != "node") {
      const std::string id = m[1], attributes = m[2];
      if (picture.boxes.count(id) + picture.ovals.count(id) > 0) picture.repeated.push_back(id);
      if (attributes.find("shape=record") != std::string::npos) {
        picture.boxes[id] = std::regex_search(attributes, label, kRecord) ? label[1].str() : "";
      } else if (attributes.find("shape=oval") != std::string::npos) {
        picture.ovals[id] = std::regex_search(attributes, label, kOval) ? label[1].str() : "";
      }
    }
  }
  return picture;
}

// micrograd's small example, L = (a·b + c)·f, every node labelled; L keeps the whole graph alive.
Value micrograds_small_example() {
  const Value a(2.0, "a"), b(-3.0, "b"), c(10.0, "c"), f(-2.0, "f");
  Value e = a * b;
  e.set_label("e");
  Value d = e + c;
  d.set_label("d");
  Value L = d * f;
  L.set_label("L");
  return L;
}

// micrograd's small example, L = (a·b + c)·f: every node's box shows its label, data and grad;
// every operation has its oval; every operand has an edge.
TEST(GraphvizExport, DrawsEveryNodeWithDataGradAndOperation) {
  Value L = micrograds_small_example();
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

// Every edge runs operand box → operation oval → result box, as the header says: in L = (a·b +
// c)·f the ovals are (a, b) → * → e, (e, c) → + → d and (d, f) → * → L. Counting the edges
// cannot tell that from the same edges drawn backwards.
TEST(GraphvizExport, EdgesRunFromOperandsThroughTheOperationToTheResult) {
  const Value L = micrograds_small_example();
  const std::string dot = bp::autograd::to_dot(L);
  const Picture picture = parse(dot);
  ASSERT_EQ(picture.boxes.size(), 7u) << dot;
  ASSERT_EQ(picture.ovals.size(), 3u) << dot;
  // For each oval: its symbol, the boxes with an edge into it, the boxes it has an edge to.
  using Operation = std::tuple<std::string, std::multiset<std::string>, std::multiset<std::string>>;
  std::map<std::string, Operation> seen;
  for (const auto& [id, symbol] : picture.ovals) std::get<0>(seen[id]) = symbol;
  for (const auto& [from, to] : picture.edges) {
    const bool from_box = picture.boxes.count(from) > 0, to_box = picture.boxes.count(to) > 0;
    const bool from_oval = picture.ovals.count(from) > 0, to_oval = picture.ovals.count(to) > 0;
    ASSERT_TRUE((from_box && to_oval) || (from_oval && to_box))
        << "the edge " << from << " -> " << to << " must join a box and an oval, declared ids\n"
        << dot;
    if (from_box) std::get<1>(seen[to]).insert(picture.boxes.at(from));
    if (to_box) std::get<2>(seen[from]).insert(picture.boxes.at(to));
  }
  std::multiset<Operation> operations;
  for (const auto& [id, operation] : seen) operations.insert(operation);
  const std::multiset<Operation> expected = {
      {"*", {"a", "b"}, {"e"}}, {"+", {"c", "e"}, {"d"}}, {"*", {"d", "f"}, {"L"}}};
  EXPECT_EQ(operations, expected)
      << "each operation oval has an edge from each operand's box and one edge to its result's "
         "box (operand -> operation -> result), not the other way round:\n"
      << dot;
}

// Nodes without labels, even with equal data, are still different nodes: each box has an id of
// its own, and every edge names a declared id. x·y + x has four nodes and four boxes.
TEST(GraphvizExport, GivesUnlabelledNodesDistinctIds) {
  const Value x(2.0), y(2.0);
  const Value out = x * y + x;
  const std::string dot = bp::autograd::to_dot(out);
  const Picture picture = parse(dot);
  EXPECT_TRUE(picture.repeated.empty())
      << "an id is declared twice (" << picture.repeated.front()
      << "): ids must come from the node itself (its address), not from its label or data\n"
      << dot;
  EXPECT_EQ(picture.boxes.size(), 4u) << "x, y, x·y and the sum: four boxes\n" << dot;
  EXPECT_EQ(picture.ovals.size(), 2u) << dot;
  for (const auto& [from, to] : picture.edges) {
    for (const std::string& id : {from, to}) {
      EXPECT_EQ(picture.boxes.count(id) + picture.ovals.count(id), 1u)
          << "the edge " << from << " -> " << to << " names " << id
          << ", which is not declared exactly once\n"
          << dot;
    }
  }
  EXPECT_EQ(picture.edges.size(), 6u) << "x, y -> *; * -> x·y; x·y, x -> +; + -> sum\n" << dot;
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
