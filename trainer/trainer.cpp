#include "trainer.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "bp/datasets.h"
#include "bp/shape.h"
#include "losses.h"
#include "lr_schedules.h"
#include "minibatch.h"
#include "network.h"
#include "optimizers.h"

namespace bp::train {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::vector<std::string> kFashionNames = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                                "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                                "Bag",         "Ankle boot"};

nn::Matrix<float> as_matrix(const data::ImageSet& set, std::size_t limit) {
  const auto pixels = static_cast<Eigen::Index>(set.rows * set.cols);
  const auto n = static_cast<Eigen::Index>(limit == 0 ? set.size() : std::min(limit, set.size()));
  return Eigen::Map<const nn::Matrix<float>>(set.pixels.data(), pixels, n);
}

std::vector<int> first(const std::vector<int>& labels, std::size_t limit) {
  const std::size_t n = limit == 0 ? labels.size() : std::min(limit, labels.size());
  return {labels.begin(), labels.begin() + static_cast<long>(n)};
}

std::unique_ptr<optim::Optimizer<float>> make_optimizer(const Options& o) {
  const auto lr = static_cast<float>(o.learning_rate);
  if (o.optimizer == "sgd") return std::make_unique<optim::Sgd<float>>(lr);
  if (o.optimizer == "momentum") return std::make_unique<optim::Momentum<float>>(lr, 0.9f);
  if (o.optimizer == "nesterov") return std::make_unique<optim::Momentum<float>>(lr, 0.9f, true);
  if (o.optimizer == "rmsprop") return std::make_unique<optim::RmsProp<float>>(lr);
  if (o.optimizer == "adam") return std::make_unique<optim::Adam<float>>(lr);
  if (o.optimizer == "adamw") {
    return std::make_unique<optim::AdamW<float>>(lr, static_cast<float>(o.weight_decay));
  }
  throw ValueError("train: unknown optimizer " + o.optimizer +
                   " (sgd, momentum, nesterov, rmsprop, adam or adamw)");
}

// A one-line progress bar, redrawn in place on a terminal and printed once per epoch otherwise.
class Progress {
 public:
  Progress(std::ostream& out, bool enabled)
      : out_(out), live_(enabled && &out == &std::cerr && isatty(STDERR_FILENO)) {}

  void step(int epoch, int epochs, Eigen::Index done, Eigen::Index total, double loss,
            double samples_per_second) {
    if (!live_) return;
    const auto now = Clock::now();
    if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    constexpr int kWidth = 30;
    const int filled =
        static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total));
    out_ << "\r  epoch " << epoch << "/" << epochs << " ["
         << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << std::setw(3)
         << 100 * done / total << "%  loss " << std::fixed << std::setprecision(4) << loss << "  "
         << std::setprecision(0) << samples_per_second << " samples/s   " << std::flush;
    out_.unsetf(std::ios::floatfield);
  }
  void end_epoch() {
    if (live_) out_ << "\r" << std::string(90, ' ') << "\r";
  }

 private:
  std::ostream& out_;
  bool live_;
  Clock::time_point last_{};
};

std::string fixed(double value, int digits) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << value;
  return s.str();
}

// A POSIX shell word: single quotes, with each single quote written as '\''.
std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool have_gnuplot() { return std::system("command -v gnuplot > /dev/null 2>&1") == 0; }

// gnuplot strings are single-quoted; a quote inside is doubled.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

