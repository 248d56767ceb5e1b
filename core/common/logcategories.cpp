#include "core/common/logcategories.h"

Q_LOGGING_CATEGORY(lcApp, "genaiops.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "genaiops.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "genaiops.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProviders, "genaiops.providers", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEval, "genaiops.eval", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRegistry, "genaiops.registry", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEdge, "genaiops.edge", QtInfoMsg)
