/// \file
/// \brief Task ch07.5: evaluating a classifier: loss, accuracy and the confusion matrix.
#pragma once

#include <vector>

#include "sequential.h"

namespace bp::nn {

/// How well a classifier does on a labelled set.
struct Evaluation {
  double loss = 0;            ///< the mean softmax cross-entropy over the N samples
  double accuracy = 0;        ///< the fraction of samples whose largest logit is the true class
  Eigen::MatrixXi confusion;  ///< (classes, classes): entry (t, p) counts samples of true class t
                              ///< predicted as class p; the diagonal is the correct ones
};

/// The predicted class of each column: the row of its largest entry (the first, on a tie).
/// \param logits  (classes, N)
/// \return        N class numbers in [0, classes)
template <typename T>
std::vector<int> predicted_classes(const Matrix<T>& logits);

/// Runs the model in evaluation mode over X in batches, in order, and scores its logits against
/// the labels. The model is left in the mode it was in. Task ch07.5.
/// \param model       a network whose output is (classes, N) logits
/// \param X           (features_in, N), N ≥ 1
/// \param labels      N labels, each in [0, classes)
/// \param classes     the number of classes, ≥ 1
/// \param batch_size  how many columns to run at once, ≥ 1 (it bounds memory, not the result)
/// \return            loss, accuracy and the (classes, classes) confusion matrix
/// \throws bp::ValueError if N = 0, the label count is not N, a label is out of range, or the
///         model's output does not have `classes` rows
template <typename T>
Evaluation evaluate(Sequential<T>& model, const Matrix<T>& X, const std::vector<int>& labels,
                    int classes, Eigen::Index batch_size = 1000);

}  // namespace bp::nn
