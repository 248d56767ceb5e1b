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
