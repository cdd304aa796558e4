/// \file
/// \brief Chapter 8's engine: a Tensor is a handle to one node of a graph of matrices.
///
/// Chapter 2's Value with a matrix in every node instead of a number. The design is chapter 2's:
/// a node owns its operands and never its users, backward() applies the rules in reverse
/// topological order, every rule adds (+=) to its operands' gradients, intermediate gradients
/// restart from zero on every backward() while leaves accumulate, and the graph is freed when the
/// last handle that reaches it goes.
///
/// Shapes: samples are columns, as in every chapter. A batch X is (features, N), a weight W
/// (out, in), a bias b (out, 1). A gradient always has its node's shape, and backward() starts
/// from a 1×1 tensor, a scalar loss. T is double (gradient-checked) or float (trained fast).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parameter.h"

namespace bp::autograd {

using nn::Matrix;

template <typename T>
struct TensorNode;

/// The vector–Jacobian product of an operation with one operand X and result Y: adds
/// Y.grad·∂Y/∂X to X.grad.
template <typename T>
using UnaryRule = void (*)(const TensorNode<T>& Y, TensorNode<T>& X);

/// The vector–Jacobian product of an operation with operands A, B and result Y: adds
/// Y.grad·∂Y/∂A to A.grad and Y.grad·∂Y/∂B to B.grad (each only if it requires a gradient).
template <typename T>
using BinaryRule = void (*)(const TensorNode<T>& Y, TensorNode<T>& A, TensorNode<T>& B);

/// One node of a tensor graph: a value, its gradient, and how it was made. Tensors own nodes
/// through shared pointers, and a node owns its operands, never the nodes computed from it.
template <typename T>
struct TensorNode {
  Matrix<T> value;             ///< the forward result, (r, c)
  Matrix<T> grad;              ///< ∂root/∂value, (r, c); empty if requires_grad is false
  bool requires_grad = false;  ///< a parameter, or computed from one: backward() fills grad
  const char* op = "";         ///< the operation that made it ("matmul", "+", …); "" for a leaf
  UnaryRule<T> unary_rule = nullptr;    ///< the rule of a one-operand operation
  BinaryRule<T> binary_rule = nullptr;  ///< the rule of a two-operand operation
  std::shared_ptr<TensorNode> lhs;      ///< the first operand (empty for a leaf)
  std::shared_ptr<TensorNode> rhs;      ///< the second operand (empty for one-operand operations)
  T scalar = 0;                         ///< s of a scalar multiple s·X; the sign of B in A ± B
  std::vector<int> labels;              ///< the class labels of softmax_cross_entropy
  Matrix<T> saved;          ///< what a rule keeps from its forward pass (softmax probabilities)
  std::string label;        ///< an optional name, for pictures and messages ("W1")
  std::uint64_t visit = 0;  ///< the last traversal that reached this node
  TensorNode();             ///< counts the node as live
  ~TensorNode();            ///< releases long chains without recursion
  TensorNode(const TensorNode&) = delete;             ///< nodes are shared, never copied
  TensorNode& operator=(const TensorNode&) = delete;  ///< nodes are shared, never copied
  /// \return true for a node with no operands: data or a parameter
  bool is_leaf() const { return lhs == nullptr; }
};

/// How a leaf tensor is made: `Tensor<double> W(W0, {.requires_grad = true, .label = "W"});`.
struct LeafOptions {
  bool requires_grad = false;  ///< true for a parameter (backward() fills its grad), false for data
  std::string label = {};      ///< an optional name, for pictures and messages
};

/// A handle to a tensor-graph node. Copying a Tensor copies the handle, not the node: after
/// `Tensor b = a;` both are the same node, as with chapter 2's Value.
/// \tparam T  double or float
template <typename T>
class Tensor {
 public:
  /// A leaf. A leaf that requires a gradient gets a zero gradient of its shape at once, so that
  /// an optimizer's views of it (Module::parameters) are valid from the start.
  /// \param value    the matrix, any shape (r, c)
  /// \param options  whether it requires a gradient, and its label
  explicit Tensor(Matrix<T> value, LeafOptions options = {});
  /// Wraps an existing node (the operations use it).
  /// \param node  the node to hold; must not be empty
  explicit Tensor(std::shared_ptr<TensorNode<T>> node);

