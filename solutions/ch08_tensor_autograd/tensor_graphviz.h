/// \file
/// \brief A picture of a tensor graph in Graphviz's DOT language, with every node's shape.
#pragma once

#include <string>

#include "tensor.h"

namespace bp::autograd {

/// The graph reachable from `root`, top to bottom: a box per node with its label, the shape of
/// its value and of its gradient ("no grad" for data), and an oval per operation. Parameters
/// (leaves that require a gradient) are shaded. Render it with `dot -Tsvg`.
/// \param root  the last node, usually the loss
/// \return      a DOT digraph
template <typename T>
std::string to_dot(const Tensor<T>& root);

}  // namespace bp::autograd
