// Keeps the numbers the notes quote equal to the numbers the figure programs measure.
//
// A chapter quotes a measured number from a values header next to its figure program
// (docs/figures/<name>_values.h), in a table marked `<!-- numbers-from: that header -->`, so the
// consistency check ties the text to the header. The program then measures the number again on
// every notes build and checks it against the header with a Quoted: a measurement that no longer
// rounds to the quoted literal fails the build, naming both, so the text cannot drift from what
// the code does.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

namespace bp::figures {

class Quoted {
 public:
  /// \param program  the figure program's name, for messages
  /// \param header   the values header that holds the quoted numbers
  Quoted(std::string program, std::string header)
      : program_(std::move(program)), header_(std::move(header)) {}

  /// Checks that `measured`, rounded to `digits` significant digits, is `quoted`.
  /// \param what      what the number is, as the text says it
  /// \param measured  this run's value
  /// \param quoted    the constant of the values header
  /// \param digits    the significant digits the header writes it with
  void check(const std::string& what, double measured, double quoted, int digits) {
    const double unit =
        quoted == 0.0 ? 0.0
                      : std::pow(10.0, std::floor(std::log10(std::fabs(quoted))) - digits + 1);
    const double tolerance = 0.5 * unit * (1.0 + 1e-9);
    if (!(std::fabs(measured - quoted) <= tolerance)) {
      std::fprintf(stderr,
                   "%s: %s measures %.9g, but %s quotes %.*g (to %d significant digits): update "
                   "the header and the chapter that quotes it\n",
                   program_.c_str(), what.c_str(), measured, header_.c_str(), digits, quoted,
                   digits);
      ok_ = false;
    }
  }

  /// \return the exit status of the program: 0 if every quoted number was measured again
  int status() const { return ok_ ? 0 : 1; }

 private:
  std::string program_, header_;
  bool ok_ = true;
};

}  // namespace bp::figures
