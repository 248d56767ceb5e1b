#pragma once

#include "core/common/result.h"

#include <QStringList>

class Workspace;

// What the Edge panel's connection bar offers: the workspace's MQTT connection profiles and its
// recordings, by name.
struct EdgeChoices
{
    QStringList profiles;
    QStringList recordings;

    static Result<EdgeChoices> load(Workspace &workspace);
};
