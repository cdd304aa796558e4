/// \file
/// \brief The "not implemented" exception every exercise stub throws, and the helper that throws
/// it.
#pragma once

#include <cstddef>
#include <source_location>
#include <stdexcept>
#include <string>
#include <string_view>

namespace bp {

/// Thrown by an exercise stub that the learner has not filled in yet.
///
/// The grader reports a test that ends in this exception as *not started*, not as *wrong*.
class NotImplemented : public std::logic_error {
 public:
  /// \param task_id      the task's id, such as "ch01.1"
  /// \param instruction  one line saying what to implement
  /// \param where        the stub's location
  NotImplemented(std::string task_id, std::string instruction, std::string where);

  /// \return the task's id, such as "ch01.1"
  const std::string& task_id() const noexcept { return task_id_; }
  /// \return one line saying what to implement
  const std::string& instruction() const noexcept { return instruction_; }
  /// \return "exercises/<chapter>/<file>:<line>" of the stub
  const std::string& where() const noexcept { return where_; }

 private:
  std::string task_id_;
  std::string instruction_;
  std::string where_;
};

/// Marks an unfinished task: throws NotImplemented naming the task, what to do and where.
///
/// Every task region in `exercises/` starts out as one call to this function. It never returns,
/// so a stub needs no dummy return value.
/// \param task_id      the task's id, such as "ch01.1"
/// \param instruction  one line saying what to implement
/// \param where        filled in by the compiler; do not pass it
[[noreturn]] void todo(std::string_view task_id, std::string_view instruction,
                       std::source_location where = std::source_location::current());

namespace detail {
/// \return how many times todo() has been called in this process (the test main reads it)
std::size_t not_implemented_count() noexcept;
/// \return the most recent NotImplemented thrown by todo() in this process, or nullptr
const NotImplemented* last_not_implemented() noexcept;
/// Forgets the count and the last exception (the test main calls it before each test).
void reset_not_implemented() noexcept;
}  // namespace detail

}  // namespace bp
