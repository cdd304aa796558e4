#include "evaluation.h"

#include <algorithm>
#include <string>

#include "bp/shape.h"
#include "bp/todo.h"  // bp::todo() marks the unfinished tasks in exercises/
#include "losses.h"

namespace bp::nn {
namespace {

template <typename T>
void require_labelled_set(Sequential<T>& model, const Matrix<T>& X, const std::vector<int>& labels,
                          int classes, Eigen::Index batch_size) {
  const auto fail = [](const std::string& what) { throw ValueError("evaluate: " + what); };
  if (X.cols() == 0) fail("there are no samples (X has 0 columns)");
  if (static_cast<Eigen::Index>(labels.size()) != X.cols()) {
    fail("X has " + std::to_string(X.cols()) + " samples (columns) but there are " +
         std::to_string(labels.size()) + " labels");
  }
  if (classes < 1) fail("classes must be at least 1, got " + std::to_string(classes));
  if (batch_size < 1) fail("batch_size must be at least 1, got " + std::to_string(batch_size));
  for (std::size_t n = 0; n < labels.size(); ++n) {
    if (labels[n] < 0 || labels[n] >= classes) {
      fail("label " + std::to_string(labels[n]) + " of sample " + std::to_string(n) +
           " is outside [0, " + std::to_string(classes) + ")");
    }
  }
  EvaluationMode<T> eval(model);
  const Eigen::Index outputs = model.forward(X.leftCols(0)).rows();  // an empty batch is enough
  if (outputs != classes) {
    fail("the model outputs " + std::to_string(outputs) + " numbers per sample but there are " +
         std::to_string(classes) + " classes");
  }
}

}  // namespace

template <typename T>
std::vector<int> predicted_classes(const Matrix<T>& logits) {
  std::vector<int> predicted(static_cast<std::size_t>(logits.cols()));
  for (Eigen::Index n = 0; n < logits.cols(); ++n) {
    Eigen::Index row = 0;
    logits.col(n).maxCoeff(&row);
    predicted[static_cast<std::size_t>(n)] = static_cast<int>(row);
  }
  return predicted;
}

template <typename T>
Evaluation evaluate(Sequential<T>& model, const Matrix<T>& X, const std::vector<int>& labels,
                    int classes, Eigen::Index batch_size) {
  require_labelled_set(model, X, labels, classes, batch_size);
  Evaluation result;
  result.confusion = Eigen::MatrixXi::Zero(classes, classes);
  // [ch07.5]
  bp::todo("ch07.5", "eval mode; per batch: CE loss, predicted_classes, confusion(true, pred)");
  // [ch07.5]
  return result;
}

template std::vector<int> predicted_classes<double>(const Matrix<double>&);
template std::vector<int> predicted_classes<float>(const Matrix<float>&);
template Evaluation evaluate<double>(Sequential<double>&, const Matrix<double>&,
                                     const std::vector<int>&, int, Eigen::Index);
template Evaluation evaluate<float>(Sequential<float>&, const Matrix<float>&,
                                    const std::vector<int>&, int, Eigen::Index);

}  // namespace bp::nn
