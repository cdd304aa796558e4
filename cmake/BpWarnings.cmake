# One interface target carries the project's warning flags; every target links it.
add_library(bp_warnings INTERFACE)
target_compile_options(bp_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
  -Wimplicit-fallthrough)

# Stubs in exercises/ deliberately leave their parameters unused until the learner fills them in.
add_library(bp_exercise_warnings INTERFACE)
target_compile_options(bp_exercise_warnings INTERFACE -Wno-unused-parameter)
