#pragma once

#include "core/registry/registrytypes.h"

#include <QJsonObject>

// The registry's objects as `genaiops registry … --json` prints them (snake_case keys, stages and
// statuses by name). Audit entries have their own form in AuditTrail::toJson, since it is hashed.
class RegistryJson
{
public:
    static QJsonObject group(const ModelGroup &group);
    static QJsonObject version(const ModelVersion &version);
    static QJsonObject check(const PolicyCheck &check);
};
