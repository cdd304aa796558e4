// Checks the numbers that chapter 7's pictures quote (their alt text and captions) against the run
// that drew them: the notes build's short training run of worked example (C) on Fashion-MNIST
// (train_mlp --train-limit 10000 --test-limit 2000 --epochs 3). Reads the run's metrics.csv and
// confusion.csv from the folder given as the argument and compares them with ch07_run_values.h.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "ch07_run_values.h"
#include "quoted.h"

namespace {

// The rows of a CSV file, each split at its commas; the header line is skipped if `header`.
std::vector<std::vector<std::string>> read_csv(const std::string& path, bool header) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "ch07_run_check: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  if (header) std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream fields(line);
    std::string cell;
    while (std::getline(fields, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ch07_run_check RUN_DIR\n");
    return 2;
  }
  namespace v = ch07_run_values;
  const std::string dir = argv[1];
  bp::figures::Quoted q("ch07_run_check", "docs/figures/ch07_run_values.h");
  // metrics.csv: epoch,train_loss,test_loss,test_accuracy,seconds,samples_per_second
  const auto metrics = read_csv(dir + "/metrics.csv", true);
  if (metrics.size() != 4) {
    std::fprintf(stderr, "ch07_run_check: %s/metrics.csv has %zu epochs, not 0 to 3\n", dir.c_str(),
                 metrics.size());
    return 1;
  }
  q.check("the untrained network's test loss", std::stod(metrics[0][2]), v::kTestLossEpoch0, 3);
  q.check("the untrained network's test accuracy", std::stod(metrics[0][3]), v::kTestAccuracyEpoch0,
          2);
  q.check("the training loss of epoch 1", std::stod(metrics[1][1]), v::kTrainLossEpoch1, 3);
  q.check("the test loss after epoch 3", std::stod(metrics[3][2]), v::kTestLossEpoch3, 3);
  q.check("the test accuracy after epoch 3", std::stod(metrics[3][3]), v::kTestAccuracyEpoch3, 3);
  // confusion.csv: true,predicted,count
  std::map<std::pair<int, int>, double> count;
  std::map<int, double> of_class;
  for (const auto& row : read_csv(dir + "/confusion.csv", false)) {
    count[{std::stoi(row[0]), std::stoi(row[1])}] = std::stod(row[2]);
    of_class[std::stoi(row[0])] += std::stod(row[2]);
  }
  for (const auto& c : v::kConfusions) {
    const std::string what = "the test images of class " + std::to_string(c.true_class) +
                             " predicted as " + std::to_string(c.predicted);
    q.check(what, count[{c.true_class, c.predicted}], c.count, 6);
    q.check("the test images of class " + std::to_string(c.true_class), of_class[c.true_class],
            c.of_class, 6);
  }
  return q.status();
}
