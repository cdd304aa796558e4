#include "tensor_graphviz.h"

#include <cstdint>
#include <sstream>

#include "bp/shape.h"

namespace bp::autograd {
namespace {

// DOT record labels treat these characters as syntax.
std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '{' || c == '}' || c == '|' || c == '<' || c == '>' || c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string id_of(const void* node) {
  return "n" + std::to_string(reinterpret_cast<std::uintptr_t>(node));
}

}  // namespace

template <typename T>
std::string to_dot(const Tensor<T>& root) {
  std::ostringstream dot;
  // Top to bottom: the data and the first layer at the top, the loss at the bottom. In this
  // direction a record's fields sit side by side: name | value shape | gradient shape.
  dot << "digraph tensors {\n  rankdir=TB;\n  nodesep=0.3;\n  ranksep=0.3;\n"
      << "  node [fontname=\"Helvetica\", fontsize=11];\n";
  for (const TensorNode<T>* node : topological_order(root.node())) {
    const std::string id = id_of(node);
    const std::string grad = node->requires_grad ? "grad " + shape_of(node->value) : "no grad";
    dot << "  " << id << " [shape=record, label=\"" << escape(node->label) << " | value "
        << shape_of(node->value) << " | " << grad << "\""
        << (node->is_leaf() && node->requires_grad ? ", style=filled, fillcolor=\"#dbe8f6\"" : "")
        << "];\n";
    if (node->is_leaf()) {
      continue;
    }
    dot << "  " << id << "op [shape=oval, height=0.3, label=\"" << escape(node->op) << "\"];\n";
    dot << "  " << id << "op -> " << id << ";\n";
    for (const TensorNode<T>* operand : {node->lhs.get(), node->rhs.get()}) {
      if (operand != nullptr) {
        dot << "  " << id_of(operand) << " -> " << id << "op;\n";
      }
    }
  }
  dot << "}\n";
  return dot.str();
}

template std::string to_dot(const Tensor<double>&);
template std::string to_dot(const Tensor<float>&);

}  // namespace bp::autograd
