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
  bp::todo("ch02.7", "return a DOT digraph: a record per node, an oval per operation, the edges");
  // [ch02.7]
}

}  // namespace bp::autograd
