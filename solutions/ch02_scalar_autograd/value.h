/// \file
/// \brief The scalar autograd engine: a Value is a cheap handle to one node of a computation graph.
///
/// Every arithmetic operation on Values computes its result (the forward pass) and records a new
/// node that remembers its operands and which operation made it. backward() then walks the graph
/// from the result back to every input, applying the chain rule one node at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bp::autograd {

/// The operation that produced a node; Leaf for inputs and parameters.
enum class Op { Leaf, Add, Sub, Mul, Div, Neg, Pow, Exp, Log, Tanh, Relu, Sigmoid };

/// How a graph picture names an operation.
/// \param op  any operation
/// \return    "+", "-", "*", "/", "neg", "pow", "exp", "log", "tanh", "relu", "sigmoid" or ""
const char* op_symbol(Op op);

/// One node of the computation graph. Values own nodes through shared pointers, and a node owns
/// its operands, never the nodes computed from it: the graph has no cycles, and it is freed when
/// the last Value that can reach it goes away.
struct Node {
  double data = 0.0;           ///< the result of the forward pass
  double grad = 0.0;           ///< ∂root/∂(this node), filled in by Value::backward()
  Op op = Op::Leaf;            ///< the operation that made this node
  double exponent = 0.0;       ///< the constant n of Op::Pow (x^n)
  std::shared_ptr<Node> lhs;   ///< the first operand (empty for a leaf)
  std::shared_ptr<Node> rhs;   ///< the second operand (empty for unary operations)
  std::string label;           ///< an optional name for pictures ("w1")
  std::uint64_t visit = 0;     ///< the last traversal that reached this node
  Node();                      ///< counts the node as live
  Node(const Node&) = delete;  ///< nodes are shared, never copied
  Node& operator=(const Node&) = delete;  ///< nodes are shared, never copied
  ~Node();                                ///< releases long chains without recursion
};

/// A handle to a graph node. Copying a Value copies the handle, not the node: `Value b = a;`
/// makes b and a the same node. A double converts to a leaf Value, so `2.0 * x + 1.0` works.
class Value {
 public:
  /// A new leaf node holding `data`.
  /// \param data   the value
  /// \param label  an optional name for graph pictures
  Value(double data = 0.0, std::string label = {});  // NOLINT(google-explicit-constructor)

  /// \return the node's value
  double data() const { return node_->data; }
  /// \return ∂root/∂(this node) after the root's backward()
  double grad() const { return node_->grad; }
  /// \return the operation that made this node
  Op op() const { return node_->op; }
  /// \return the node's label ("" if none)
  const std::string& label() const { return node_->label; }
  /// \return the node itself (for the engine and the tests)
  Node& node() const { return *node_; }
  /// \return the shared pointer to the node (operations keep their operands alive with it)
  const std::shared_ptr<Node>& shared() const { return node_; }

  /// Sets the value of a leaf (an optimizer step: p.set_data(p.data() - lr * p.grad())).
  /// \param data  the new value
  void set_data(double data) { node_->data = data; }
  /// Names the node for graph pictures.
  /// \param label  the name
  /// \return       this Value
  Value& set_label(std::string label);

  /// Back-propagates from this node: afterwards every node reachable from it holds
  /// grad = ∂(this)/∂(node). Intermediate nodes start from zero on every call; leaves (inputs and
  /// parameters) accumulate, so a second call adds the same gradients again, and training code
  /// calls zero_grad() between steps. Task ch02.5.
  void backward();

  /// Sets grad = 0 on every node reachable from this one, leaves and intermediates. Task ch02.6.
  void zero_grad();

  /// Wraps an existing node (the operations below use it).
  /// \param node  the node to hold; must not be empty
  explicit Value(std::shared_ptr<Node> node);

 private:
  std::shared_ptr<Node> node_;
};

// Operations: each computes its result and records a node. An operation whose inputs are finite
// but whose result is not (log of 0, division by 0, pow(0, -1), exp(1000)) throws
// bp::ValueError naming the operation and its inputs; non-finite inputs pass through.

