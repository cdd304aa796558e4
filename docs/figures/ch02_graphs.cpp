// Writes the computation-graph pictures of chapter 2 (DOT files) into the folder given as the
// first argument. The notes build runs it and Doxygen draws the files with Graphviz (\dotfile).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "graphviz.h"
#include "value.h"

namespace {

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
  return 0;
}
