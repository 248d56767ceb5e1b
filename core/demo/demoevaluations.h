#pragma once

#include "core/common/result.h"

class Workspace;

// The Evaluations panel's demo: a bundled golden dataset with responses in two versions, a lexical
// run on each (so the trend and the comparison have something to show), and an imported Amazon
// Bedrock evaluation output with two reviewers' labels. Lexical metrics need no model, so the demo
// works offline.
class DemoEvaluations
{
public:
    static Status install(Workspace &workspace);

private:
    static Status labels(Workspace &workspace, qint64 runId);
    static Status lexicalRun(Workspace &workspace, const QString &resource, const QString &name, const QString &gate);
};