/// \param a  left operand
/// \param b  right operand
/// \return   a node holding a + b
Value operator+(const Value& a, const Value& b);
/// \param a  left operand
/// \param b  right operand
/// \return   a node holding a − b
Value operator-(const Value& a, const Value& b);
/// \param a  left operand
/// \param b  right operand
/// \return   a node holding a·b
Value operator*(const Value& a, const Value& b);
/// \param a  numerator
/// \param b  denominator
/// \return   a node holding a / b
/// \throws bp::ValueError when b = 0 (for finite a)
Value operator/(const Value& a, const Value& b);
/// \param a  operand
/// \return   a node holding −a
Value operator-(const Value& a);
/// \param x  base
/// \param n  constant exponent (not a Value: the graph has no gradient for it)
/// \return   a node holding xⁿ
/// \throws bp::ValueError when xⁿ is not finite (0⁻¹, (−8)^(1/3))
Value pow(const Value& x, double n);
/// \param x  exponent
/// \return   a node holding eˣ
/// \throws bp::ValueError when eˣ overflows
Value exp(const Value& x);
/// \param x  argument, > 0
/// \return   a node holding ln x
/// \throws bp::ValueError for x ≤ 0
Value log(const Value& x);
/// \param x  argument
/// \return   a node holding tanh x
Value tanh(const Value& x);
/// \param x  argument
/// \return   a node holding max(0, x)
Value relu(const Value& x);
/// \param x  argument
/// \return   a node holding 1 / (1 + e⁻ˣ), computed without overflow
Value sigmoid(const Value& x);

/// a = a + b, for running sums.
/// \param a  the sum so far (replaced by a new node)
/// \param b  the term to add
/// \return   a
Value& operator+=(Value& a, const Value& b);

/// Applies one node's local backward rule: adds node.grad × ∂node/∂operand to the grad of each
/// operand. Leaves have no operands and nothing to do.
/// \param node  a node whose grad is final (all nodes computed from it were processed)
void propagate(Node& node);

// The operations, family by family: a forward function computes a result, a backward function
// applies the local rule (operand.grad += node.grad × ∂node/∂operand).

/// Add, Sub, Mul, Div: a + b, a − b, a·b, a / b; Neg: −a (b unused). Task ch02.1.
/// \param op  the operation
/// \param a   the first operand's value
/// \param b   the second operand's value
/// \return    the result
double arithmetic_forward(Op op, double a, double b);
/// The local rules of Add, Sub, Mul, Div and Neg. Task ch02.1.
/// \param node  an Add, Sub, Mul, Div or Neg node whose grad is final
void arithmetic_backward(Node& node);
/// Pow: xⁿ; Exp: eˣ; Log: ln x (n unused for Exp and Log). Task ch02.2.
/// \param op  the operation
/// \param x   the operand's value
/// \param n   the constant exponent of Pow
/// \return    the result
double power_forward(Op op, double x, double n);
/// The local rules of Pow, Exp and Log. Task ch02.2.
/// \param node  a Pow, Exp or Log node whose grad is final
void power_backward(Node& node);
/// Tanh: tanh x; Relu: max(0, x); Sigmoid: 1 / (1 + e⁻ˣ), without overflow. Task ch02.3.
/// \param op  the operation
/// \param x   the operand's value
/// \return    the result
double nonlinear_forward(Op op, double x);
/// The local rules of Tanh, Relu and Sigmoid. Task ch02.3.
/// \param node  a Tanh, Relu or Sigmoid node whose grad is final
void nonlinear_backward(Node& node);

/// Every node reachable from `root`, each exactly once, operands before the nodes computed from
/// them (so `root` is last). Iterative: a chain of a million nodes needs no deep recursion.
/// Task ch02.4.
/// \param root  where the traversal starts
/// \return      the nodes in topological order
std::vector<Node*> topological_order(Node& root);

/// A number no traversal has used before, to mark visited nodes in Node::visit.
/// \return a fresh traversal id
std::uint64_t new_traversal();

/// \return how many nodes exist right now (a graph that was freed leaves this unchanged)
std::size_t live_nodes();

}  // namespace bp::autograd
