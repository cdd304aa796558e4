#include "bp/todo.h"

#include <memory>

namespace bp {
namespace {

std::size_t g_count = 0;
std::unique_ptr<NotImplemented> g_last;

// The compiler records an absolute path; the learner wants "exercises/ch01_.../file.cpp".
std::string course_relative(std::string_view path) {
  for (std::string_view tree : {"/exercises/", "/solutions/"}) {
    if (const auto at = path.rfind(tree); at != std::string_view::npos) {
      return std::string(path.substr(at + 1));
    }
  }
  return std::string(path);
}

}  // namespace

NotImplemented::NotImplemented(std::string task_id, std::string instruction, std::string where)
    : std::logic_error("task " + task_id + " is not implemented yet: " + instruction + " (" +
                       where + ")"),
      task_id_(std::move(task_id)),
      instruction_(std::move(instruction)),
      where_(std::move(where)) {}

void todo(std::string_view task_id, std::string_view instruction, std::source_location where) {
  NotImplemented error(std::string(task_id), std::string(instruction),
                       course_relative(where.file_name()) + ":" + std::to_string(where.line()));
  ++g_count;
  g_last = std::make_unique<NotImplemented>(error);
  throw error;
}

namespace detail {
std::size_t not_implemented_count() noexcept { return g_count; }
const NotImplemented* last_not_implemented() noexcept { return g_last.get(); }
void reset_not_implemented() noexcept {
  g_count = 0;
  g_last.reset();
}
}  // namespace detail

}  // namespace bp