void write_gnuplot_script(const fs::path& dir, const Data& data, const Result& result) {
  const auto classes = data.class_names.size();
  // Whole epochs on the x axis, about ten labels at most.
  const std::size_t epochs = result.history.empty() ? 1 : result.history.size() - 1;
  const std::size_t epoch_tics = std::max<std::size_t>(1, (epochs + 9) / 10);
  std::ofstream gp(dir / "pictures.gp");
  gp << "# Draws the pictures of a training run: gnuplot pictures.gp (in this folder).\n"
     << "set datafile separator ','\n"
     << "set terminal svg size 900,380 dynamic font 'sans,12' background '#ffffff'\n"
     << "set output 'curves.svg'\n"
     << "set multiplot layout 1,2\n"
     << "set key top right\nset grid\nset xlabel 'epoch'\n"
     << "set xrange [0:" << std::max<std::size_t>(epochs, 1) << "]\nset xtics " << epoch_tics
     << "\n"
     << "set title 'loss (softmax cross-entropy)'\n"
     << "plot 'metrics.csv' every ::2 using 1:2 with linespoints lw 2 title 'training (epoch "
        "mean)', "
        "'' every ::1 using 1:3 with linespoints lw 2 title 'test'\n"
     << "set title 'test accuracy'\nset key bottom right\nset yrange [*:1]\n"
     << "plot 'metrics.csv' every ::1 using 1:4 with linespoints lw 2 title 'test accuracy'\n"
     << "unset multiplot\nset yrange [*:*]\nset xrange [*:*]\nset xtics autofreq\n\n";

  // The confusion matrix as a heat map, rows the true class, with counts written in.
  gp << "set terminal svg size 720,640 dynamic font 'sans,11' background '#ffffff'\n"
     << "set output 'confusion.svg'\nunset grid\nset key off\nset size ratio 1\n"
     << "set title 'confusion matrix (test set): row = true class, column = predicted'\n"
     << "set xlabel 'predicted'\nset ylabel 'true'\nset palette defined (0 '#ffffff', 1 "
        "'#2b6cb0')\n"
     << "set cbrange [0:*]\nset xrange [-0.5:" << static_cast<double>(classes) - 0.5
     << "]\nset yrange [" << static_cast<double>(classes) - 0.5
     << ":-0.5]\nset xtics rotate by -45 (";
  for (std::size_t k = 0; k < classes; ++k) {
    gp << (k ? ", " : "") << quoted(data.class_names[k]) << " " << k;
  }
  gp << ")\nset ytics (";
  for (std::size_t k = 0; k < classes; ++k) {
    gp << (k ? ", " : "") << quoted(data.class_names[k]) << " " << k;
  }
  gp << ")\nplot 'confusion.csv' using 2:1:3 with image pixels, '' using 2:1:(sprintf('%d', $3)) "
        "with labels font 'sans,9'\n\n";

  // A grid of the first test images, titled "predicted (true)"; wrong ones in red.
  constexpr int kCols = 8, kRows = 4;
  const int shown = static_cast<int>(std::min<Eigen::Index>(kCols * kRows, data.test_X.cols()));
  // About the width of the notes' text column, so the labels stay readable there.
  gp << "set terminal pngcairo size 880,800 font 'sans,12' background '#ffffff'\n"
     << "set output 'samples.png'\nset size noratio\nunset xlabel\nunset ylabel\nunset title\n"
     << "unset colorbox\nunset tics\nunset border\nset palette grey negative\n"
     << "set cbrange [0:1]\nset xrange [-0.5:" << static_cast<double>(data.cols) - 0.5
     << "]\nset yrange [" << static_cast<double>(data.rows) - 0.5 << ":-0.5]\nset size ratio -1\n"
     << "set multiplot layout " << kRows << "," << kCols
     << " margins 0.01,0.99,0.01,0.94 spacing 0.02,0.1\n";
  for (int i = 0; i < shown; ++i) {
    const int predicted = result.test_predictions[static_cast<std::size_t>(i)];
    const int truth = data.test_y[static_cast<std::size_t>(i)];
    // Two lines: the prediction, then the truth in brackets ("\n" needs gnuplot's double quotes).
    gp << "set title " << quoted(data.class_names[static_cast<std::size_t>(predicted)])
       << " . \"\\n(\" . " << quoted(data.class_names[static_cast<std::size_t>(truth)])
       << " . \")\" tc rgb '" << (predicted == truth ? "#1a202c" : "#c53030") << "'\n"
       << "plot 'samples.csv' index " << i << " using 2:1:3 with image\n";
  }
  gp << "unset multiplot\n";
}

}  // namespace

