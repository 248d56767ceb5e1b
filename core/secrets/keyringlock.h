#pragma once

#include <QObject>

#include <functional>
#include <optional>

// Whether the Secret Service's default collection is locked. A read from a locked collection comes
// back from qtkeychain as "entry not found", the same as a profile without secrets; asked here, a
// locked keyring is told apart and said to be locked instead of the secret being taken as absent.
// Answers nullopt when no Secret Service answers (the caller keeps what it knew).
class KeyringLock
{
public:
    static void isLocked(QObject *context, std::function<void(std::optional<bool>)> done);
};
