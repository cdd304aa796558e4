// train_mlp: trains chapter 7's network. With no options it reproduces worked example (C) on
// Debian's Fashion-MNIST: 784-64-64-10, ReLU, softmax cross-entropy, SGD 0.01, batch 32, 5 epochs.
// Run it through ./course train [--mine] [options]; ./course train --help lists the options.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "trainer.h"

int main(int argc, char** argv) {
  bp::train::Options o;
  CLI::App app{
      "Trains chapter 7's MLP on Fashion-MNIST (or any MNIST-format folder) and writes "
      "metrics, pictures and weights. The defaults are worked example (C)."};
  app.add_option("--data", o.data_dir, "an MNIST-format folder (plain or .gz IDX files)")
      ->capture_default_str();
  app.add_flag("--synthetic", o.synthetic, "train on the generated stand-in dataset");
  app.add_option("--optimizer", o.optimizer, "sgd, momentum, nesterov, rmsprop, adam or adamw")
      ->check(CLI::IsMember({"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"}))
      ->capture_default_str();
  app.add_option("--lr", o.learning_rate, "the learning rate")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--schedule", o.schedule, "constant, or cosine (decays to lr/100 by the end)")
      ->check(CLI::IsMember({"constant", "cosine"}))
      ->capture_default_str();
  app.add_option("--weight-decay", o.weight_decay, "AdamW's weight decay")->capture_default_str();
  app.add_option("--epochs", o.epochs, "passes over the training set")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  app.add_option("--batch", o.batch_size, "samples per step")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--hidden", o.hidden, "hidden layer widths, such as --hidden 128 64")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--init", o.init, "he, xavier or pytorch")
      ->check(CLI::IsMember({"he", "xavier", "pytorch"}))
      ->capture_default_str();
  app.add_option("--dropout", o.dropout, "dropout probability after each hidden layer")
      ->check(CLI::Range(0.0, 0.99))
      ->capture_default_str();
  app.add_option("--seed", o.seed, "seeds weights, shuffling and dropout")->capture_default_str();
  app.add_option("--train-limit", o.train_limit, "use only the first N training images (0: all)");
  app.add_option("--test-limit", o.test_limit, "use only the first N test images (0: all)");
  app.add_option("--out", o.out_dir, "the folder for metrics, pictures and weights")
      ->capture_default_str();
  app.add_option("--load", o.load, "start from weights saved by an earlier run");
  bool no_pictures = false, quiet = false;
  app.add_flag("--no-pictures", no_pictures, "do not run gnuplot");
  app.add_flag("--quiet", quiet, "no progress bar");
  CLI11_PARSE(app, argc, argv);
  o.pictures = !no_pictures;
  o.progress = !quiet;
  o.data_dir_given = app.count("--data") > 0;

  try {
    const bp::train::Data data = bp::train::load_data(o, std::cerr);
    const long pixels = static_cast<long>(data.rows * data.cols);
    const long classes = static_cast<long>(data.class_names.size());
    bp::nn::Sequential<float> model = bp::train::build_network(o, pixels, classes);
    if (!o.load.empty()) {
      bp::io::load_weights(o.load, bp::train::weight_views(model));
    }
    std::cerr << "data: " << data.source << " (" << data.train_X.cols() << " training, "
              << data.test_X.cols() << " test images of " << data.rows << " x " << data.cols
              << ")\nnetwork: " << pixels;
    for (long h : o.hidden) std::cerr << "-" << h;
    std::cerr << "-" << classes << ", " << o.init << " init, " << o.optimizer << " lr "
              << o.learning_rate << ", batch " << o.batch_size << ", " << o.epochs
              << " epochs, seed " << o.seed << "\n";
    const bp::train::Result result = bp::train::train(o, data, model, std::cerr);
    bp::train::write_outputs(o, data, model, result, std::cerr);
    std::cout << "test accuracy " << result.final.accuracy << "\n";
  } catch (const std::exception& e) {
    std::cerr << "train_mlp: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
