// The numbers chapter 7's pictures quote from the notes build's short training run of worked
// example (C) on Fashion-MNIST (the first 10,000 training and 2,000 test images, three epochs,
// seed 2). ch07_run_check.cpp compares them with the run's metrics.csv and confusion.csv on every
// notes build that has the dataset, and fails if one no longer rounds to what is written here.
#pragma once

namespace ch07_run_values {

constexpr double kTestLossEpoch0 = 2.67, kTestAccuracyEpoch0 = 0.12;  // the untrained network
constexpr double kTrainLossEpoch1 = 1.26;                             // the mean over epoch 1
constexpr double kTestLossEpoch3 = 0.640, kTestAccuracyEpoch3 = 0.775;

// Cells of the confusion matrix after three epochs: classes 0 T-shirt/top, 2 pullover, 4 coat,
// 5 sandal, 6 shirt, 7 sneaker.
struct Confusion {
  int true_class, predicted;
  double count, of_class;  // the cell, and the test images of the true class
};
constexpr Confusion kConfusions[] = {
    {4, 2, 106, 219},  // coats taken for pullovers
    {6, 0, 49, 197},   // shirts for T-shirts
    {6, 2, 45, 197},   // shirts for pullovers
    {5, 7, 24, 195},   // sandals for sneakers
};

}  // namespace ch07_run_values
