/// \file
/// \brief The trainer behind `./course train`: chapter 7's network on Fashion-MNIST (or any
/// MNIST-format folder), with progress, metrics, pictures and saved weights.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "bp/idx.h"
#include "bp/weights_file.h"
#include "evaluation.h"
#include "sequential.h"

namespace bp::train {

/// Everything a training run can be told. The defaults are worked example (C): 784-64-64-10,
/// ReLU, softmax cross-entropy, SGD with learning rate 0.01, batch 32, 5 epochs, seed 2.
struct Options {
  std::string data_dir = "/usr/share/datasets/fashion-mnist";  ///< an MNIST-format folder
  bool data_dir_given = false;           ///< true if the user named data_dir (then it must exist)
  bool synthetic = false;                ///< use the generated stand-in even if the data exists
  std::string optimizer = "sgd";         ///< sgd, momentum, nesterov, rmsprop, adam or adamw
  double learning_rate = 0.01;           ///< η
  double weight_decay = 0.01;            ///< AdamW's decoupled decay
  std::string schedule = "constant";     ///< constant, or cosine: η·½(1 + cos(π·epoch/epochs))
  int epochs = 5;                        ///< passes over the training set, ≥ 0
  int batch_size = 32;                   ///< samples per step, ≥ 1
  std::vector<long> hidden = {64, 64};   ///< the hidden layers' widths
  std::string init = "he";               ///< he, xavier or pytorch
  double dropout = 0;                    ///< dropout after each hidden activation, in [0, 1)
  std::uint64_t seed = 2;                ///< seeds the weights, the shuffling and dropout
  std::size_t train_limit = 0;           ///< use only the first N training images (0: all)
  std::size_t test_limit = 0;            ///< use only the first N test images (0: all)
  std::string out_dir = "train-output";  ///< where metrics, pictures and weights go
  std::string load = "";                 ///< start from these weights (a file saved by a run)
  bool pictures = true;                  ///< draw the pictures with gnuplot
  bool progress = true;                  ///< show a progress bar
};

/// The images and labels of a run, as (pixels, N) float matrices.
struct Data {
  nn::Matrix<float> train_X, test_X;     ///< (rows·cols, N), pixels in [0, 1]
  std::vector<int> train_y, test_y;      ///< N labels each
  std::size_t rows = 0, cols = 0;        ///< the image size
  std::vector<std::string> class_names;  ///< one per class
  std::string source;                    ///< where the data came from, for the report
};

/// One row of the metrics: the state after an epoch (epoch 0: before training).
struct EpochMetrics {
  int epoch = 0;                  ///< 0, 1, …
  double train_loss = 0;          ///< the mean batch loss of the epoch (NaN for epoch 0)
  double test_loss = 0;           ///< the test set's mean cross-entropy
  double test_accuracy = 0;       ///< the test set's accuracy
  double seconds = 0;             ///< the epoch's training time
  double samples_per_second = 0;  ///< training throughput
};

/// What a run produced.
struct Result {
  std::vector<EpochMetrics> history;  ///< epoch 0 (untrained) first
  nn::Evaluation final;               ///< the last evaluation on the test set
  std::vector<int> test_predictions;  ///< the final predicted class of every test image
};

/// Loads the data the options name: an MNIST-format folder, or synthetic_images when the
/// default folder is missing (saying so on `log`) or when options.synthetic is set.
/// \param options  the data options
/// \param log      where to say what was loaded
/// \return         training and test sets
/// \throws bp::data::DataError if a named folder is missing or a file is bad
Data load_data(const Options& options, std::ostream& log);

/// The network of the options for images of `pixels` pixels and `classes` classes.
/// \param options  hidden sizes, init, dropout, seed
/// \param pixels   the input size
/// \param classes  the output size
/// \return         the network, in float
nn::Sequential<float> build_network(const Options& options, long pixels, long classes);

/// Trains and evaluates after every epoch, printing progress on `log`.
/// \param options  the run's settings
/// \param data     the images
/// \param model    the network; its input must match the images' pixel count
/// \param log      progress and results
/// \return         the metrics of every epoch and the final evaluation
/// \throws bp::ValueError if the network does not fit the data or the loss becomes non-finite
Result train(const Options& options, const Data& data, nn::Sequential<float>& model,
             std::ostream& log);

/// Writes metrics.csv, weights.bpw and (if gnuplot is installed and options.pictures) the
/// pictures curves.svg, confusion.svg and samples.png into options.out_dir.
/// \param options  out_dir and pictures
/// \param data     the images, for the sample grid and class names
/// \param model    the trained network, saved as weights
/// \param result   what train returned
/// \param log      the list of files written
void write_outputs(const Options& options, const Data& data, nn::Sequential<float>& model,
                   const Result& result, std::ostream& log);

/// Names a network's parameters "<index>.W", "<index>.b" by their order, for the weights file.
/// \param model  the network
/// \return       views of every parameter value, in order
std::vector<io::NamedMatrix<float>> weight_views(nn::Sequential<float>& model);

}  // namespace bp::train
