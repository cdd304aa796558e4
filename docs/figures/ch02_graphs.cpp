// Writes the computation-graph pictures of chapter 2 (DOT files) into the folder given as the
// first argument; the notes build runs it and Graphviz draws the files. It also computes, with
// the reference engine's local rules, the numbers chapter 2 quotes about two ways of getting
// backward() wrong, and checks them (ch02_values.h): the naive recursion of "What a naive
// recursion gets wrong", and micrograd's backward() called twice, which resets nothing.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "ch02_values.h"
#include "graphviz.h"
#include "quoted.h"
#include "value.h"

namespace {

using bp::autograd::Node;
using bp::autograd::Value;

// Scales a picture down to at most `width` inches wide, so it fits the notes' text column.
std::string fit(std::string dot, const char* width) {
  dot.insert(dot.find('\n') + 1, std::string("  size=\"") + width + ",20\";\n");
  return dot;
}

void write(const std::string& path, const std::string& dot) {
  std::ofstream out(path);
  out << dot;
  if (!out) {
    std::cerr << "ch02_graphs: cannot write " << path << "\n";
    std::exit(1);
  }
}

// The naive recursion: run a node's rule, then recurse into each operand, with no topological
// order and nothing to stop a second visit. Starts from zero gradients and ∂root/∂root = 1.
void naive_rules(Node& node) {
  bp::autograd::propagate(node);
  if (node.lhs) naive_rules(*node.lhs);
  if (node.rhs) naive_rules(*node.rhs);
}
void naive_backward(Value& root) {
  root.zero_grad();
  root.node().grad = 1.0;
  naive_rules(root.node());
}

// micrograd's backward(): the root's grad is *set* to 1 and the rules run in reverse topological
// order; no other gradient is reset, so a second call starts from what the first one left.
void micrograd_backward(Value& root) {
  const std::vector<Node*> order = bp::autograd::topological_order(root.node());
  root.node().grad = 1.0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) bp::autograd::propagate(**it);
}

// micrograd's README expression, built as micrograd builds it: a − b as a + b·(−1), −a as
// a·(−1), a / b as a·b⁻¹ and 10 / f as f⁻¹·10, each a node of its own. Returns g; a and b are
// the leaves.
Value readme_expression(Value& a, Value& b) {
  Value c = a + b;
  Value d = a * b + pow(b, 3.0);
  c = c + (c + 1.0);
  c = c + ((c + 1.0) + a * -1.0);
  d = d + (d * 2.0 + relu(b + a));
  d = d + (d * 3.0 + relu(b + a * -1.0));
  const Value e = c + d * -1.0;
  const Value f = pow(e, 2.0);
  Value g = f * pow(Value(2.0), -1.0);
  g = g + pow(f, -1.0) * 10.0;
  return g;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace bp::autograd;
  if (argc != 2) {
    std::cerr << "usage: ch02_graphs OUTPUT_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];

  // micrograd's small example: L = (a·b + c)·f, after backward().
  {
    const Value a(2.0, "a"), b(-3.0, "b"), c(10.0, "c"), f(-2.0, "f");
    Value e = a * b;
    e.set_label("e");
    Value d = e + c;
    d.set_label("d");
    Value L = d * f;
    L.set_label("L");
    L.backward();
    write(dir + "/ch02_small_graph.dot", fit(to_dot(L), "9"));
  }
  // Worked example (E) of chapter 1, after backward(): the gradients of its table.
  {
    Value w1(0.5, "w1"), w2(0.5, "w2"), b1(0.5, "b1"), w3(0.5, "w3"), b3(0.5, "b3");
    Value x1(2.0, "x1"), x2(3.0, "x2");
    Value z = w1 * x1 + w2 * x2 + b1;
    z.set_label("z");
    Value a = sigmoid(z);
    a.set_label("a");
    Value y_hat = w3 * a + b3;
    y_hat.set_label("y_hat");
    Value L = 0.5 * pow(1.0 - y_hat, 2.0);
    L.set_label("L");
    L.backward();
    write(dir + "/ch02_example_e_graph.dot", fit(to_dot(L), "9"));
  }

  namespace v = ch02_values;
  bp::figures::Quoted q("ch02_graphs", "docs/figures/ch02_values.h");
  // b = a + a, c = b + b: ∂c/∂a = 4.
  {
    Value a(3.0);
    Value b = a + a;
    Value c = b + b;
    c.backward();
    q.check("dc/da by backward()", a.grad(), v::kDoublingTrue, 1);
    naive_backward(c);
    q.check("the naive recursion's dc/da", a.grad(), v::kDoublingNaive, 1);
    c.zero_grad();
    micrograd_backward(c);
    micrograd_backward(c);
    q.check("dc/da after micrograd's second backward()", a.grad(), v::kDoublingMicrogradTwice, 2);
  }
  // h = 2x, u = h + 1, v = 3h, r = u + v = 8x + 1.
  {
    Value x(0.5);
    Value h = 2.0 * x;
    Value u = h + 1.0;
    Value w = 3.0 * h;
    Value r = u + w;
    r.backward();
    q.check("dr/dx by backward()", x.grad(), v::kReuseTrue, 1);
    naive_backward(r);
    q.check("dr/dx by the naive recursion", x.grad(), v::kReuseNaive, 2);
  }
  // micrograd's README expression: one backward(), then a second one.
  {
    Value a(-4.0), b(2.0);
    Value g = readme_expression(a, b);
    q.check("the README's g", g.data(), v::kReadmeG, 6);
    g.zero_grad();
    micrograd_backward(g);
    q.check("dg/da after one backward()", a.grad(), v::kReadmeDgDa, 7);
    q.check("dg/db after one backward()", b.grad(), v::kReadmeDgDb, 7);
    micrograd_backward(g);
    q.check("dg/da after micrograd's second backward()", a.grad(), v::kReadmeDgDaTwice, 8);
    q.check("dg/db after micrograd's second backward()", b.grad(), v::kReadmeDgDbTwice, 8);
  }
  return q.status();
}
