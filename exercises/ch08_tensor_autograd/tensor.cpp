// The engine around the rules: nodes, handles, recording an operation, the topological order and
// propagate(). Everything here is chapter 2's design, carried over to matrices.
#include "tensor.h"

#include <atomic>
#include <utility>

#include "bp/shape.h"
#include "value.h"  // chapter 2: new_traversal(), shared by both engines

namespace bp::autograd {
namespace {

std::atomic<std::size_t> g_live_tensor_nodes{0};

// Set while a TensorNode destructor drains a chain; nested destructors hand their operands to it
// (chapter 2's Node::~Node, for the same reason: a long chain must not free itself recursively).
template <typename T>
thread_local std::vector<std::shared_ptr<TensorNode<T>>>* g_release_queue = nullptr;

template <typename T>
std::string name_of(const TensorNode<T>& node, const char* fallback) {
  return node.label.empty() ? std::string(fallback) : node.label;
}

// A rule must leave each operand's gradient in the operand's own shape. One that forgot to sum a
// broadcast operand's gradient back (b.grad = dY instead of the row sums) would otherwise resize
// it silently, and an optimizer's view of a parameter would point at freed memory.
template <typename T>
void require_gradient_shape(const TensorNode<T>& Y, const TensorNode<T>& operand,
                            const char* which) {
  if (!operand.requires_grad || (operand.grad.rows() == operand.value.rows() &&
                                 operand.grad.cols() == operand.value.cols())) {
    return;
  }
  throw ShapeError(std::string("propagate: the rule of ") + Y.op + " left the gradient of " +
                   name_of(operand, which) + " with shape " + shape_of(operand.grad) +
                   ", but it is " + shape_of(operand.value) +
                   ": a gradient has its operand's shape (an operand added to every column gets "
                   "the sum of those columns' gradients)");
}

}  // namespace

template <typename T>
TensorNode<T>::TensorNode() {
  g_live_tensor_nodes.fetch_add(1, std::memory_order_relaxed);
}

template <typename T>
TensorNode<T>::~TensorNode() {
  g_live_tensor_nodes.fetch_sub(1, std::memory_order_relaxed);
  if (!lhs && !rhs) {
    return;
  }
  auto*& queue = g_release_queue<T>;
  if (queue != nullptr) {  // an outer destructor is draining: it frees our operands
    if (lhs) queue->push_back(std::move(lhs));
    if (rhs) queue->push_back(std::move(rhs));
    return;
  }
  std::vector<std::shared_ptr<TensorNode<T>>> pending;
  queue = &pending;
  if (lhs) pending.push_back(std::move(lhs));
  if (rhs) pending.push_back(std::move(rhs));
  while (!pending.empty()) {
    std::shared_ptr<TensorNode<T>> next = std::move(pending.back());
    pending.pop_back();
    next.reset();  // if this was the last owner, that node's operands join the queue
  }
  queue = nullptr;
}

template <typename T>
Tensor<T>::Tensor(Matrix<T> value, LeafOptions options) : node_(std::make_shared<TensorNode<T>>()) {
  node_->value = std::move(value);
  node_->requires_grad = options.requires_grad;
  node_->label = std::move(options.label);
  if (node_->requires_grad) {
    node_->grad = Matrix<T>::Zero(node_->value.rows(), node_->value.cols());
  }
}

template <typename T>
Tensor<T>::Tensor(std::shared_ptr<TensorNode<T>> node) : node_(std::move(node)) {
  if (!node_) {
    throw ValueError("Tensor: cannot wrap an empty node pointer");
  }
}

template <typename T>
Tensor<T>& Tensor<T>::set_label(std::string label) {
  node_->label = std::move(label);
  return *this;
}

template <typename T>
T Tensor<T>::item() const {
  require_shape("Tensor::item", name_of(*node_, "the tensor"), node_->value, 1, 1);
  return node_->value(0, 0);
}

template <typename T>
Tensor<T> record(const char* op, Matrix<T> value, UnaryRule<T> rule, const Tensor<T>& X) {
  auto node = std::make_shared<TensorNode<T>>();
  node->value = std::move(value);
  node->op = op;
  node->unary_rule = rule;
  node->lhs = X.shared();
  node->requires_grad = X.requires_grad();
  return Tensor<T>(std::move(node));
}

template <typename T>
Tensor<T> record(const char* op, Matrix<T> value, BinaryRule<T> rule, const Tensor<T>& A,
                 const Tensor<T>& B) {
  auto node = std::make_shared<TensorNode<T>>();
  node->value = std::move(value);
  node->op = op;
  node->binary_rule = rule;
  node->lhs = A.shared();
  node->rhs = B.shared();
  node->requires_grad = A.requires_grad() || B.requires_grad();
  return Tensor<T>(std::move(node));
}

template <typename T>
void propagate(TensorNode<T>& node) {
  if (node.is_leaf() || !node.requires_grad) {
    return;  // nothing to pass on: no operands, or none of them wants a gradient
  }
  if (node.grad.rows() != node.value.rows() || node.grad.cols() != node.value.cols()) {
    throw ShapeError(std::string("propagate: the gradient of ") + name_of(node, node.op) +
                     " has shape " + shape_of(node.grad) + " but its value is " +
                     shape_of(node.value) +
                     ": backward() sets every intermediate gradient to "
                     "zero, in its node's shape, before any rule runs");
  }
  if (node.rhs) {
    node.binary_rule(node, *node.lhs, *node.rhs);
    require_gradient_shape(node, *node.lhs, "the first operand");
    require_gradient_shape(node, *node.rhs, "the second operand");
  } else {
    node.unary_rule(node, *node.lhs);
    require_gradient_shape(node, *node.lhs, "the operand");
  }
}

template <typename T>
std::vector<TensorNode<T>*> topological_order(TensorNode<T>& root) {
  // Chapter 2's depth-first search with an explicit stack: each entry is a node and how many of
  // its operands (0, 1 or 2) have been pushed; a node is emitted once both are done.
  const std::uint64_t traversal = new_traversal();
  std::vector<TensorNode<T>*> order;
  std::vector<std::pair<TensorNode<T>*, int>> stack;
  root.visit = traversal;
  stack.emplace_back(&root, 0);
  while (!stack.empty()) {
    auto& [node, pushed] = stack.back();
    if (pushed < 2) {
      TensorNode<T>* operand = pushed == 0 ? node->lhs.get() : node->rhs.get();
      ++pushed;  // before emplace_back, which may move the stack (and invalidate `pushed`)
      if (operand != nullptr && operand->visit != traversal) {
        operand->visit = traversal;
        stack.emplace_back(operand, 0);
      }
      continue;
    }
    order.push_back(node);
    stack.pop_back();
  }
  return order;
}

std::size_t live_tensor_nodes() { return g_live_tensor_nodes.load(std::memory_order_relaxed); }

template struct TensorNode<double>;
template struct TensorNode<float>;
template class Tensor<double>;
template class Tensor<float>;
template void propagate(TensorNode<double>&);
template void propagate(TensorNode<float>&);
template std::vector<TensorNode<double>*> topological_order(TensorNode<double>&);
template std::vector<TensorNode<float>*> topological_order(TensorNode<float>&);
template Tensor<double> record(const char*, Matrix<double>, UnaryRule<double>,
                               const Tensor<double>&);
template Tensor<float> record(const char*, Matrix<float>, UnaryRule<float>, const Tensor<float>&);
template Tensor<double> record(const char*, Matrix<double>, BinaryRule<double>,
                               const Tensor<double>&, const Tensor<double>&);
template Tensor<float> record(const char*, Matrix<float>, BinaryRule<float>, const Tensor<float>&,
                              const Tensor<float>&);

}  // namespace bp::autograd
