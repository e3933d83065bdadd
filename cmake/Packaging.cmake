# Desktop integration and documentation install rules, and the Debian package (CPack DEB):
# `cpack -G DEB` in the build directory makes nfqmon_<version>_<arch>.deb.

set(NFQMON_PACKAGING ${PROJECT_SOURCE_DIR}/packaging)
set(NFQMON_HELPER_INSTALLED ${CMAKE_INSTALL_FULL_LIBEXECDIR}/nfqmon/nfqmon-helper)
# The helper's default --state-dir (helper/main.cpp); purging the package removes it.
set(NFQMON_STATE_DIR /var/lib/nfqmon)
set(NFQMON_PACKAGE_MAINTAINER
    "nfqmon maintainers <maintainers@users.noreply.r-seed-68f9268a.example>"
    CACHE STRING "Maintainer field of the Debian package")

# --- desktop entry, AppStream metadata, man pages, copyright, changelog

install(FILES ${NFQMON_PACKAGING}/desktop/org.nfqmon.nfqmon.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${NFQMON_PACKAGING}/desktop/org.nfqmon.nfqmon.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# Debian policy: man pages and changelogs compressed with gzip -9n (no name or time stamp in the
# header, so the package is reproducible).
find_program(NFQMON_GZIP gzip REQUIRED)
set(NFQMON_GZIPPED)
function(nfqmon_gzip source output)
  add_custom_command(OUTPUT ${output}
                     COMMAND ${NFQMON_GZIP} -9n -c ${source} > ${output}
                     DEPENDS ${source}
                     COMMENT "Compressing ${output}")
  set(NFQMON_GZIPPED ${NFQMON_GZIPPED} ${output} PARENT_SCOPE)
endfunction()
set(NFQMON_DOC_BUILD ${CMAKE_BINARY_DIR}/doc)
file(MAKE_DIRECTORY ${NFQMON_DOC_BUILD})
nfqmon_gzip(${NFQMON_PACKAGING}/man/nfqmon.1 ${NFQMON_DOC_BUILD}/nfqmon.1.gz)
nfqmon_gzip(${NFQMON_PACKAGING}/man/nfqmon-capture.1 ${NFQMON_DOC_BUILD}/nfqmon-capture.1.gz)
nfqmon_gzip(${NFQMON_PACKAGING}/man/nfqmon-helper.8 ${NFQMON_DOC_BUILD}/nfqmon-helper.8.gz)
# A native package (no Debian revision): lintian wants changelog.gz, not changelog.Debian.gz.
nfqmon_gzip(${NFQMON_PACKAGING}/debian/changelog ${NFQMON_DOC_BUILD}/changelog.gz)
add_custom_target(nfqmon_docs ALL DEPENDS ${NFQMON_GZIPPED})

install(FILES ${NFQMON_DOC_BUILD}/nfqmon.1.gz ${NFQMON_DOC_BUILD}/nfqmon-capture.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${NFQMON_DOC_BUILD}/nfqmon-helper.8.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8)
install(FILES ${NFQMON_PACKAGING}/debian/copyright ${NFQMON_DOC_BUILD}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
# The headless mode's sample (captures loopback): root-owned once installed, as the helper wants
# a config file to be (README, "Headless mode").
install(FILES ${NFQMON_PACKAGING}/nfqmon-sample.conf DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        RENAME capture.conf)

# The changelog's newest entry names the version the package claims.
file(STRINGS ${NFQMON_PACKAGING}/debian/changelog NFQMON_CHANGELOG_HEAD LIMIT_COUNT 1)
if(NOT NFQMON_CHANGELOG_HEAD MATCHES "^nfqmon \\(${PROJECT_VERSION}\\) ")
  message(WARNING "packaging/debian/changelog starts with \"${NFQMON_CHANGELOG_HEAD}\", not an "
                  "entry for ${PROJECT_VERSION}: add one before building the package")
endif()

# --- maintainer scripts

foreach(script postinst prerm postrm)
  configure_file(${NFQMON_PACKAGING}/debian/${script}.in ${CMAKE_BINARY_DIR}/debian/${script}
                 @ONLY FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                 GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
  list(APPEND CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_BINARY_DIR}/debian/${script})
endforeach()

# --- CPack

if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "nfqmon: install prefix ${CMAKE_INSTALL_PREFIX}: the system bus and polkit look "
                 "only in /usr, so the Debian package needs -DCMAKE_INSTALL_PREFIX=/usr")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nfqmon)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${NFQMON_PACKAGE_MAINTAINER})
set(CPACK_PACKAGE_VENDOR "nfqmon")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/nfqmon/nfqmon")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop firewall monitor for netfilter queues")
# Lines as they appear in the control file (CPack indents them and marks the empty line).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "NFQueue Monitor shows, live, every packet that netfilter hands to userspace\n"
       "through NFQUEUE: in a table with decoded headers and bytes, and in charts of\n"
       "rates, protocols and top talkers. Traffic can be dropped by rule (a right-click\n"
       "on a packet is enough), saved to pcap files and exported for Wireshark or\n"
       "tcpdump.\n"
       "\n"
       "The application runs without privileges. A small root helper, started on\n"
       "demand over the D-Bus system bus and authorised by polkit, owns the kernel\n"
       "queue and the iptables chains, for IPv4 and IPv6. When the helper is not\n"
       "listening, traffic flows on (fail-open).")
# The paths written into the activation file, the unit and the scripts are the configured
# prefix; DESTDIR staging keeps the package at exactly that prefix (and keeps the unit's
# absolute destination inside the staging directory).
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
# Whatever the umask of whoever runs cpack.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the helper runs and talks to: iptables-restore and friends, the system bus, polkitd (Debian
# 12 splits polkit; pkexec is not needed), and adduser for the postinst's opt-in groups.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "iptables, default-dbus-system-bus | dbus-system-bus, polkitd, adduser")
# Qt draws the SVG icons through libqt6svg6's plugins; without them the window has no icons.
# publicsuffix: "drop packets to this domain" finds a name's registrable domain in its list;
# without it the window guesses (the name without its first label).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6svg6, publicsuffix")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/")

include(CPack)
