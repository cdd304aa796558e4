#include "value.h"

#include <atomic>
#include <cmath>
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

// Finite inputs must give a finite result: log(0), 1/0, pow(0, -1) and exp(1000) are reported
// where they happen, not as a NaN many steps later. Non-finite inputs pass through (IEEE).
void require_finite(const char* op, double result, std::initializer_list<double> inputs) {
  if (std::isfinite(result)) {
    return;  // the common case: no string work at all
  }
  std::string shown;
  for (double x : inputs) {
    if (!std::isfinite(x)) {
      return;
    }
    shown += (shown.empty() ? "" : ", ") + number(x);
  }
  throw ValueError(std::string("autograd ") + op + "(" + shown + ") = " + number(result) +
                   ": a finite input gave a result that is not finite");
}

Value unary(Op op, double data, const Value& x, const char* name) {
  require_finite(name, data, {x.data()});
  auto node = std::make_shared<Node>();
  node->data = data;
  node->op = op;
  node->lhs = x.shared();
  return Value(std::move(node));
}

Value binary(Op op, double data, const Value& a, const Value& b, const char* name) {
  require_finite(name, data, {a.data(), b.data()});
  auto node = std::make_shared<Node>();
  node->data = data;
  node->op = op;
  node->lhs = a.shared();
  node->rhs = b.shared();
  return Value(std::move(node));
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

const char* op_symbol(Op op) {
  switch (op) {
    case Op::Leaf:
      return "";
    case Op::Add:
      return "+";
    case Op::Sub:
      return "-";
    case Op::Mul:
      return "*";
    case Op::Div:
      return "/";
    case Op::Neg:
      return "neg";
    case Op::Pow:
      return "pow";
    case Op::Exp:
      return "exp";
    case Op::Log:
      return "log";
    case Op::Tanh:
      return "tanh";
    case Op::Relu:
      return "relu";
    case Op::Sigmoid:
      return "sigmoid";
  }
  return "?";
}

std::size_t live_nodes() { return g_live_nodes.load(std::memory_order_relaxed); }

std::uint64_t new_traversal() { return ++g_last_traversal; }

// Every operation: compute the result with its family's forward function, record the node.
Value operator+(const Value& a, const Value& b) {
  return binary(Op::Add, arithmetic_forward(Op::Add, a.data(), b.data()), a, b, "add");
}
Value operator-(const Value& a, const Value& b) {
  return binary(Op::Sub, arithmetic_forward(Op::Sub, a.data(), b.data()), a, b, "sub");
}
Value operator*(const Value& a, const Value& b) {
  return binary(Op::Mul, arithmetic_forward(Op::Mul, a.data(), b.data()), a, b, "mul");
}
Value operator/(const Value& a, const Value& b) {
  return binary(Op::Div, arithmetic_forward(Op::Div, a.data(), b.data()), a, b, "div");
}
Value operator-(const Value& a) {
  return unary(Op::Neg, arithmetic_forward(Op::Neg, a.data(), 0.0), a, "neg");
}

Value pow(const Value& x, double n) {
  const double data = power_forward(Op::Pow, x.data(), n);
  require_finite("pow", data, {x.data(), n});
  Value out = unary(Op::Pow, data, x, "pow");
  out.node().exponent = n;
  return out;
}
Value exp(const Value& x) {
  return unary(Op::Exp, power_forward(Op::Exp, x.data(), 0.0), x, "exp");
}
Value log(const Value& x) {
  return unary(Op::Log, power_forward(Op::Log, x.data(), 0.0), x, "log");
}

Value tanh(const Value& x) {
  return unary(Op::Tanh, nonlinear_forward(Op::Tanh, x.data()), x, "tanh");
}
Value relu(const Value& x) {
  return unary(Op::Relu, nonlinear_forward(Op::Relu, x.data()), x, "relu");
}
Value sigmoid(const Value& x) {
  return unary(Op::Sigmoid, nonlinear_forward(Op::Sigmoid, x.data()), x, "sigmoid");
}

Value& operator+=(Value& a, const Value& b) {
  a = a + b;
  return a;
}

void propagate(Node& node) {
  switch (node.op) {
    case Op::Leaf:
      return;
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Neg:
      return arithmetic_backward(node);
    case Op::Pow:
    case Op::Exp:
    case Op::Log:
      return power_backward(node);
    case Op::Tanh:
    case Op::Relu:
    case Op::Sigmoid:
      return nonlinear_backward(node);
  }
}

}  // namespace bp::autograd
