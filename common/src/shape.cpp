#include "bp/shape.h"

namespace bp {

std::string shape_string(Eigen::Index rows, Eigen::Index cols) {
  auto extent = [](Eigen::Index n) { return n >= 0 ? std::to_string(n) : std::string("?"); };
  return "(" + extent(rows) + ", " + extent(cols) + ")";
}

void require_same_size(std::string_view function, std::string_view name_a, std::size_t a,
                       std::string_view name_b, std::size_t b) {
  if (a != b) {
    throw ShapeError(std::string(function) + ": " + std::to_string(a) + " " + std::string(name_a) +
                     " but " + std::to_string(b) + " " + std::string(name_b));
  }
}

namespace detail {
void eigen_assertion_failed(const char* condition, const char* file, int line) {
  throw ShapeError(std::string("Eigen assertion failed: ") + condition + " (" + file + ":" +
                   std::to_string(line) + "); usually two matrices whose shapes do not fit");
}
}  // namespace detail

}  // namespace bp
