#include "value.h"

#include <atomic>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <sstream>
#include <utility>

#include "bp/shape.h"

namespace bp::autograd {
namespace {

std::atomic<std::size_t> g_live_nodes{0};
std::uint64_t g_last_traversal = 0;
// Set while a Node destructor drains a chain; nested destructors hand their operands to it.
thread_local std::vector<std::shared_ptr<Node>>* g_release_queue = nullptr;

std::string number(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

// How a picture draws each operation (op_symbol) and how an error message names it, in the order of
// enum Op.
struct OpNames {
  const char* symbol;
  const char* name;
};
constexpr OpNames kOpNames[] = {
    {"", "leaf"},   {"+", "add"},     {"-", "sub"},     {"*", "mul"},
    {"/", "div"},   {"neg", "neg"},   {"pow", "pow"},   {"exp", "exp"},
    {"log", "log"}, {"tanh", "tanh"}, {"relu", "relu"}, {"sigmoid", "sigmoid"},
};
static_assert(std::size(kOpNames) == static_cast<std::size_t>(Op::Sigmoid) + 1,
              "one entry per operation of enum Op");

const OpNames& names_of(Op op) { return kOpNames[static_cast<std::size_t>(op)]; }

// "pow(0, 0.5)": the operation and its inputs, as the messages below show them.
std::string call(Op op, std::initializer_list<double> inputs) {
  std::string shown;
  for (double x : inputs) {
    shown += (shown.empty() ? "" : ", ") + number(x);
  }
  return std::string(names_of(op).name) + "(" + shown + ")";
}

bool all_finite(std::initializer_list<double> values) {
  for (double x : values) {
    if (!std::isfinite(x)) {
      return false;
    }
  }
  return true;
}

// Finite inputs must give a finite result: log(0), 1/0, pow(0, -1) and exp(1000) are reported
// where they happen, not as a NaN many steps later. Non-finite inputs pass through (IEEE).
void require_finite(Op op, double result, std::initializer_list<double> inputs) {
  if (std::isfinite(result) || !all_finite(inputs)) {
    return;  // the common case, a finite result, needs no string work at all
  }
  throw ValueError("autograd " + call(op, inputs) + " = " + number(result) +
                   ": a finite input gave a result that is not finite");
}

Value unary(Op op, double data, const Value& x) {
  require_finite(op, data, {x.data()});
  auto node = std::make_shared<Node>();
  node->data = data;
  node->op = op;
  node->lhs = x.shared();
  return Value(std::move(node));
}

Value binary(Op op, double data, const Value& a, const Value& b) {
  require_finite(op, data, {a.data(), b.data()});
  auto node = std::make_shared<Node>();
  node->data = data;
  node->op = op;
  node->lhs = a.shared();
  node->rhs = b.shared();
  return Value(std::move(node));
}

// The backward pass's counterpart of require_finite: a rule that turns an operand's finite
// gradient into one that is not finite, although the node's grad and every input are finite (√x at
// x = 0 has d/dx = ∞), is reported where it ran, not as a NaN in the parameters many steps later.
void require_finite_gradient(const Node& node, std::initializer_list<double> inputs,
                             const char* operand, double before, double after) {
  if (std::isfinite(after) || !std::isfinite(before) || !std::isfinite(node.grad) ||
      !all_finite(inputs)) {
    return;
  }
  throw ValueError("autograd backward of " + call(node.op, inputs) + ": the gradient of its " +
                   operand + " became " + number(after) + " (from " + number(before) +
                   ", with node.grad = " + number(node.grad) +
                   "): finite inputs gave a gradient that is not finite");
}

}  // namespace

Node::Node() { g_live_nodes.fetch_add(1, std::memory_order_relaxed); }

Node::~Node() {
  g_live_nodes.fetch_sub(1, std::memory_order_relaxed);
  if (!lhs && !rhs) {
    return;
  }
  if (g_release_queue != nullptr) {  // an outer destructor is draining: it frees our operands
    if (lhs) g_release_queue->push_back(std::move(lhs));
    if (rhs) g_release_queue->push_back(std::move(rhs));
    return;
  }
  // Freeing the operands from here would recurse once per node of a chain, and a million-node
  // graph would overflow the stack. Drain them through a queue instead.
  std::vector<std::shared_ptr<Node>> queue;
  g_release_queue = &queue;
  if (lhs) queue.push_back(std::move(lhs));
  if (rhs) queue.push_back(std::move(rhs));
  while (!queue.empty()) {
    std::shared_ptr<Node> next = std::move(queue.back());
    queue.pop_back();
    next.reset();  // if this was the last owner, that node's operands join the queue
  }
  g_release_queue = nullptr;
}

Value::Value(double data, std::string label) : node_(std::make_shared<Node>()) {
  node_->data = data;
  node_->label = std::move(label);
}

Value::Value(std::shared_ptr<Node> node) : node_(std::move(node)) {
  if (!node_) {
    throw ValueError("Value: cannot wrap an empty node pointer");
  }
}

Value& Value::set_label(std::string label) {
  node_->label = std::move(label);
  return *this;
}

const char* op_symbol(Op op) { return names_of(op).symbol; }

std::size_t live_nodes() { return g_live_nodes.load(std::memory_order_relaxed); }

std::uint64_t new_traversal() { return ++g_last_traversal; }

// Every operation: compute the result with its family's forward function, record the node.
Value operator+(const Value& a, const Value& b) {
  return binary(Op::Add, arithmetic_forward(Op::Add, a.data(), b.data()), a, b);
}
Value operator-(const Value& a, const Value& b) {
  return binary(Op::Sub, arithmetic_forward(Op::Sub, a.data(), b.data()), a, b);
}
Value operator*(const Value& a, const Value& b) {
  return binary(Op::Mul, arithmetic_forward(Op::Mul, a.data(), b.data()), a, b);
}
Value operator/(const Value& a, const Value& b) {
  return binary(Op::Div, arithmetic_forward(Op::Div, a.data(), b.data()), a, b);
}
Value operator-(const Value& a) {
  return unary(Op::Neg, arithmetic_forward(Op::Neg, a.data(), 0.0), a);
}

Value pow(const Value& x, double n) {
  const double data = power_forward(Op::Pow, x.data(), n);
  require_finite(Op::Pow, data, {x.data(), n});
  Value out = unary(Op::Pow, data, x);
  out.node().exponent = n;
  return out;
}
Value exp(const Value& x) { return unary(Op::Exp, power_forward(Op::Exp, x.data(), 0.0), x); }
Value log(const Value& x) { return unary(Op::Log, power_forward(Op::Log, x.data(), 0.0), x); }

Value tanh(const Value& x) { return unary(Op::Tanh, nonlinear_forward(Op::Tanh, x.data()), x); }
Value relu(const Value& x) { return unary(Op::Relu, nonlinear_forward(Op::Relu, x.data()), x); }
Value sigmoid(const Value& x) {
  return unary(Op::Sigmoid, nonlinear_forward(Op::Sigmoid, x.data()), x);
}

Value& operator+=(Value& a, const Value& b) {
  a = a + b;
  return a;
}

void propagate(Node& node) {
  if (node.op == Op::Leaf) {
    return;
  }
  const double lhs_before = node.lhs->grad;
  const double rhs_before = node.rhs ? node.rhs->grad : 0.0;
  switch (node.op) {
    case Op::Leaf:
      return;
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Neg:
      arithmetic_backward(node);
      break;
    case Op::Pow:
    case Op::Exp:
    case Op::Log:
      power_backward(node);
      break;
    case Op::Tanh:
    case Op::Relu:
    case Op::Sigmoid:
      nonlinear_backward(node);
      break;
  }
  if (std::isfinite(node.lhs->grad) && (!node.rhs || std::isfinite(node.rhs->grad))) {
    return;  // the common case: nothing to report
  }
  if (node.op == Op::Pow) {
    require_finite_gradient(node, {node.lhs->data, node.exponent}, "operand", lhs_before,
                            node.lhs->grad);
  } else if (node.rhs) {
    require_finite_gradient(node, {node.lhs->data, node.rhs->data}, "first operand", lhs_before,
                            node.lhs->grad);
    require_finite_gradient(node, {node.lhs->data, node.rhs->data}, "second operand", rhs_before,
                            node.rhs->grad);
  } else {
    require_finite_gradient(node, {node.lhs->data}, "operand", lhs_before, node.lhs->grad);
  }
}

}  // namespace bp::autograd
