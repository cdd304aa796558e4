#include "graphviz.h"

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>

#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/

namespace bp::autograd {
namespace {

// DOT record labels treat these characters as syntax. ([[maybe_unused]]: the stub of task
// ch02.7 does not call the helpers yet.)
[[maybe_unused]] std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '{' || c == '}' || c == '|' || c == '<' || c == '>' || c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

[[maybe_unused]] std::string four_decimals(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f", x);
  return buffer;
}

}  // namespace

std::string to_dot(const Value& root) {
  // [ch02.7]
  std::ostringstream dot;
  dot << "digraph autograd {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n";
  // A node's DOT id is its address: unique while the graph lives, which labels need not be.
  const auto id_of = [](const Node* node) {
    return "n" + std::to_string(reinterpret_cast<std::uintptr_t>(node));
  };
  for (const Node* node : topological_order(root.node())) {
    const std::string id = id_of(node);
    dot << "  " << id << " [shape=record, label=\"{ " << escape(node->label) << " | data "
        << four_decimals(node->data) << " | grad " << four_decimals(node->grad) << " }\"];\n";
    if (node->op == Op::Leaf) {
      continue;
    }
    // operand box → operation oval → result box
    dot << "  " << id << "op [shape=oval, label=\"" << escape(op_symbol(node->op)) << "\"];\n";
    dot << "  " << id << "op -> " << id << ";\n";
    for (const Node* operand : {node->lhs.get(), node->rhs.get()}) {
      if (operand != nullptr) {
        dot << "  " << id_of(operand) << " -> " << id << "op;\n";
      }
    }
  }
  dot << "}\n";
  return dot.str();
  // [ch02.7]
}

}  // namespace bp::autograd