  /// \return the value, (r, c)
  const Matrix<T>& value() const { return node_->value; }
  /// \return ∂root/∂value after the root's backward(), (r, c); empty before, and always empty
  ///         for a tensor that does not require a gradient
  const Matrix<T>& grad() const { return node_->grad; }
  /// \return r
  Eigen::Index rows() const { return node_->value.rows(); }
  /// \return c
  Eigen::Index cols() const { return node_->value.cols(); }
  /// \return whether backward() computes this tensor's gradient
  bool requires_grad() const { return node_->requires_grad; }
  /// \return the operation that made it ("" for a leaf)
  const char* op() const { return node_->op; }
  /// \return the label ("" if none)
  const std::string& label() const { return node_->label; }
  /// Names the node for pictures and messages.
  /// \param label  the name
  /// \return       this tensor
  Tensor& set_label(std::string label);
  /// \return the single entry of a 1×1 tensor, such as a loss
  /// \throws bp::ShapeError if the tensor is not 1×1
  T item() const;
  /// \return the node itself (for the engine, the rules and the tests)
  TensorNode<T>& node() const { return *node_; }
  /// \return the shared pointer to the node (operations keep their operands alive with it)
  const std::shared_ptr<TensorNode<T>>& shared() const { return node_; }

  /// Back-propagates from this 1×1 tensor: afterwards every node reachable from it that requires
  /// a gradient holds grad = ∂(this)/∂(node). Intermediate gradients start from zero on every
  /// call; leaves accumulate. Task ch08.7.
  /// \throws bp::ShapeError if this tensor is not 1×1; bp::ValueError if it does not require a
  ///         gradient (nothing it depends on does)
  void backward() const;
  /// Sets every gradient of the graph reachable from here to zero, leaves and intermediates.
  /// Task ch08.7.
  void zero_grad() const;

 private:
  std::shared_ptr<TensorNode<T>> node_;
};

/// Applies one node's rule, then checks that it left every operand's gradient in its operand's
/// shape (a rule that broadcast an operand must sum its gradient back). Does nothing for a leaf
/// or for a node that does not require a gradient.
/// \param node  a node whose grad is final (every node computed from it was processed)
/// \throws bp::ShapeError naming the operation, the operand and both shapes, if a rule changed
///         the shape of a gradient
template <typename T>
void propagate(TensorNode<T>& node);

/// Every node reachable from `root`, each once, operands before the nodes computed from them
/// (chapter 2's iterative depth-first search, unchanged).
/// \param root  where the traversal starts
/// \return      the nodes in topological order, `root` last
template <typename T>
std::vector<TensorNode<T>*> topological_order(TensorNode<T>& root);

/// A new node made by a one-operand operation (the operations call it).
/// \param op     the operation's name, for pictures and messages
/// \param value  the forward result
/// \param rule   its vector–Jacobian product
/// \param X      the operand
/// \return       the result; it requires a gradient if X does
template <typename T>
Tensor<T> record(const char* op, Matrix<T> value, UnaryRule<T> rule, const Tensor<T>& X);

/// A new node made by a two-operand operation (the operations call it).
/// \param op     the operation's name
/// \param value  the forward result
/// \param rule   its vector–Jacobian product
/// \param A      the first operand
/// \param B      the second operand
/// \return       the result; it requires a gradient if A or B does
template <typename T>
Tensor<T> record(const char* op, Matrix<T> value, BinaryRule<T> rule, const Tensor<T>& A,
                 const Tensor<T>& B);

/// \return how many tensor nodes (of either scalar type) exist right now; a freed graph leaves it
///         unchanged
std::size_t live_tensor_nodes();

extern template class Tensor<double>;
extern template class Tensor<float>;

}  // namespace bp::autograd
