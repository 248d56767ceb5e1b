#pragma once

#include "core/common/result.h"

#include <QCoreApplication>

class Workspace;

// Example data so a new user sees every panel at work. Idempotent: installing twice adds nothing.
// Each domain adds its part here as its panel is built.
class DemoContent
{
    Q_DECLARE_TR_FUNCTIONS(DemoContent)

public:
    static Status install(Workspace &workspace);
};
