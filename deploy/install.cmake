# Install rules and the Debian package (included from the top-level CMakeLists.txt).
#   cmake --install build/release --prefix /usr            # or, from the build folder:
#   cd build/release && cpack -G DEB                        # → motcua-kiosk_<version>_<arch>.deb
# Layout: programs in /usr/bin, assets in /usr/share/motcua-kiosk (found next to the program at run time, see
# kiosk/core/config/install_layout.hpp), the example configuration as the conffile /etc/motcua-kiosk/kiosk.toml,
# the systemd unit, the Prometheus configuration and rules as documentation. State (/var/lib/motcua-kiosk) is
# made by the maintainer scripts, kept on upgrade and remove, dropped on purge.
include(GNUInstallDirs)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/motcua-kiosk COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/config/kiosk.example.toml DESTINATION /etc/motcua-kiosk RENAME kiosk.toml
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT kiosk)
# Debian 12 ships units in /lib/systemd/system (merged /usr makes it /usr/lib/systemd/system too).
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/motcua-kiosk.service DESTINATION /lib/systemd/system
        COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/config/kiosk.example.toml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/motcua-kiosk COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/deploy/prometheus DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/motcua-kiosk COMPONENT kiosk)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/deploy/add-printer.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/motcua-kiosk
        COMPONENT kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME motcua-kiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Mot Cua Kiosk maintainers <kiosk@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Self-service kiosk for a Hanoi ward one-stop office")
set(CPACK_PACKAGE_DESCRIPTION
    "Citizens browse administrative procedures, check their dossier by QR code and take printed queue tickets. "
    "Runs fullscreen in cage under systemd (watchdog, sandboxing); maintainers read /healthz, /status and /metrics.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Run-time needs that are dlopen'ed or used as programs, so shlibdeps cannot see them: the compositor, Mesa
# with the GL/EGL dispatchers SDL and the ImGui loader open (OpenGL/EGL in software when there is no GPU
# driver), and the user/folder tools of the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cage, libgl1, libegl1, libgl1-mesa-dri, libegl-mesa0, passwd, init-system-helpers")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups, ca-certificates")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/deploy/debian/conffiles ${PROJECT_SOURCE_DIR}/deploy/debian/postinst
    ${PROJECT_SOURCE_DIR}/deploy/debian/prerm ${PROJECT_SOURCE_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
