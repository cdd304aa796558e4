# bp_add_chapter(<slug>): the one place that knows the course layout.
#
# For a slug such as ch01_derivatives it builds
#   bp_ref_<slug>   the reference library   from solutions/<slug>/*.cpp
#   bp_ex_<slug>    the learner's library   from exercises/<slug>/*.cpp
#   test_ref_<slug> / test_ex_<slug>        tests/<slug>/*.cpp linked against each of them
# and registers every GoogleTest case with CTest as "<ex|ref>/<Suite>.<Name>", labelled <slug>,
# one process per test, with a per-test timeout. A test whose code reached a "not implemented"
# stub exits with code 77, which CTest reports as skipped: the grader calls that "not started".
#
# Chapter N's libraries link chapter N-1's: the reference always links the reference; the learner's
# links the reference too unless BP_END_TO_END is on. Headers are included by file name
# ("central_difference.h"), so header names must be unique across the course (checked here).

set_property(GLOBAL PROPERTY BP_CHAPTERS "")

function(_bp_chapter_library track slug tree previous)
  set(lib bp_${track}_${slug})
  file(GLOB sources CONFIGURE_DEPENDS "${tree}/${slug}/*.cpp")
  file(GLOB headers CONFIGURE_DEPENDS "${tree}/${slug}/*.h")
  add_library(${lib} STATIC ${sources} ${headers})
  target_include_directories(${lib} PUBLIC "${tree}/${slug}")
  target_link_libraries(${lib} PUBLIC bp::common ${previous} PRIVATE bp_warnings)
  if(track STREQUAL "ex")
    target_link_libraries(${lib} PRIVATE bp_exercise_warnings)
  endif()
endfunction()

function(_bp_chapter_tests track slug)
  set(exe test_${track}_${slug})
  file(GLOB test_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/${slug}/*.cpp")
  add_executable(${exe} ${test_sources})
  target_link_libraries(${exe} PRIVATE bp_${track}_${slug} bp::testing bp_warnings)
  target_compile_definitions(${exe} PRIVATE
    BP_SOURCE_DIR="${PROJECT_SOURCE_DIR}" BP_CHAPTER="${slug}")
  gtest_discover_tests(${exe}
    TEST_PREFIX "${track}/"
    DISCOVERY_MODE PRE_TEST
    NO_PRETTY_VALUES  # name value-parameterized tests by their generated names, not a byte dump
    PROPERTIES LABELS "${slug}" TIMEOUT ${BP_TEST_TIMEOUT} SKIP_RETURN_CODE 77)
  add_custom_target(grade_${slug}_${track} DEPENDS ${exe})
endfunction()

function(bp_add_chapter slug)
  if(NOT slug MATCHES "^ch[0-9][0-9]_[a-z0-9_]+$")
    message(FATAL_ERROR "bp_add_chapter: '${slug}' is not a chapter slug of the form chNN_topic")
  endif()
  foreach(tree IN ITEMS "${BP_SOLUTIONS_DIR}" "${BP_EXERCISES_DIR}" "${PROJECT_SOURCE_DIR}/tests")
    if(NOT IS_DIRECTORY "${tree}/${slug}")
      message(FATAL_ERROR "bp_add_chapter(${slug}): missing folder ${tree}/${slug}")
    endif()
  endforeach()

  # Header names must be unique course-wide, because they are included by file name.
  file(GLOB headers RELATIVE "${BP_SOLUTIONS_DIR}/${slug}" "${BP_SOLUTIONS_DIR}/${slug}/*.h")
  foreach(h IN LISTS headers)
    get_property(owner GLOBAL PROPERTY BP_HEADER_${h})
    if(owner)
      message(FATAL_ERROR "bp_add_chapter(${slug}): header ${h} already exists in ${owner}; "
                          "header names must be unique across chapters")
    endif()
    set_property(GLOBAL PROPERTY BP_HEADER_${h} ${slug})
  endforeach()

  get_property(chapters GLOBAL PROPERTY BP_CHAPTERS)
  list(LENGTH chapters count)
  set(prev_ref "")
  set(prev_ex "")
  if(count GREATER 0)
    list(GET chapters -1 previous)
    set(prev_ref bp_ref_${previous})
    if(BP_END_TO_END)
      set(prev_ex bp_ex_${previous})
    else()
      set(prev_ex bp_ref_${previous})
    endif()
  endif()

  # The reference library always exists: later chapters of the learner's track link it.
  _bp_chapter_library(ref ${slug} "${BP_SOLUTIONS_DIR}" "${prev_ref}")
  if("solutions" IN_LIST BP_TRACKS)
    _bp_chapter_tests(ref ${slug})
  endif()
  if("exercises" IN_LIST BP_TRACKS)
    _bp_chapter_library(ex ${slug} "${BP_EXERCISES_DIR}" "${prev_ex}")
    _bp_chapter_tests(ex ${slug})
  endif()
  set_property(GLOBAL APPEND PROPERTY BP_CHAPTERS ${slug})
endfunction()
