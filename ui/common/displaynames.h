#pragma once

#include "core/eval/evaltypes.h"
#include "core/registry/registrytypes.h"

#include <QCoreApplication>

// The words people read for the identifiers core keeps stable for files, JSON and the CLI
// ("completed", "data-scientist", "PendingManualApproval", "four-eyes", "end_turn"), translated.
class DisplayNames
{
    Q_DECLARE_TR_FUNCTIONS(DisplayNames)

public:
    static QString runStatus(const EvalRun &run);
    static QString role(Role role);
    // Why a role's decision buttons are disabled, for their tooltip (`team`: a team workspace's grant).
    static QString decidesNothing(Role role, bool team);
    static QString approval(ApprovalStatus status);
    static QString stage(Stage stage); // "—" for none
    static QString policyRule(const QString &name); // the name itself when it is not one of ours
    static QString stopReason(const QString &reason); // the reason itself when it is not a known one
    // The audit trail's own words ("data-scientist", "promote", "PendingManualApproval" and
    // "Test"), each the identifier itself when it is not one of ours.
    static QString roleName(const QString &name);
    static QString auditAction(const QString &action); // "promoted"
    static QString auditState(const QString &status, const QString &stage); // "Approved in Test"
};