Data load_data(const Options& options, std::ostream& log) {
  Data data;
  data::ImageSet train_set, test_set;
  const bool present = fs::exists(options.data_dir);
  if (!options.synthetic && (present || options.data_dir_given)) {
    train_set = data::load_mnist_format(options.data_dir, "train");
    test_set = data::load_mnist_format(options.data_dir, "t10k");
    data.source = options.data_dir;
    const bool fashion = options.data_dir.find("fashion") != std::string::npos;
    for (int k = 0; k < 10; ++k) {
      data.class_names.push_back(fashion ? kFashionNames[static_cast<std::size_t>(k)]
                                         : std::to_string(k));
    }
  } else {
    if (!options.synthetic) {
      log << "No dataset in " << options.data_dir << ". Install Debian's Fashion-MNIST with\n"
          << "  ./course install    (or: sudo apt-get install dataset-fashion-mnist)\n"
          << "or point --data at an MNIST-format folder. Training on the generated stand-in "
             "(10 simple patterns) instead.\n";
    }
    train_set = data::synthetic_images(6000, options.seed);
    test_set = data::synthetic_images(1000, options.seed + 1);
    data.source = "generated patterns (bp::data::synthetic_images)";
    for (const char* name : data::kSyntheticClassNames) data.class_names.emplace_back(name);
  }
  if (train_set.rows != test_set.rows || train_set.cols != test_set.cols) {
    throw data::DataError("load_data: the training images are " + std::to_string(train_set.rows) +
                          " x " + std::to_string(train_set.cols) + " but the test images are " +
                          std::to_string(test_set.rows) + " x " + std::to_string(test_set.cols));
  }
  data.rows = train_set.rows;
  data.cols = train_set.cols;
  data.train_X = as_matrix(train_set, options.train_limit);
  data.train_y = first(train_set.labels, options.train_limit);
  data.test_X = as_matrix(test_set, options.test_limit);
  data.test_y = first(test_set.labels, options.test_limit);
  const int top = std::max(*std::max_element(data.train_y.begin(), data.train_y.end()),
                           *std::max_element(data.test_y.begin(), data.test_y.end()));
  while (static_cast<int>(data.class_names.size()) <= top) {
    data.class_names.push_back(std::to_string(data.class_names.size()));
  }
  return data;
}

nn::Sequential<float> build_network(const Options& options, long pixels, long classes) {
  nn::MlpSpec spec;
  spec.sizes.push_back(pixels);
  spec.sizes.insert(spec.sizes.end(), options.hidden.begin(), options.hidden.end());
  spec.sizes.push_back(classes);
  if (options.init == "he") {
    spec.init = nn::Init::He;
  } else if (options.init == "xavier") {
    spec.init = nn::Init::Xavier;
  } else if (options.init == "pytorch") {
    spec.init = nn::Init::PyTorch;
  } else {
    throw ValueError("build_network: unknown init " + options.init + " (he, xavier or pytorch)");
  }
  spec.dropout = options.dropout;
  Rng rng(options.seed);
  return nn::make_mlp<float>(spec, rng);
}

std::vector<io::NamedMatrix<float>> weight_views(nn::Sequential<float>& model) {
  std::vector<io::NamedMatrix<float>> views;
  std::size_t k = 0;
  for (auto& p : model.parameters()) {
    views.push_back({std::to_string(k++ / 2) + "." + p.name, p.value});
  }
  return views;
}

