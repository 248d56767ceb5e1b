# One place for the compiler flags every target shares (after qBittorrent's CommonConfig.cmake).
add_library(genaiops_flags INTERFACE)
target_compile_features(genaiops_flags INTERFACE cxx_std_20)
target_compile_definitions(genaiops_flags INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(genaiops_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
if(GENAIOPS_WERROR)
    target_compile_options(genaiops_flags INTERFACE -Werror)
endif()

# The sanitizers apply to every target added after this, moc's output included. The first finding
# ends the process (-fno-sanitize-recover), so a test cannot pass over undefined behaviour.
if(GENAIOPS_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
if(GENAIOPS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "GENAIOPS_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
    endif()
    if(NOT GENAIOPS_SANITIZE)
        message(FATAL_ERROR "GENAIOPS_FUZZ needs GENAIOPS_SANITIZE: a fuzzer that cannot see memory errors misses most")
    endif()
endif()
