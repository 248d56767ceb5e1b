#pragma once

#include "core/common/result.h"

#include <QCoreApplication>

// Who is at the keyboard on this machine, as the operating system says (USER, else USERNAME): what
// a local workspace records as the author of a decision or a label.
class LocalUser
{
    Q_DECLARE_TR_FUNCTIONS(LocalUser)

public:
    static Result<QString> name();
};
