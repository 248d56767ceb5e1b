#pragma once

#include "core/common/result.h"
#include "core/edge/reviewmanifest.h"

#include <QSet>
#include <QStringList>

class Workspace;

// What the Edge panel starts from: the workspace's MQTT connection profiles and its recordings, by
// name, and the review queue's labelled inspections.
struct EdgeChoices
{
    QStringList profiles;
    QSet<QString> unverifiedProfiles; // verify_tls "no": marked in red

    QStringList recordings;
    QList<ReviewItem> labelled;

    static Result<EdgeChoices> load(Workspace &workspace);
};
