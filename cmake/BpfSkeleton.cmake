# Kernel programs compiled for the BPF target by clang and embedded in a skeleton header
# (bpftool gen skeleton), so the helper carries them and needs no file at run time. CO-RE makes
# the object independent of the kernel it was built on: no vmlinux.h, no kernel headers beyond
# the uapi ones.
find_program(NFQMON_CLANG NAMES clang clang-16 clang-15 clang-14 REQUIRED)
find_program(NFQMON_BPFTOOL NAMES bpftool PATHS /usr/sbin /sbin REQUIRED)

# nfqmon_bpf_skeleton(<header variable> <skeleton name> <source> [depends...]): compiles
# <source> (relative to the calling directory) and sets <header variable> to the skeleton
# header's path, <skeleton name>.skel.h in the calling directory's build tree.
function(nfqmon_bpf_skeleton header name source)
  get_filename_component(base ${source} NAME_WE)
  set(object ${CMAKE_CURRENT_BINARY_DIR}/${base}.bpf.o)
  set(skeleton ${CMAKE_CURRENT_BINARY_DIR}/${base}.skel.h)
  add_custom_command(
    OUTPUT ${object}
    COMMAND ${NFQMON_CLANG} -O2 -g -target bpf -Wall -Werror
            -I/usr/include/${CMAKE_LIBRARY_ARCHITECTURE} -c ${CMAKE_CURRENT_SOURCE_DIR}/${source}
            -o ${object}
    DEPENDS ${source} ${ARGN}
    COMMENT "Compiling ${base}.bpf.c for the BPF target"
    VERBATIM)
  add_custom_command(
    OUTPUT ${skeleton}
    COMMAND sh -c "\"$0\" gen skeleton \"$1\" name ${name} > \"$2\"" ${NFQMON_BPFTOOL} ${object}
            ${skeleton}
    DEPENDS ${object}
    COMMENT "Embedding ${base}.bpf.c (bpftool gen skeleton)"
    VERBATIM)
  set(${header} ${skeleton} PARENT_SCOPE)
endfunction()
