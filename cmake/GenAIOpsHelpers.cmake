# genaiops_add_test(NAME name SOURCES files... LIBRARIES libs... [KEYRING] [GUI])
# One Qt Test executable per test class (after Zeal's zeal_add_test). KEYRING runs it inside a private
# D-Bus session with a freshly unlocked gnome-keyring-daemon; GUI runs it on the offscreen platform.
function(genaiops_add_test)
    # BOTH_ENGINES: the suite runs twice, as NAME on SQLite and as NAME_postgresql on a PostgreSQL
    # the test starts itself (tests/common/testworkspace.h says how a suite opens its workspace).
    # POSTGRES_ONLY: a suite about team workspaces, run on PostgreSQL only.
    cmake_parse_arguments(TEST "KEYRING;GUI;BOTH_ENGINES;POSTGRES_ONLY" "NAME;TIMEOUT" "SOURCES;LIBRARIES" ${ARGN})
    add_executable(${TEST_NAME} ${TEST_SOURCES})
    target_link_libraries(${TEST_NAME} PRIVATE genaiops_flags Qt6::Test ${TEST_LIBRARIES})
    if(TEST_BOTH_ENGINES OR TEST_POSTGRES_ONLY)
        target_link_libraries(${TEST_NAME} PRIVATE genaiops_testsupport)
    endif()
    target_compile_definitions(${TEST_NAME} PRIVATE
        GENAIOPS_SHARED_DIR="${GENAIOPS_SHARED_DIR}"
        GENAIOPS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        GENAIOPS_CLI_PATH="$<$<TARGET_EXISTS:genaiops>:$<TARGET_FILE:genaiops>>")
    if(TEST_KEYRING)
        set(command "${PROJECT_SOURCE_DIR}/tests/with-keyring.sh" $<TARGET_FILE:${TEST_NAME}>)
    else()
        set(command $<TARGET_FILE:${TEST_NAME}>)
    endif()
    add_test(NAME ${TEST_NAME} COMMAND ${command})
    set(environment "QT_QPA_PLATFORM=offscreen" "LC_ALL=C.UTF-8" "QT_LOGGING_RULES=*.debug=false")
    if(TEST_POSTGRES_ONLY)
        set_tests_properties(${TEST_NAME} PROPERTIES ENVIRONMENT "${environment};GENAIOPS_TEST_ENGINE=postgresql"
            LABELS postgresql)
    else()
        set_tests_properties(${TEST_NAME} PROPERTIES ENVIRONMENT "${environment}")
    endif()
    if(NOT TEST_TIMEOUT)
        set(TEST_TIMEOUT 300)
    endif()
    set_tests_properties(${TEST_NAME} PROPERTIES TIMEOUT ${TEST_TIMEOUT})
    if(TEST_BOTH_ENGINES)
        add_test(NAME ${TEST_NAME}_postgresql COMMAND ${command})
        set_tests_properties(${TEST_NAME}_postgresql PROPERTIES TIMEOUT ${TEST_TIMEOUT}
            ENVIRONMENT "${environment};GENAIOPS_TEST_ENGINE=postgresql" LABELS postgresql)
    endif()
endfunction()
