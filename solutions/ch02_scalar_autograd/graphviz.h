/// \file
/// \brief Task ch02.7: a picture of a computation graph, in Graphviz's DOT language.
#pragma once

#include <string>

#include "value.h"

namespace bp::autograd {

/// The graph reachable from `root` in Graphviz DOT, laid out left to right, as micrograd draws it:
/// every node is a box "label | data d | grad g" (data and grad with 4 decimals), and every
/// non-leaf node gets a small oval naming its operation ("+", "tanh"), with an edge from each
/// operand's box to the oval and one from the oval to the node's box. Render it with
/// `dot -Tsvg graph.dot -o graph.svg`.
/// \param root  the node whose graph to draw
/// \return      a complete `digraph { ... }`
std::string to_dot(const Value& root);

}  // namespace bp::autograd
