# Read by cpack (CPACK_PROJECT_CONFIG_FILE) before it builds a package, never when configuring.
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb quietly drops the computed Depends when dpkg-shlibdeps is missing; refuse instead.
    find_program(RAFAGA_DPKG_SHLIBDEPS dpkg-shlibdeps)
    if(NOT RAFAGA_DPKG_SHLIBDEPS)
        message(FATAL_ERROR
            "cpack: dpkg-shlibdeps is needed to compute the package's Depends: "
            "apt-get install dpkg-dev")
    endif()
endif()