Result train(const Options& options, const Data& data, nn::Sequential<float>& model,
             std::ostream& log) {
  const long pixels = static_cast<long>(data.rows * data.cols);
  const auto first_W = model.parameters();
  if (!first_W.empty() && first_W.front().value.cols() != pixels) {
    throw ValueError("train: the images of " + data.source + " are " + std::to_string(data.rows) +
                     " x " + std::to_string(data.cols) + " = " + std::to_string(pixels) +
                     " pixels, but the network's first layer takes " +
                     std::to_string(first_W.front().value.cols()) + " inputs");
  }
  const int classes = static_cast<int>(data.class_names.size());
  auto optimizer = make_optimizer(options);
  if (options.schedule != "constant" && options.schedule != "cosine") {
    throw ValueError("train: unknown schedule " + options.schedule + " (constant or cosine)");
  }
  const nn::Objective<float, std::vector<int>> objective = [](const nn::Matrix<float>& logits,
                                                              const std::vector<int>& labels) {
    return nn::softmax_cross_entropy(logits, labels);
  };
  Result result;
  const auto evaluate_into = [&](EpochMetrics m) {
    result.final = nn::evaluate(model, data.test_X, data.test_y, classes);
    m.test_loss = result.final.loss;
    m.test_accuracy = result.final.accuracy;
    result.history.push_back(m);
    log << "  epoch " << m.epoch << ": test accuracy " << fixed(m.test_accuracy, 4)
        << ", test loss " << fixed(m.test_loss, 4);
    if (m.epoch > 0) {
      log << ", training loss " << fixed(m.train_loss, 4) << " (" << fixed(m.seconds, 2) << " s, "
          << fixed(m.samples_per_second, 0) << " samples/s)";
    }
    log << "\n";
  };
  evaluate_into({0, std::nan(""), 0, 0, 0, 0});

  Progress progress(log, options.progress);
  Rng rng(options.seed + 1);  // the shuffling engine: the weights used options.seed
  const Eigen::Index n = data.train_X.cols();
  Clock::time_point started = Clock::now();
  Eigen::Index done = 0;
  int epoch = 1;
  const nn::StepObserver<float> observe = [&](std::size_t, Eigen::Index samples, float loss) {
    done += samples;
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    progress.step(epoch, options.epochs, done, n, loss, static_cast<double>(done) / seconds);
  };
  const auto after_epoch = [&](int e, float mean_loss) {
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    progress.end_epoch();
    evaluate_into(
        {e + 1, static_cast<double>(mean_loss), 0, 0, seconds, static_cast<double>(n) / seconds});
    if (options.schedule == "cosine") {  // chapter 6's schedule, one value per epoch
      optimizer->set_learning_rate(static_cast<float>(
          optim::cosine_lr(options.learning_rate, static_cast<std::size_t>(e + 1),
                           static_cast<std::size_t>(options.epochs), options.learning_rate / 100)));
    }
    epoch = e + 2;
    done = 0;
    started = Clock::now();
  };
  nn::fit<float, std::vector<int>>(model, objective, *optimizer, data.train_X, data.train_y,
                                   options.epochs, options.batch_size, rng, after_epoch, observe);
  {
    nn::EvaluationMode<float> eval(model);
    result.test_predictions = nn::predicted_classes(model.forward(data.test_X));
  }
  return result;
}

void write_outputs(const Options& options, const Data& data, nn::Sequential<float>& model,
                   const Result& result, std::ostream& log) {
  const fs::path dir = options.out_dir;
  fs::create_directories(dir);
  {
    std::ofstream csv(dir / "metrics.csv");
    csv << "epoch,train_loss,test_loss,test_accuracy,seconds,samples_per_second\n";
    for (const auto& m : result.history) {
      csv << m.epoch << "," << (std::isnan(m.train_loss) ? std::string("") : fixed(m.train_loss, 6))
          << "," << fixed(m.test_loss, 6) << "," << fixed(m.test_accuracy, 4) << ","
          << fixed(m.seconds, 3) << "," << fixed(m.samples_per_second, 0) << "\n";
    }
  }
  {
    std::ofstream csv(dir / "confusion.csv");  // true,predicted,count
    for (Eigen::Index t = 0; t < result.final.confusion.rows(); ++t) {
      for (Eigen::Index p = 0; p < result.final.confusion.cols(); ++p) {
        csv << t << "," << p << "," << result.final.confusion(t, p) << "\n";
      }
    }
  }
  {
    std::ofstream csv(dir / "samples.csv");  // row,col,value; one block per image
    const Eigen::Index shown = std::min<Eigen::Index>(32, data.test_X.cols());
    for (Eigen::Index i = 0; i < shown; ++i) {
      for (std::size_t r = 0; r < data.rows; ++r) {
        for (std::size_t c = 0; c < data.cols; ++c) {
          csv << r << "," << c << ","
              << fixed(static_cast<double>(
                           data.test_X(static_cast<Eigen::Index>(r * data.cols + c), i)),
                       3)
              << "\n";
        }
      }
      csv << "\n\n";
    }
  }
  io::save_weights((dir / "weights.bpw").string(), weight_views(model));
  log << "wrote " << (dir / "metrics.csv").string() << ", confusion.csv and weights.bpw\n";
  if (!options.pictures) return;
  write_gnuplot_script(dir, data, result);
  if (!have_gnuplot()) {
    log << "gnuplot is not installed, so no pictures: ./course install (or sudo apt-get install "
           "gnuplot-nox), then run gnuplot pictures.gp in "
        << dir.string() << "\n";
    return;
  }
  const std::string command = "cd " + shell_quoted(dir.string()) + " && gnuplot pictures.gp";
  if (std::system(command.c_str()) != 0) {
    throw std::runtime_error("write_outputs: gnuplot failed on " + (dir / "pictures.gp").string());
  }
  log << "drew curves.svg, confusion.svg and samples.png in " << dir.string() << "\n";
}

}  // namespace bp::train
