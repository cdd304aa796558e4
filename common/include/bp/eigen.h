/// \file
/// \brief Include Eigen through this header: in checked builds a failed Eigen assertion (say, a
/// product of matrices whose shapes do not fit) throws bp::ShapeError instead of aborting.
#pragma once

#include <string>

namespace bp::detail {
/// Throws bp::ShapeError describing a failed Eigen assertion.
/// \param condition  the assertion's text
/// \param file       where it failed
/// \param line       where it failed
[[noreturn]] void eigen_assertion_failed(const char* condition, const char* file, int line);
}  // namespace bp::detail

#if !defined(NDEBUG) && !defined(eigen_assert)
/// Eigen's assertion hook: in checked builds, a failed assertion throws bp::ShapeError.
// Must precede the first Eigen include; Eigen only defines eigen_assert if it is not defined yet.
#define eigen_assert(x)                                             \
  do {                                                              \
    if (!static_cast<bool>(x)) {                                    \
      ::bp::detail::eigen_assertion_failed(#x, __FILE__, __LINE__); \
    }                                                               \
  } while (false)
#endif

#include <Eigen/Dense>
