# lupdate's sources are derived from the build, not kept by hand: every source file of the
# targets an executable is built from (itself and, recursively, the project's libraries it
# links). A file added to one of those libraries is translated; a library added to the window is
# too. What the executable does not link (the root helper's engine and D-Bus service) stays out.

# Whether `path` (absolute) is a file of the source tree, not a generated one.
function(_nfqmon_in_source_tree path out_var)
  cmake_path(IS_PREFIX CMAKE_BINARY_DIR "${path}" NORMALIZE generated)
  cmake_path(IS_PREFIX PROJECT_SOURCE_DIR "${path}" NORMALIZE ours)
  if(ours AND NOT generated)
    set(${out_var} TRUE PARENT_SCOPE)
  else()
    set(${out_var} FALSE PARENT_SCOPE)
  endif()
endfunction()

# The files of `target` in the source tree that can hold tr() or QT_TRANSLATE_NOOP, and its
# include directories there (so that lupdate finds the classes a source file includes).
function(_nfqmon_collect_sources target sources_var includes_var)
  get_target_property(directory ${target} SOURCE_DIR)
  set(sources "")
  set(includes "")
  foreach(property SOURCES INCLUDE_DIRECTORIES)
    get_target_property(paths ${target} ${property})
    if(NOT paths)
      continue()
    endif()
    foreach(path IN LISTS paths)
      if(path MATCHES "\\$<") # generator expressions: nothing of ours is written that way
        continue()
      endif()
      cmake_path(ABSOLUTE_PATH path BASE_DIRECTORY ${directory} NORMALIZE)
      _nfqmon_in_source_tree("${path}" ours)
      if(NOT ours)
        continue()
      elseif(property STREQUAL "INCLUDE_DIRECTORIES")
        list(APPEND includes "${path}")
      elseif(path MATCHES "\\.(cpp|h|ui)$")
        list(APPEND sources "${path}")
      endif()
    endforeach()
  endforeach()
  set(${sources_var} "${sources}" PARENT_SCOPE)
  set(${includes_var} "${includes}" PARENT_SCOPE)
endfunction()

# nfqmon_translated_sources(<sources_var> <includes_var> <target>): the source files of <target>
# and of the project's targets it links, directly or not (sorted), and their include directories.
# Call it once every one of those targets is defined.
function(nfqmon_translated_sources sources_var includes_var target)
  set(pending ${target})
  set(seen "")
  set(sources "")
  set(includes "")
  while(pending)
    list(POP_FRONT pending current)
    if(NOT TARGET ${current})
      continue() # a plain library name (-lfoo) or a link flag
    endif()
    get_target_property(aliased ${current} ALIASED_TARGET)
    if(aliased)
      set(current ${aliased})
    endif()
    get_target_property(imported ${current} IMPORTED)
    if(imported OR current IN_LIST seen)
      continue() # Qt and the system's libraries are not ours to translate
    endif()
    list(APPEND seen ${current})
    _nfqmon_collect_sources(${current} own_sources own_includes)
    list(APPEND sources ${own_sources})
    list(APPEND includes ${own_includes})
    get_target_property(type ${current} TYPE)
    set(links "")
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(links ${current} LINK_LIBRARIES)
    endif()
    get_target_property(interface_links ${current} INTERFACE_LINK_LIBRARIES)
    foreach(link IN LISTS links interface_links)
      # $<LINK_ONLY:x> is how a static library's private dependency appears in its interface.
      if(link MATCHES "^\\$<LINK_ONLY:([^>]+)>$")
        set(link ${CMAKE_MATCH_1})
      endif()
      if(link AND NOT link MATCHES "-NOTFOUND$" AND NOT link MATCHES "\\$<")
        list(APPEND pending ${link})
      endif()
    endforeach()
  endwhile()
  list(REMOVE_DUPLICATES sources)
  list(SORT sources)
  list(REMOVE_DUPLICATES includes)
  set(${sources_var} "${sources}" PARENT_SCOPE)
  set(${includes_var} "${includes}" PARENT_SCOPE)
endfunction()

# nfqmon_add_lupdate(<target> [EXTRA_TARGETS <target>...] TS_FILES <file>... LIST_FILE <file>):
# the target `update_translations` runs lupdate over nfqmon_translated_sources() of <target> and
# of the EXTRA_TARGETS (other executables that load the same translations) into the .ts files,
# then fills the English plural forms (translations/english-plurals.py). LIST_FILE receives the
# same sources and include paths in lupdate's @file syntax, for the test that checks that the
# .ts files hold every string of them.
function(nfqmon_add_lupdate target)
  cmake_parse_arguments(arg "" "LIST_FILE" "TS_FILES;EXTRA_TARGETS" ${ARGN})
  nfqmon_translated_sources(sources includes ${target})
  foreach(extra IN LISTS arg_EXTRA_TARGETS)
    nfqmon_translated_sources(extra_sources extra_includes ${extra})
    list(APPEND sources ${extra_sources})
    list(APPEND includes ${extra_includes})
  endforeach()
  list(REMOVE_DUPLICATES sources)
  list(SORT sources)
  list(REMOVE_DUPLICATES includes)
  list(TRANSFORM includes PREPEND "-I" OUTPUT_VARIABLE include_lines)
  list(JOIN include_lines "\n" content)
  list(JOIN sources "\n" source_lines)
  string(APPEND content "\n${source_lines}\n")
  file(CONFIGURE OUTPUT ${arg_LIST_FILE} CONTENT "${content}" @ONLY)

  qt_add_lupdate(${target} NO_GLOBAL_TARGET TS_FILES ${arg_TS_FILES} SOURCES ${sources}
                 INCLUDE_DIRECTORIES ${includes} OPTIONS -no-obsolete -locations none)
  find_package(Python3 COMPONENTS Interpreter)
  set(plurals "")
  if(Python3_Interpreter_FOUND)
    set(plurals COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/translations/english-plurals.py
                ${PROJECT_SOURCE_DIR}/translations/nfqmon_en.ts)
  endif()
  add_custom_target(update_translations ${plurals} VERBATIM)
  add_dependencies(update_translations ${target}_lupdate)
endfunction()
