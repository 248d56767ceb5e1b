#pragma once

#include <QString>

#include <utility>
#include <variant>

// What went wrong, in words a user can act on. `where` names the place: a file and line, a field,
// a topic, an URL. The kind decides the CLI exit code (see cliexitcode.h) and whether a call may be
// retried.
struct Error
{
    enum class Kind {
        Usage, // the caller asked for something malformed (flags, arguments)
        Input, // a file or payload the user brought is not what it should be
        Storage, // the workspace database refused or failed
        Keyring, // the OS keyring is unreachable or refused
        Auth, // a service rejected our credentials or signature
        Throttled, // a service asked us to slow down (429, throttlingException)
        Service, // a service answered with an error of its own
        Network, // no answer: connection refused, reset, DNS
        Timeout, // no answer in time
        Cancelled, // the user stopped it
        Refused, // a policy or gate said no (the message names the rule), or the data changed under us
        Internal, // a bug: a state the program should never reach
    };

    Kind kind = Kind::Internal;
    QString message;
    QString where;

    // "where: message" when there is a place, else just the message.
    QString describe() const { return where.isEmpty() ? message : where + QStringLiteral(": ") + message; }
};

// A value or the Error that prevented it. Deliberately small: operator bool, value(), error().
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) { }
    Result(Error error) : m_state(std::move(error)) { }

    explicit operator bool() const { return std::holds_alternative<T>(m_state); }
    bool ok() const { return std::holds_alternative<T>(m_state); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// For operations that produce nothing but may fail.
struct Done
{
};
using Status = Result<Done>;

// A stable lower-case name for logs, JSON and the invocation log ("throttled", "auth" …).
inline QString errorKindName(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::Usage:
        return QStringLiteral("usage");
    case Error::Kind::Input:
        return QStringLiteral("input");
    case Error::Kind::Storage:
        return QStringLiteral("storage");
    case Error::Kind::Keyring:
        return QStringLiteral("keyring");
    case Error::Kind::Auth:
        return QStringLiteral("auth");
    case Error::Kind::Throttled:
        return QStringLiteral("throttled");
    case Error::Kind::Service:
        return QStringLiteral("service");
    case Error::Kind::Network:
        return QStringLiteral("network");
    case Error::Kind::Timeout:
        return QStringLiteral("timeout");
    case Error::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Error::Kind::Refused:
        return QStringLiteral("refused");
    case Error::Kind::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

inline Error makeError(Error::Kind kind, QString message, QString where = {})
{
    return Error{kind, std::move(message), std::move(where)};
}
